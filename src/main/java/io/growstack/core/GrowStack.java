package io.growstack.core;

import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.LocalBackendConfig;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * A Terraform stack for one AWS environment: the {@code hashicorp/aws} provider for its region
 * (plus aliased providers for additional regions), {@code required_providers} pinned to the versions
 * this library is verified against, default tags, a naming scheme and a state backend.
 *
 * <p>Defaults: environment {@code dev}, project = the stack id, local state in the project root,
 * default tags {@code Project}, {@code Environment} and {@code ManagedBy=growstack}.
 */
public class GrowStack extends TerraformStack {
    /** Terraform version that introduced the S3 backend's native lock file. */
    public static final String LOCKFILE_TERRAFORM_VERSION = ">= 1.10";

    /** cdktf context key: a list of zone names networks use when none are given in code. */
    public static final String CONTEXT_ZONES = "growstack:availabilityZones";
    /** cdktf context key: a map {@code {"x86_64": "ami-…", "arm64": "ami-…"}} used instead of SSM lookups. */
    public static final String CONTEXT_AMIS = "growstack:amis";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");

    private final String region;
    private final StackElements elements;
    private final Naming naming;
    private final AwsProvider provider;
    private final Map<String, AwsProvider> additionalProviders = new LinkedHashMap<>();
    private final Map<String, String> defaultTags;
    private final java.util.List<String> pinnedZones;
    private final Map<Architecture, String> pinnedAmis = new java.util.EnumMap<>(Architecture.class);

    /** Creates the stack {@code id} in {@code scope} (usually a cdktf {@code App}). */
    public GrowStack(Construct scope, String id, GrowStackProps props) {
        super(scope, id);
        this.elements = new StackElements(this);
        this.region = checkRegion(this, "region", props.region());
        String project = props.project() == null ? id : props.project();
        if (!Naming.PROJECT.matcher(project).matches()) {
            throw ValidationException.of(this, "project", project,
                    "expected 1-16 lowercase letters, digits or hyphens starting with a letter"
                            + " (it prefixes S3 bucket and IAM names)");
        }
        if (!Naming.ENVIRONMENT.matcher(props.environment()).matches()) {
            throw ValidationException.of(this, "environment", props.environment(),
                    "expected 1-8 lowercase letters, digits or hyphens starting with a letter, such as dev or prod");
        }
        this.naming = new Naming(project, props.environment());

        Map<String, String> tags = new TreeMap<>();
        tags.put("Project", project);
        tags.put("Environment", props.environment());
        tags.put("ManagedBy", "growstack");
        tags.putAll(props.tags());
        this.defaultTags = java.util.Collections.unmodifiableMap(tags);

        this.provider = new AwsProvider(this, "aws", region, null, tags);
        for (String extra : props.additionalRegions()) {
            checkRegion(this, "additionalRegions", extra);
            if (extra.equals(region) || additionalProviders.containsKey(extra)) {
                throw ValidationException.of(this, "additionalRegions", extra,
                        "expected each additional region once and different from the stack region " + region);
            }
            String alias = extra.replace('-', '_');
            additionalProviders.put(extra, new AwsProvider(this, "aws_" + alias, extra, alias, tags));
        }
        configureBackend(id, props.backend());
        this.pinnedZones = readPinnedZones();
        readPinnedAmis();
    }

