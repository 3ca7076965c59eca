package io.growstack.web;

import io.growstack.core.PolicyStatement;
import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivateBucketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "arn:aws:kms:ap-northeast-2:123456789012:key/11111111-2222-3333-4444-555555555555";
    private static final String ROLE = "arn:aws:iam::123456789012:role/deployer";

    private static JsonNode policy(Synthesized s, String name) throws Exception {
        return JSON.readTree(s.resource("aws_s3_bucket_policy", name).path("policy").asText());
    }

    @Test
    void theDefaultBucketIsNamedByTheStackBlocksPublicAccessAndUsesSseS3() throws Exception {
        Synthesized s = TestStacks.synthStack("bucket-defaults", stack -> new PrivateBucket(stack, "artifacts"));
        JsonNode bucket = s.resource("aws_s3_bucket", "artifacts_bucket");
        // S3 names are global across accounts (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html),
        // so the default is a prefix the provider completes with a unique suffix.
        assertThat(bucket.has("bucket")).isFalse();
        assertThat(bucket.path("bucket_prefix").asText()).isEqualTo("test-dev-artifacts-");
        assertThat(bucket.has("force_destroy")).isFalse();
        assertThat(bucket.has("acl")).isFalse();
        JsonNode block = s.resource("aws_s3_bucket_public_access_block", "artifacts_public-access-block");
        assertThat(List.of(block.path("block_public_acls"), block.path("block_public_policy"),
                block.path("ignore_public_acls"), block.path("restrict_public_buckets")))
                .allSatisfy(flag -> assertThat(flag.asBoolean(false)).isTrue());
        assertThat(s.resource("aws_s3_bucket_ownership_controls", "artifacts_ownership-controls")
                .path("rule").path("object_ownership").asText()).isEqualTo("BucketOwnerEnforced");
        JsonNode rule = s.resource("aws_s3_bucket_server_side_encryption_configuration", "artifacts_encryption")
                .path("rule").get(0);
        assertThat(rule.path("apply_server_side_encryption_by_default").path("sse_algorithm").asText()).isEqualTo("AES256");
        assertThat(rule.path("apply_server_side_encryption_by_default").has("kms_master_key_id")).isFalse();
        assertThat(rule.has("bucket_key_enabled")).isFalse();

        JsonNode statements = policy(s, "artifacts_policy").path("Statement");
        assertThat(statements.size()).isEqualTo(1);
        JsonNode deny = statements.get(0);
        assertThat(deny.path("Sid").asText()).isEqualTo("DenyInsecureTransport");
        assertThat(deny.path("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void aKmsKeyTurnsOnSseKmsWithABucketKey() {
        Synthesized s = TestStacks.synthStack("bucket-kms", stack -> new PrivateBucket(stack, "data",
                PrivateBucketProps.builder().kmsKeyArn(KEY).build()));
        JsonNode rule = s.resource("aws_s3_bucket_server_side_encryption_configuration", "data_encryption")
                .path("rule").get(0);
        assertThat(rule.path("apply_server_side_encryption_by_default").path("sse_algorithm").asText()).isEqualTo("aws:kms");
        assertThat(rule.path("apply_server_side_encryption_by_default").path("kms_master_key_id").asText()).isEqualTo(KEY);
        assertThat(rule.path("bucket_key_enabled").asBoolean()).isTrue();
    }

    @Test
    void aVersionedBucketExpiresNoncurrentVersionsAfterVersioningIsOn() {
        Synthesized s = TestStacks.synthStack("bucket-versioned", stack -> new PrivateBucket(stack, "artifacts",
                PrivateBucketProps.builder().versioned(true).noncurrentVersionExpirationDays(30).forceDestroy(true).build()));
        assertThat(s.resource("aws_s3_bucket", "artifacts_bucket").path("force_destroy").asBoolean()).isTrue();
        assertThat(s.resource("aws_s3_bucket_versioning", "artifacts_versioning")
                .path("versioning_configuration").path("status").asText()).isEqualTo("Enabled");
        JsonNode lifecycle = s.resource("aws_s3_bucket_lifecycle_configuration", "artifacts_lifecycle");
        JsonNode rule = lifecycle.path("rule").get(0);
        assertThat(rule.path("id").asText()).isEqualTo("expire-noncurrent-versions");
        assertThat(rule.path("status").asText()).isEqualTo("Enabled");
        assertThat(rule.has("filter")).as("an empty filter selects every object").isTrue();
        assertThat(rule.path("noncurrent_version_expiration").path("noncurrent_days").asInt()).isEqualTo(30);
        assertThat(lifecycle.path("depends_on").get(0).asText()).isEqualTo("aws_s3_bucket_versioning.artifacts_versioning");
    }

    @Test
    void statementsAddedByTheOwnerFollowTheTlsDenyInOrder() throws Exception {
        Synthesized s = TestStacks.synthStack("bucket-statements", stack -> {
            PrivateBucket bucket = new PrivateBucket(stack, "artifacts");
            bucket.addToResourcePolicy(PolicyStatement.allowAws("AllowDeployerWrite", List.of(ROLE),
                    List.of("s3:PutObject", "s3:GetObject"), List.of(bucket.arnForObjects("releases/*"))));
            bucket.addToResourcePolicy(PolicyStatement.allowService("AllowCodeDeployRead",
                    "codedeploy.amazonaws.com", List.of("s3:GetObject"), List.of(bucket.arnForObjects("*")))
                    .withCondition("StringEquals", "aws:SourceAccount", "123456789012"));
        });
        JsonNode statements = policy(s, "artifacts_policy").path("Statement");
        assertThat(statements.size()).isEqualTo(3);
        assertThat(statements.get(0).path("Sid").asText()).isEqualTo("DenyInsecureTransport");
        JsonNode write = statements.get(1);
        assertThat(write.path("Sid").asText()).isEqualTo("AllowDeployerWrite");
        assertThat(write.path("Principal").path("AWS").asText()).isEqualTo(ROLE);
        assertThat(write.path("Action").get(1).asText()).isEqualTo("s3:GetObject");
        assertThat(write.path("Resource").asText()).isEqualTo("${aws_s3_bucket.artifacts_bucket.arn}/releases/*");
        JsonNode read = statements.get(2);
        assertThat(read.path("Principal").path("Service").asText()).isEqualTo("codedeploy.amazonaws.com");
        assertThat(read.path("Condition").path("StringEquals").path("aws:SourceAccount").asText()).isEqualTo("123456789012");
        assertThat(s.resource("aws_s3_bucket_policy", "artifacts_policy").path("policy").asText())
                .startsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\"");
    }

    @Test
    void theSameProgramSynthesizesTheSameBytes() throws Exception {
        java.util.function.Consumer<com.hashicorp.cdktf.App> program = app -> {
            PrivateBucket bucket = new PrivateBucket(TestStacks.stack(app, "stable"), "artifacts");
            bucket.addToResourcePolicy(PolicyStatement.allowAws("AllowDeployerWrite", List.of(ROLE),
                    List.of("s3:PutObject"), List.of(bucket.arnForObjects("*")))
                    .withCondition("StringEquals", "aws:PrincipalAccount", "123456789012")
                    .withCondition("Bool", "aws:SecureTransport", "true"));
        };
        Synthesized first = TestStacks.synth("bucket-stable-1", program);
        Synthesized second = TestStacks.synth("bucket-stable-2", program);
        assertThat(Files.readString(second.dir().resolve("cdk.tf.json")))
                .isEqualTo(Files.readString(first.dir().resolve("cdk.tf.json")));
    }

    @Test
    void aGovCloudStackWritesItsOwnPartitionIntoTheArns() throws Exception {
        Synthesized s = TestStacks.synth("bucket-gov", app -> new PrivateBucket(new io.growstack.core.GrowStack(app,
                "bucket-gov", io.growstack.core.GrowStackProps.builder("us-gov-west-1").project("test").build()), "logs",
                PrivateBucketProps.builder().bucketName("test-dev-logs").build()));
        assertThat(policy(s, "logs_policy").path("Statement").get(0).path("Resource").get(0).asText())
                .isEqualTo("arn:aws-us-gov:s3:::test-dev-logs");
    }

    @Test
    void aPrefixForAnyProjectEnvironmentAndIdFitsTheProvidersLimitAndTheNamingRules() {
        Synthesized s = TestStacks.synth("bucket-long-prefix", app -> new PrivateBucket(new io.growstack.core.GrowStack(
                app, "long", io.growstack.core.GrowStackProps.builder(TestStacks.REGION).project("abcdefghijklmnop")
                        .environment("staging1").build()), "Very_Long-Construct-Id-For-Uploads"));
        String prefix = s.resource("aws_s3_bucket", "Very_Long-Construct-Id-For-Uploads_bucket").path("bucket_prefix")
                .asText();
        assertThat(prefix).isEqualTo("abcdefghijklmnop-staging1-very-long-").hasSizeLessThanOrEqualTo(
                PrivateBucket.MAX_BUCKET_PREFIX_LENGTH);
        assertThat(PrivateBucket.bucketNameProblem(prefix + "x".repeat(26))).isNull();
    }

    @Test
    void anExplicitPrefixOrNameIsCheckedAndNotBoth() {
        assertRejected("bucket-prefix-too-long", stack -> new PrivateBucket(stack, "logs",
                        PrivateBucketProps.builder().bucketPrefix("a".repeat(38)).build()),
                "app/logs: property 'bucketPrefix' is '" + "a".repeat(38) + "': expected 1-37 characters: the AWS"
                        + " provider appends a 26-character unique suffix and S3 allows 63");
        assertRejected("bucket-prefix-and-name", stack -> new PrivateBucket(stack, "logs",
                        PrivateBucketProps.builder().bucketPrefix("logs-").bucketName("shop-logs").build()),
                "app/logs: property 'bucketPrefix' is 'logs-': expected either bucketName or bucketPrefix, not both"
                        + " (bucketName is shop-logs)");
        assertRejected("bucket-prefix-xn", stack -> new PrivateBucket(stack, "logs",
                        PrivateBucketProps.builder().bucketPrefix("xn--logs-").build()),
                "app/logs: property 'bucketPrefix' is 'xn--logs-': " + PrivateBucket.bucketNameProblem("xn--logs-0"));
    }

    @Test
    void noncurrentExpiryWithoutVersioningIsRejected() {
        assertRejected("bucket-expiry-unversioned", stack -> new PrivateBucket(stack, "artifacts",
                        PrivateBucketProps.builder().noncurrentVersionExpirationDays(30).build()),
                "app/artifacts: property 'noncurrentVersionExpirationDays' is '30': expected versioned(true) too:"
                        + " only a versioned bucket has noncurrent versions");
    }

    @Test
    void aNoncurrentExpiryBelowOneDayIsRejected() {
        assertRejected("bucket-expiry-zero", stack -> new PrivateBucket(stack, "artifacts",
                        PrivateBucketProps.builder().versioned(true).noncurrentVersionExpirationDays(0).build()),
                "app/artifacts: property 'noncurrentVersionExpirationDays' is '0': expected at least 1 day");
    }

    @Test
    void aKmsKeyThatIsNotAnArnIsRejected() {
        assertRejected("bucket-kms-format", stack -> new PrivateBucket(stack, "data",
                        PrivateBucketProps.builder().kmsKeyArn("my-key").build()),
                "app/data: property 'kmsKeyArn' is 'my-key': expected a KMS key or alias ARN such as"
                        + " arn:aws:kms:ap-northeast-2:123456789012:key/<key-id>");
    }

    @Test
    void anInvalidBucketNameIsRejectedOnTheBucket() {
        assertRejected("bucket-name", stack -> new PrivateBucket(stack, "data",
                        PrivateBucketProps.builder().bucketName("-data").build()),
                "app/data: property 'bucketName' is '-data': expected a lowercase letter or digit at the start and"
                        + " at the end (S3 bucket naming rules)");
    }

    @Test
    void aStatementWithoutAnAlphanumericSidIsRejected() {
        assertRejected("bucket-sid", stack -> new PrivateBucket(stack, "data").addToResourcePolicy(
                        PolicyStatement.allowAws("allow deployer", List.of(ROLE), List.of("s3:GetObject"),
                                List.of("arn:aws:s3:::test-dev-data/*"))),
                "app/data: property 'policy.sid' is 'allow deployer': expected a statement id of letters and digits,"
                        + " such as AllowCloudFrontRead");
    }

    @Test
    void aStatementThatReusesASidIsRejected() {
        assertRejected("bucket-sid-twice", stack -> new PrivateBucket(stack, "data").addToResourcePolicy(
                        PolicyStatement.denyEveryone("DenyInsecureTransport", List.of("s3:*"),
                                List.of("arn:aws:s3:::test-dev-data"))),
                "app/data: property 'policy.sid' is 'DenyInsecureTransport': expected a statement id not yet used in"
                        + " this bucket policy");
    }

    @Test
    void aStatementWithoutPrincipalsIsRejected() {
        assertRejected("bucket-no-principal", stack -> new PrivateBucket(stack, "data").addToResourcePolicy(
                        PolicyStatement.allowAws("AllowNobody", List.of(), List.of("s3:GetObject"),
                                List.of("arn:aws:s3:::test-dev-data/*"))),
                "app/data: property 'policy.AllowNobody.principal' is 'AWS []': expected Service or AWS with at least"
                        + " one principal, or * alone");
    }
}
