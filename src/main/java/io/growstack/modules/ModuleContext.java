package io.growstack.modules;

import io.growstack.core.Architecture;
import io.growstack.core.GrowStack;
import io.growstack.core.Output;
import io.growstack.core.Variable;
import io.growstack.network.INetwork;
import io.growstack.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The stack one module is built in, with the variables, outputs and stand-in substitutions the
 * module declares. The stack's project and environment are stand-ins for the module's
 * {@code project} and {@code environment} variables, its region for the region of the provider
 * the caller passes.
 */
public final class ModuleContext {
    /**
     * The project the module stack is built with, standing for {@code var.project}: as long as the
     * longest project the Java API accepts, so every name-length rule the block checked holds for
     * any project the variable accepts.
     */
    static final String PROJECT = "gsmoduleprojectx";
    /** The environment, standing for {@code var.environment}; the longest the Java API accepts. */
    static final String ENVIRONMENT = "gsmodenv";
    /** The region the module stack is built in; it stands for the caller's provider region. */
    static final String REGION = "ap-northeast-2";
    /** The zones of {@link #REGION} the stand-in network uses; they stand for {@code var.availability_zones}. */
    static final List<String> ZONES = List.of("ap-northeast-2a", "ap-northeast-2c");
    /** The VPC block an imported network is built with; it stands for {@code var.vpc_cidr}. */
    static final String VPC_CIDR = "10.0.0.0/16";

    /**
     * AMI ids pinned in the module stack's context (so the block makes no SSM lookup), one per
     * architecture; each stands for {@code var.image_id} in a module that declares it.
     */
    static final java.util.Map<Architecture, String> AMIS = java.util.Map.of(
            Architecture.X86_64, "ami-0a0a0a0a0a0a0a0a0", Architecture.ARM64, "ami-0b0b0b0b0b0b0b0b0");

    private final GrowStack stack;
    private final boolean standInPass;
    private final List<Substitution> substitutions = new ArrayList<>();
    /** Substitutions a block may not need: the naming ones, and the VPC block every placed module takes. */
    private final java.util.Set<Substitution> optional = new java.util.HashSet<>();

    ModuleContext(GrowStack stack, boolean standInPass) {
        this.stack = stack;
        this.standInPass = standInPass;
        substitutions.add(new Substitution(PROJECT + "-" + ENVIRONMENT, "${var.project}-${var.environment}",
                Substitution.Match.ANYWHERE));
        substitutions.add(Substitution.of(PROJECT, "var.project", false));
        substitutions.add(Substitution.of(ENVIRONMENT, "var.environment", false));
        optional.addAll(substitutions);
    }

    /** The module's stack, the scope of its block. */
    public GrowStack stack() {
        return stack;
    }

    /** Declares {@code variable} in the module. */
    public Variable variable(Variable.Builder variable) {
        return variable.build(stack);
    }

    /**
     * The {@code project} and {@code environment} variables: with the Java API's rules, they prefix
     * every name the block makes ({@code project-environment-...}) and tag what the provider's
     * default tags do not reach (instances launched by Auto Scaling).
     */
    void declareNaming() {
        variable(Variable.builder("project", "string")
                .description("Project name: prefixes every name the module creates and tags resources, such as shop")
                .validation(naming("var.project", PROJECT.length()),
                        "project must be 1-" + PROJECT.length() + " lowercase letters, digits or single hyphens,"
                                + " starting with a letter and ending with a letter or digit."));
        variable(Variable.builder("environment", "string")
                .description("Environment name, such as dev or prod: follows the project in every name")
                .validation(naming("var.environment", ENVIRONMENT.length()),
                        "environment must be 1-" + ENVIRONMENT.length() + " lowercase letters, digits or single"
                                + " hyphens, starting with a letter and ending with a letter or digit, such as prod."));
    }

    private static String naming(String reference, int max) {
        return "can(regex(\"^[a-z][a-z0-9-]{0," + (max - 1) + "}$\", " + reference + ")) && !endswith(" + reference
                + ", \"-\") && !strcontains(" + reference + ", \"--\")";
    }

    /**
     * The {@code image_id} variable for hosts of {@code architecture}: a module does not look the
     * image up itself (a lookup reads AWS at plan time); the root template reads AWS's public
     * Amazon Linux 2023 parameter, or takes a pinned id.
     */
    public void imageVariable(Architecture architecture) {
        variable(Variable.builder("image_id", "string")
                .description("AMI id of the hosts, an " + architecture.awsName() + " image (the root template passes"
                        + " Amazon Linux 2023 from " + io.growstack.core.Ami.amazonLinux2023Parameter(architecture) + ")")
                .validation("can(regex(\"^ami-[0-9a-f]{8}([0-9a-f]{9})?$\", var.image_id))",
                        "image_id must be an AMI id such as ami-0123456789abcdef0."));
        substituteWhole(AMIS.get(architecture), "var.image_id");
    }