    // Context keys let a project pin zones and images in cdktf.json (or a test in App's context),
    // which keeps plans offline and hosts fixed without touching the program.
    private java.util.List<String> readPinnedZones() {
        Object zones = getNode().tryGetContext(CONTEXT_ZONES);
        if (zones == null) {
            return java.util.List.of();
        }
        if (!(zones instanceof java.util.List<?> list) || list.stream().anyMatch(z -> !(z instanceof String))) {
            throw ValidationException.of(this, "context " + CONTEXT_ZONES, zones,
                    "expected a list of zone names such as [\"" + region + "a\", \"" + region + "c\"]");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private void readPinnedAmis() {
        Object amis = getNode().tryGetContext(CONTEXT_AMIS);
        if (amis == null) {
            return;
        }
        if (!(amis instanceof Map<?, ?> map)) {
            throw ValidationException.of(this, "context " + CONTEXT_AMIS, amis,
                    "expected a map from architecture (x86_64, arm64) to an AMI id");
        }
        for (Architecture architecture : Architecture.values()) {
            Object id = map.get(architecture.awsName());
            if (id != null) {
                pinnedAmis.put(architecture, Ami.of(String.valueOf(id), architecture).id());
            }
        }
    }

    /** Zone names pinned in the cdktf context key {@value #CONTEXT_ZONES}; empty when none. */
    public java.util.List<String> pinnedAvailabilityZones() {
        return pinnedZones;
    }

    /** The AMI id pinned for {@code architecture} in the context key {@value #CONTEXT_AMIS}, if any. */
    public java.util.Optional<String> pinnedAmi(Architecture architecture) {
        return java.util.Optional.ofNullable(pinnedAmis.get(architecture));
    }

    private static String checkRegion(GrowStack stack, String property, String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw ValidationException.of(stack, property, region, "expected an AWS region such as ap-northeast-2");
        }
        return region;
    }

    private void configureBackend(String id, StateBackend backend) {
        if (backend instanceof StateBackend.Local local) {
            String path = local.path() == null ? "../../../terraform." + id + ".tfstate" : local.path();
            if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
                throw ValidationException.of(this, "backend.path", path,
                        "expected a path relative to the stack folder, so the synthesized JSON is the same on every machine");
            }
            new LocalBackend(this, LocalBackendConfig.builder().path(path).build());
        } else if (backend instanceof StateBackend.S3 s3) {
            checkRegion(this, "backend.region", s3.region());
            S3BackendConfig.Builder config = S3BackendConfig.builder()
                    .bucket(s3.bucket()).key(s3.key()).region(s3.region()).encrypt(true);
            if (s3.dynamoDbTable() != null) {
                config.dynamodbTable(s3.dynamoDbTable());
                new S3Backend(this, config.build());
            } else {
                // cdktf 0.19's S3Backend predates Terraform's native S3 lock file.
                new S3Backend(this, config.build()).addOverride("use_lockfile", true);
                addOverride("terraform.required_version", LOCKFILE_TERRAFORM_VERSION);
            }
        }
    }

    /** The stack that contains {@code construct}. */
    public static GrowStack of(IConstruct construct) {
        java.util.Objects.requireNonNull(construct, "scope");
        GrowStack stack = LogicalIds.stackOf(construct);
        if (stack == null) {
            String path = LogicalIds.scopePath(construct);
            throw new ValidationException(path.isEmpty() ? "app" : path, "scope", path,
                    "expected a construct inside a GrowStack: growstack blocks and resources render through their"
                            + " GrowStack (new GrowStack(app, id, props)), not a plain TerraformStack or the App");
        }
        return stack;
    }

    /** Renders the stack's growstack resources in Java ahead of cdktf's synth (see {@link Synthesizer}). */
    void prepareForSynth() {
        elements.prepare();
    }

    /** The one element that renders this stack's growstack resources and data sources. */
    StackElements elements() {
        return elements;
    }

    /** The growstack resources of this stack, in the order they were created. */
    public java.util.List<Resource> resources() {
        return elements.resources();
    }

    /** The region of the default provider. */
    public String region() {
        return region;
    }

    /** The ARN partition of the stack's region: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** The naming scheme for globally unique names. */
    public Naming naming() {
        return naming;
    }

    /**
     * The tags every resource gets through the provider's {@code default_tags}. Blocks copy them
     * where default tags do not reach, such as a launch template's tag specifications.
     */
    public Map<String, String> defaultTags() {
        return defaultTags;
    }

    /** The default provider. */
    public AwsProvider provider() {
        return provider;
    }

    /** The aliased provider for {@code region}, which must be one of the additional regions. */
    public AwsProvider provider(String region) {
        if (region.equals(this.region)) {
            return provider;
        }
        AwsProvider aliased = additionalProviders.get(region);
        if (aliased == null) {
            throw ValidationException.of(this, "additionalRegions", additionalProviders.keySet(),
                    "expected it to contain " + region + " because a block needs a provider there");
        }
        return aliased;
    }
}
