package io.growstack.web;

import io.growstack.aws.S3Bucket;
import io.growstack.aws.S3BucketLifecycleConfiguration;
import io.growstack.aws.S3BucketOwnershipControls;
import io.growstack.aws.S3BucketPolicy;
import io.growstack.aws.S3BucketPublicAccessBlock;
import io.growstack.aws.S3BucketServerSideEncryptionConfiguration;
import io.growstack.aws.S3BucketVersioning;
import io.growstack.core.Args;
import io.growstack.core.ConstructPaths;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.Json;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * An S3 bucket nobody outside the account can reach unless its policy says so.
 *
 * <p>Always: all four public-access-block switches on, ACLs disabled ({@code BucketOwnerEnforced}),
 * default encryption, and a bucket policy whose first statement ({@value #DENY_INSECURE_TRANSPORT_SID})
 * denies every request that does not use TLS ({@code aws:SecureTransport} false) on the bucket and
 * its objects. The owner adds narrowly scoped statements with {@link #addToResourcePolicy}.
 *
 * <p>Defaults: a name that starts {@code <project>-<environment>-<id>-} and ends in a suffix Terraform
 * makes unique (S3 names are global across accounts, so a fixed one is often taken), SSE-S3 ({@code AES256}), not versioned,
 * no lifecycle rule, not force-destroyed. See {@link PrivateBucketProps}.
 */
public class PrivateBucket extends Construct {
    /** The Sid of the statement that denies plain HTTP. */
    public static final String DENY_INSECURE_TRANSPORT_SID = "DenyInsecureTransport";
    /** The lifecycle rule id that expires noncurrent versions. */
    public static final String NONCURRENT_VERSIONS_RULE_ID = "expire-noncurrent-versions";

    private static final String RULES = " (S3 bucket naming rules)";
    /** The longest {@code bucket_prefix} the AWS provider accepts. */
    public static final int MAX_BUCKET_PREFIX_LENGTH = 37;
    private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");
    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:\\d{12}:(key|alias)/.+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("Service", "AWS", "*");

    private final String literalName;
    private final String partition;
    private final Resource bucket;
    private final Resource publicAccessBlock;
    private final Resource ownershipControls;
    private final Resource encryption;
    private final Resource versioning;
    private final Resource lifecycle;
    private final Resource policy;
    private final List<PolicyStatement> statements = new ArrayList<>();

    /** A private bucket with every default. */
    public PrivateBucket(Construct scope, String id) {
        this(scope, id, PrivateBucketProps.builder().build());
    }

    /** Creates the bucket; throws {@link ValidationException} for bad settings. */
    public PrivateBucket(Construct scope, String id, PrivateBucketProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        this.partition = stack.partition();
        if (props.bucketName != null && props.bucketPrefix != null) {
            throw ValidationException.of(this, "bucketPrefix", props.bucketPrefix,
                    "expected either bucketName or bucketPrefix, not both (bucketName is " + props.bucketName + ")");
        }
        String prefix = null;
        if (props.bucketName != null) {
            String problem = bucketNameProblem(props.bucketName);
            if (problem != null) {
                throw ValidationException.of(this, "bucketName", props.bucketName, problem);
            }
        } else if (props.bucketPrefix != null) {
            String problem = bucketPrefixProblem(props.bucketPrefix);
            if (problem != null) {
                throw ValidationException.of(this, "bucketPrefix", props.bucketPrefix, problem);
            }
            prefix = props.bucketPrefix;
        } else {
            prefix = uniquePrefix(stack.naming().name(id));
        }
        this.literalName = props.bucketName;
        if (props.bucketName != null) {
            checkName(this, props.bucketName, props.bucketName);
        }
        if (props.kmsKeyArn != null && !Tokens.containsReference(props.kmsKeyArn)
                && !KMS_KEY_ARN.matcher(props.kmsKeyArn).matches()) {
            throw ValidationException.of(this, "kmsKeyArn", props.kmsKeyArn,
                    "expected a KMS key or alias ARN such as arn:aws:kms:ap-northeast-2:123456789012:key/<key-id>");
        }
        Integer expiryDays = props.noncurrentVersionExpirationDays;
        if (expiryDays != null && !props.versioned) {
            throw ValidationException.of(this, "noncurrentVersionExpirationDays", expiryDays,
                    "expected versioned(true) too: only a versioned bucket has noncurrent versions");
        }
        if (expiryDays != null && expiryDays < 1) {
            throw ValidationException.of(this, "noncurrentVersionExpirationDays", expiryDays,
                    "expected at least 1 day");
        }

        String tagName = literalName != null ? literalName : prefix.replaceAll("[-.]+$", "");
        this.bucket = new Resource(this, "bucket", new S3Bucket(literalName, prefix,
                props.forceDestroy ? Boolean.TRUE : null, Map.of("Name", tagName)));
        String bucketId = bucket.attr("id");
        this.publicAccessBlock = new Resource(this, "public-access-block",
                S3BucketPublicAccessBlock.allBlocked(bucketId));
        this.ownershipControls = new Resource(this, "ownership-controls",
                S3BucketOwnershipControls.bucketOwnerEnforced(bucketId));
        S3BucketServerSideEncryptionConfiguration.Rule rule = props.kmsKeyArn == null
                ? new S3BucketServerSideEncryptionConfiguration.Rule(
                        new S3BucketServerSideEncryptionConfiguration.ApplyServerSideEncryptionByDefault(
                                PrivateBucketProps.DEFAULT_SSE_ALGORITHM, null), null)
                : new S3BucketServerSideEncryptionConfiguration.Rule(
                        new S3BucketServerSideEncryptionConfiguration.ApplyServerSideEncryptionByDefault(
                                "aws:kms", props.kmsKeyArn), true);
        this.encryption = new Resource(this, "encryption",
                new S3BucketServerSideEncryptionConfiguration(bucketId, List.of(rule)));
        this.versioning = props.versioned
                ? new Resource(this, "versioning", S3BucketVersioning.enabled(bucketId))
                : null;
        // The provider asks for this dependency: a lifecycle rule on noncurrent versions applied
        // before versioning is on can be rejected or silently do nothing.
        this.lifecycle = expiryDays == null ? null : new Resource(this, "lifecycle",
                new S3BucketLifecycleConfiguration(bucketId, List.of(new S3BucketLifecycleConfiguration.Rule(
                        NONCURRENT_VERSIONS_RULE_ID, "Enabled", S3BucketLifecycleConfiguration.Filter.everyObject(),
                        new S3BucketLifecycleConfiguration.NoncurrentVersionExpiration(expiryDays, null), null))),
                ResourceOptions.dependsOn(versioning));

        statements.add(PolicyStatement.denyEveryone(DENY_INSECURE_TRANSPORT_SID, List.of("s3:*"),
                        List.of(arn(), arnForObjects("*")))
                .withCondition("Bool", "aws:SecureTransport", "false"));
        // S3 rejects a policy written while the public access block is still being changed
        // ("OperationAborted: A conflicting conditional operation"), so the policy waits for it.
        // The document is rendered at synth, so owners may add statements naming resources created after
        // the bucket (a CloudFront distribution's ARN), as CDK's addToResourcePolicy allows.
        this.policy = Resource.deferred(this, "policy", "aws_s3_bucket_policy",
                () -> new S3BucketPolicy(bucket.attr("id"), policyDocument()), ResourceOptions.dependsOn(publicAccessBlock));
    }

    /**
     * A {@code bucket_prefix} made from {@code base} (such as {@code shop-prod-site}): shortened to
     * {@value #MAX_BUCKET_PREFIX_LENGTH} characters and ending in a hyphen. The AWS provider appends a
     * 26-character unique suffix to a prefix, and S3 allows 63 characters in all:
     * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket#bucket_prefix-1
     */
    public static String uniquePrefix(String base) {
        Args.notNull(base, "base");
        Args.notNull(base, "base");
        // Construct ids may hold capitals or underscores; bucket names may not.
        base = base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        String prefix = base.length() > MAX_BUCKET_PREFIX_LENGTH - 1 ? base.substring(0, MAX_BUCKET_PREFIX_LENGTH - 1) : base;
        return prefix.replaceAll("[-.]+$", "") + "-";
    }

    /**
     * Why {@code prefix} cannot start an S3 bucket name, or {@code null} if it can: the naming rules
     * of a full name, except length (at most {@value #MAX_BUCKET_PREFIX_LENGTH}) and the last character.
     */
    static String bucketPrefixProblem(String prefix) {
        if (prefix.isEmpty() || prefix.length() > MAX_BUCKET_PREFIX_LENGTH) {
            return "expected 1-" + MAX_BUCKET_PREFIX_LENGTH + " characters: the AWS provider appends a 26-character"
                    + " unique suffix and S3 allows 63";
        }
        // Checked as the shortest name it can start: the rules on characters and beginnings still apply.
        return bucketNameProblem((prefix.length() < 2 ? prefix + "x" : prefix) + "0");
    }

    /**
     * Why {@code name} breaks the S3 general purpose bucket naming rules, or {@code null} if it
     * follows them (a name holding a reference is not checked).
     * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
     */
    static String bucketNameProblem(String name) {
        return nameProblem(name);
    }

    // Bucket names claimed so far in each app (keyed by the construct tree's root): S3 names are
    // global, so two blocks of one app asking for the same name would fail at apply.
    private static final Map<Object, Map<String, String>> CLAIMED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Checks the bucket name of {@code block}: {@code explicit} as set by the user, or
     * {@code name} derived from project, environment and the construct id. A derived name that breaks
     * S3's rules is blamed on the id; a name another block of the app already uses is rejected.
     */
    static void checkName(Construct block, String explicit, String name) {
        String problem = nameProblem(name);
        if (problem != null && explicit == null) {
            throw ValidationException.of(block, "id", block.getNode().getId(), "expected an id that makes a valid"
                    + " bucket name: without bucketName(...) the bucket is named project-environment-<id> ('" + name
                    + "'), and " + problem.replaceFirst("^expected ", "S3 expects ") + "; rename the construct or set"
                    + " bucketName");
        }
        if (problem != null) {
            throw ValidationException.of(block, "bucketName", name, problem);
        }
        if (Tokens.containsReference(name)) {
            return;
        }
        String path = ConstructPaths.path(block);
        Map<String, String> claimed = CLAIMED.computeIfAbsent(block.getNode().getRoot(), r -> new java.util.HashMap<>());
        String owner = claimed.putIfAbsent(name, path);
        // A StaticSite claims its name and then builds its PrivateBucket child with it.
        if (owner != null && !path.startsWith(owner + "/") && !owner.equals(path)) {
            throw ValidationException.of(block, "bucketName", name, "expected a name no other bucket of this app uses"
                    + " (" + owner + " has it): S3 bucket names are global, so the second would fail at apply");
        }
    }

    private static String nameProblem(String name) {
        if (name == null) {
            return "expected a bucket name";
        }
        if (Tokens.containsReference(name)) {
            return null;
        }
        if (name.length() < 3 || name.length() > 63) {
            return "expected 3 to 63 characters" + RULES;
        }
        if (!CHARACTERS.matcher(name).matches()) {
            return "expected only lowercase letters, digits, hyphens and dots" + RULES;
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            return "expected a lowercase letter or digit at the start and at the end" + RULES;
        }
        if (name.contains("..")) {
            return "expected no two adjacent dots" + RULES;
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return "expected a name that is not formatted as an IP address" + RULES;
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return "expected no reserved prefix (" + String.join(", ", RESERVED_PREFIXES) + ")" + RULES;
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return "expected no reserved suffix (" + String.join(", ", RESERVED_SUFFIXES) + ")" + RULES;
            }
        }
        return null;
    }

    /**
     * Appends a statement to the bucket policy. Statements may be added until the stack is
     * synthesized; each needs an alphanumeric Sid that is unique in the policy.
     */
    public PrivateBucket addToResourcePolicy(PolicyStatement statement) {
        Objects.requireNonNull(statement, "statement must not be null");
        if (statement.sid() == null || !SID.matcher(statement.sid()).matches()) {
            throw ValidationException.of(this, "policy.sid", statement.sid(),
                    "expected a statement id of letters and digits, such as AllowCloudFrontRead");
        }
        for (PolicyStatement existing : statements) {
            if (existing.sid().equals(statement.sid())) {
                throw ValidationException.of(this, "policy.sid", statement.sid(),
                        "expected a statement id not yet used in this bucket policy");
            }
        }
        if (!statement.effect().equals("Allow") && !statement.effect().equals("Deny")) {
            throw ValidationException.of(this, "policy." + statement.sid() + ".effect", statement.effect(),
                    "expected Allow or Deny");
        }
        if (!PRINCIPAL_TYPES.contains(statement.principalType())
                || statement.principals().isEmpty() != "*".equals(statement.principalType())) {
            throw ValidationException.of(this, "policy." + statement.sid() + ".principal",
                    statement.principalType() + " " + statement.principals(),
                    "expected Service or AWS with at least one principal, or * alone");
        }
        if (statement.actions().isEmpty() || statement.resources().isEmpty()) {
            throw ValidationException.of(this, "policy." + statement.sid(), statement.actions() + " on "
                    + statement.resources(), "expected at least one action and one resource");
        }
        statements.add(statement);
        return this;
    }

    /** The policy statements, the TLS-only deny first. */
    public List<PolicyStatement> statements() {
        return Collections.unmodifiableList(statements);
    }

    /** The bucket policy as JSON text, as it will be synthesized. */
    public String policyDocument() {
        return PolicyStatement.document(statements);
    }

    /**
     * The bucket name: the literal given as {@code bucketName}, otherwise a reference to the name
     * Terraform completes from the prefix.
     */
    public String name() {
        return literalName != null ? literalName : bucket.attr("bucket");
    }

    /** The bucket name (a reference). */
    public String bucketName() {
        return bucket.attr("bucket");
    }

    /** The bucket ARN (a reference). */
    public String bucketArn() {
        return bucket.attr("arn");
    }

    /** The bucket's regional domain name, for example an origin of CloudFront (a reference). */
    public String bucketRegionalDomainName() {
        return bucket.attr("bucket_regional_domain_name");
    }

    /**
     * The ARN of the bucket: built from an explicit name and the stack's partition
     * ({@code arn:aws:s3:::shop-prod-site}), otherwise a reference to the bucket's {@code arn}.
     */
    public String arn() {
        return literalName != null ? "arn:" + partition + ":s3:::" + literalName : bucket.attr("arn");
    }

    /** The ARN of the objects matching {@code keyPattern}, for example {@code arnForObjects("*")}. */
    public String arnForObjects(String keyPattern) {
        return arn() + "/" + keyPattern;
    }

    /** The {@code aws_s3_bucket}. */
    public Resource bucket() {
        return bucket;
    }

    /** The {@code aws_s3_bucket_public_access_block}. */
    public Resource publicAccessBlock() {
        return publicAccessBlock;
    }

    /** The {@code aws_s3_bucket_ownership_controls}. */
    public Resource ownershipControls() {
        return ownershipControls;
    }

    /** The {@code aws_s3_bucket_server_side_encryption_configuration}. */
    public Resource encryption() {
        return encryption;
    }

    /** The {@code aws_s3_bucket_versioning}, or {@code null} when not versioned. */
    public Resource versioning() {
        return versioning;
    }

    /** The {@code aws_s3_bucket_lifecycle_configuration}, or {@code null} without a rule. */
    public Resource lifecycle() {
        return lifecycle;
    }

    /** The {@code aws_s3_bucket_policy}. */
    public Resource policy() {
        return policy;
    }
}
