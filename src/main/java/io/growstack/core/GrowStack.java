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
    /**
     * cdktf context key: zone names AWS added after growstack's table ({@link Regions#AS_OF}); a
     * region is known once one of its zones is listed here.
     */
    public static final String CONTEXT_KNOWN_ZONES = "growstack:knownZones";
    // AWS tagging rules: "Tag keys and values ... The aws: prefix is reserved for AWS use", keys at
    // most 128 characters and values at most 256 (Tagging AWS resources, "Tag naming limits").
    private static final int TAG_KEY_MAX = 128;
    private static final int TAG_VALUE_MAX = 256;
    // S3 bucket names: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a
    // letter or digit (Amazon S3 User Guide, "General purpose bucket naming rules").
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    // DynamoDB table names: 3-255 of a-z, A-Z, 0-9, '_', '-', '.' (DynamoDB Developer Guide, "Naming rules").
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    private static final Pattern ZONE = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d[a-z]");

    private final String region;
    private final StackElements elements;
    private final Naming naming;
    private final AwsProvider provider;
    private final Map<String, AwsProvider> additionalProviders = new LinkedHashMap<>();
    private final Map<String, String> defaultTags;
    private final java.util.List<String> pinnedZones;
    private final Map<Architecture, String> pinnedAmis = new java.util.EnumMap<>(Architecture.class);
    private final java.util.List<String> extraZones;

    /** Creates the stack {@code id} in {@code scope} (usually a cdktf {@code App}). */
    public GrowStack(Construct scope, String id, GrowStackProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        this.elements = new StackElements(this);
        this.extraZones = readKnownZones();
        this.region = checkRegion(this, "region", props.region());
        String project = props.project() == null ? id : props.project();
        // Names are joined with '-' (project-environment-name) and RDS, ElastiCache and ALB names
        // may neither end with a hyphen nor hold two in a row, so the parts are checked here, where
        // the user set them, rather than blamed later on a database identifier.
        if (!Naming.PROJECT.matcher(project).matches() || project.endsWith("-") || project.contains("--")) {
            throw ValidationException.of(this, "project", project,
                    "expected 1-16 lowercase letters, digits or single hyphens, starting with a letter and ending"
                            + " with a letter or digit (it prefixes S3 bucket, IAM and database names)"
                            + (props.project() == null ? "; the stack id is used when project is not set" : ""));
        }
        String environment = props.environment();
        if (!Naming.ENVIRONMENT.matcher(environment).matches() || environment.endsWith("-")
                || environment.contains("--")) {
            throw ValidationException.of(this, "environment", environment,
                    "expected 1-8 lowercase letters, digits or single hyphens, starting with a letter and ending"
                            + " with a letter or digit, such as dev or prod");
        }
        checkTags(props.tags());
        this.naming = new Naming(project, props.environment());

        Map<String, String> tags = new TreeMap<>();
        tags.put("Project", project);
        tags.put("Environment", props.environment());
        tags.put("ManagedBy", "growstack");
        tags.putAll(props.tags());
        this.defaultTags = java.util.Collections.unmodifiableMap(tags);

        String accountId = props.accountId();
        if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
            throw ValidationException.of(this, "accountId", accountId, "expected an AWS account id: 12 digits");
        }
        this.provider = new AwsProvider(this, "aws", region, null, tags, accountId);
        for (String extra : props.additionalRegions()) {
            checkRegion(this, "additionalRegions", extra);
            if (extra.equals(region) || additionalProviders.containsKey(extra)) {
                throw ValidationException.of(this, "additionalRegions", extra,
                        "expected each additional region once and different from the stack region " + region);
            }
            String alias = extra.replace('-', '_');
            additionalProviders.put(extra, new AwsProvider(this, "aws_" + alias, extra, alias, tags, accountId));
        }
        configureBackend(id, props.backend());
        this.pinnedZones = readPinnedZones();
        readPinnedAmis();
    }

    // Context keys let a project pin zones and images in cdktf.json (or a test in App's context),
    // which keeps plans offline and hosts fixed without touching the program.
    private java.util.List<String> readKnownZones() {
        Object zones = LogicalIds.node(this).tryGetContext(CONTEXT_KNOWN_ZONES);
        if (zones == null) {
            return java.util.List.of();
        }
        if (!(zones instanceof java.util.List<?> list)
                || list.stream().anyMatch(z -> !(z instanceof String text) || !ZONE.matcher(text).matches())) {
            throw ValidationException.of(this, "context " + CONTEXT_KNOWN_ZONES, zones,
                    "expected a list of zone names such as [\"ap-northeast-2a\"]");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private void checkTags(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty() || key.length() > TAG_KEY_MAX || key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw ValidationException.of(this, "tags", key,
                        "expected a tag key of 1-" + TAG_KEY_MAX + " characters not starting with 'aws:'"
                                + " (AWS reserves that prefix)");
            }
            if (tag.getValue().length() > TAG_VALUE_MAX) {
                throw ValidationException.of(this, "tags." + key, tag.getValue(),
                        "expected a tag value of at most " + TAG_VALUE_MAX + " characters");
            }
        }
    }

    /**
     * Zone names of the stack's region: growstack's table ({@link Regions}) plus those named in the
     * context key {@value #CONTEXT_KNOWN_ZONES}.
     */
    public java.util.List<String> knownAvailabilityZones() {
        return knownZones(region);
    }

    private java.util.List<String> knownZones(String name) {
        java.util.List<String> zones = new java.util.ArrayList<>(Regions.zones(name));
        for (String extra : extraZones) {
            if (extra.substring(0, extra.length() - 1).equals(name) && !zones.contains(extra)) {
                zones.add(extra);
            }
        }
        return java.util.List.copyOf(zones);
    }

    private java.util.List<String> readPinnedZones() {
        Object zones = LogicalIds.node(this).tryGetContext(CONTEXT_ZONES);
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
        Object amis = LogicalIds.node(this).tryGetContext(CONTEXT_AMIS);
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
                if (!Ami.isValidId(String.valueOf(id))) {
                    throw ValidationException.of(this, "context " + CONTEXT_AMIS + "." + architecture.awsName(), id,
                            Ami.EXPECTED);
                }
                pinnedAmis.put(architecture, String.valueOf(id));
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
        if (stack.knownZones(region).isEmpty()) {
            throw ValidationException.of(stack, property, region,
                    "expected a region AWS has, such as ap-northeast-2 (growstack's list as of " + Regions.AS_OF
                            + "; for a newer region name its zones in the context key " + CONTEXT_KNOWN_ZONES + ")");
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
            if (s3.bucket() == null || !BUCKET.matcher(s3.bucket()).matches() || s3.bucket().contains("..")) {
                throw ValidationException.of(this, "backend.bucket", s3.bucket(),
                        "expected the name of an existing S3 bucket: 3-63 lowercase letters, digits, dots or"
                                + " hyphens, starting and ending with a letter or digit");
            }
            // Terraform's S3 backend rejects an empty key and one that starts or ends with '/'.
            if (s3.key() == null || s3.key().isBlank() || s3.key().startsWith("/") || s3.key().endsWith("/")) {
                throw ValidationException.of(this, "backend.key", s3.key(),
                        "expected an object key such as shop/prod/terraform.tfstate (not empty, no leading or"
                                + " trailing '/')");
            }
            if (s3.dynamoDbTable() != null && !TABLE.matcher(s3.dynamoDbTable()).matches()) {
                throw ValidationException.of(this, "backend.dynamoDbTable", s3.dynamoDbTable(),
                        "expected a DynamoDB table name of 3-255 letters, digits, '_', '-' or '.'");
            }
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
        Args.notNull(construct, "construct");
        GrowStack stack = LogicalIds.stackOf(construct);
        if (stack == null) {
            String path = LogicalIds.scopePath(construct);
            int slash = path.indexOf('/');
            throw new ValidationException(path, "scope", slash < 0 ? path : path.substring(0, slash),
                    "expected a GrowStack or a construct inside one, such as new GrowStack(app, \"prod\","
                            + " GrowStackProps.builder(\"ap-northeast-2\").build())");
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