    /** Thrown in the stand-in pass once the stand-ins exist, so that pass synthesizes only them. */
    static final class StandInsBuilt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StandInsBuilt() {
            super(null, null, false, false);
        }
    }

    /**
     * Marks the end of the stand-ins: blocks of other modules this module's block needs as Java
     * objects. Everything built so far is left out of the module; what is built afterwards stays,
     * even when it hangs off a stand-in (a rule the block adds to the stand-in's security group).
     */
    public void standInsBuilt() {
        if (standInPass) {
            throw new StandInsBuilt();
        }
    }

    /**
     * A reference token of a stand-in (such as {@code ${aws_security_group.x.id}}) stands for
     * {@code expression} (such as {@code var.service_security_group_id}) in the module.
     */
    public void replaceReference(String token, String expression) {
        if (!token.startsWith("${") || !token.endsWith("}")) {
            throw new IllegalArgumentException("expected a reference token ${...}, got " + token);
        }
        substitutions.add(Substitution.reference(token.substring(2, token.length() - 1), expression));
    }

    /**
     * A bucket the block names by prefix from {@code project-environment-base}: Java shortens the
     * prefix to what the provider allows, so the module computes the same shortening of the
     * caller's names ({@code PrivateBucket.uniquePrefix}).
     */
    public void bucketPrefix(String base) {
        int keep = io.growstack.web.PrivateBucket.MAX_BUCKET_PREFIX_LENGTH - 1;
        substitutions.add(new Substitution(io.growstack.web.PrivateBucket.uniquePrefix(PROJECT + "-" + ENVIRONMENT + "-"
                + base), "${replace(substr(\"${var.project}-${var.environment}-" + base + "\", 0, " + keep
                + "), \"/[-.]+$/\", \"\")}-", Substitution.Match.WHOLE));
    }

    /** Replaces {@code literal} by {@code expression} wherever it occurs in a string of the module. */
    public void substitute(String literal, String expression) {
        substitutions.add(Substitution.of(literal, expression, false));
    }

    /** Replaces strings equal to {@code literal} by a reference to {@code expression}. */
    public void substituteWhole(String literal, String expression) {
        substitutions.add(Substitution.of(literal, expression, true));
    }

    /** The substitutions, those for whole strings first (a whole stand-in may contain a partial one). */
    List<Substitution> substitutions() {
        List<Substitution> ordered = new ArrayList<>(substitutions);
        ordered.sort(java.util.Comparator.comparing(s -> s.match() != Substitution.Match.WHOLE));
        return List.copyOf(ordered);
    }

    /** Whether the block must have emitted {@code substitution}'s stand-in somewhere. */
    boolean required(Substitution substitution) {
        return !optional.contains(substitution);
    }

    /** Declares an output {@code name} with {@code value} (usually a block's typed getter). */
    public void output(String name, Object value, String description) {
        new Output(stack, "output-" + name.replace('_', '-'), name, value, description, false);
    }

    /**
     * The network a block is placed in, passed as variables the network module outputs: VPC id and
     * block, the two zones and the public and private subnet ids in zone order.
     */
    public INetwork importedNetwork() {
        variable(Variable.builder("vpc_id", "string").description("Id of the VPC (the network module's vpc_id)")
                .validation("startswith(var.vpc_id, \"vpc-\")", "vpc_id must be a VPC id such as vpc-0abc1234."));
        variable(Variable.builder("vpc_cidr", "string")
                .description("IPv4 block of the VPC (the network module's vpc_cidr)")
                .validation("can(cidrnetmask(var.vpc_cidr))", "vpc_cidr must be an IPv4 CIDR block such as 10.0.0.0/16."));
        zonesVariable("availability_zones", "The network's two availability zones (the network module's"
                + " availability_zones)");
        subnetsVariable("public_subnet_ids", "Public subnet ids, one per zone (the network module's public_subnet_ids)");
        subnetsVariable("private_subnet_ids",
                "Private subnet ids, one per zone (the network module's private_subnet_ids)");
        substitute(VPC_CIDR, "var.vpc_cidr");
        optional.add(substitutions.get(substitutions.size() - 1));
        return Network.fromAttributes("${var.vpc_id}", VPC_CIDR, indexed("availability_zones"),
                indexed("public_subnet_ids"), indexed("private_subnet_ids"));
    }

    /** A list of exactly the two zones the modules are built for. */
    void zonesVariable(String name, String description) {
        variable(Variable.builder(name, "list(string)").description(description)
                .validation("length(var." + name + ") == " + ZONES.size() + " && length(distinct(var." + name
                                + ")) == " + ZONES.size(),
                        name + " must name " + ZONES.size() + " distinct zones (the generated modules are built for "
                                + ZONES.size() + "; the Java API takes 2 to 6).")
                .validation("alltrue([for z in var." + name
                                + " : can(regex(\"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9][a-z]$\", z))])",
                        "Each entry of " + name + " must be a zone name such as ap-northeast-2a."));
    }

    private void subnetsVariable(String name, String description) {
        variable(Variable.builder(name, "list(string)").description(description)
                .validation("length(var." + name + ") == " + ZONES.size() + " && alltrue([for s in var." + name
                                + " : startswith(s, \"subnet-\")])",
                        name + " must hold " + ZONES.size() + " subnet ids (subnet-...), one per zone."));
    }

    static List<String> indexed(String listVariable) {
        return IntStream.range(0, ZONES.size()).mapToObj(i -> "${var." + listVariable + "[" + i + "]}").toList();
    }
}
