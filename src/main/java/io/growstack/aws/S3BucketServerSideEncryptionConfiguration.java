package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;

/**
 * Arguments of {@code aws_s3_bucket_server_side_encryption_configuration}: default encryption of
 * new objects.
 *
 * @param bucket the bucket name
 * @param rule   the encryption rules (one in practice)
 */
public record S3BucketServerSideEncryptionConfiguration(String bucket, List<Rule> rule) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_s3_bucket_server_side_encryption_configuration";
    }

    /**
     * One encryption rule.
     *
     * @param applyServerSideEncryptionByDefault the default algorithm and key
     * @param bucketKeyEnabled                   an S3 Bucket Key, which cuts KMS requests (SSE-KMS only)
     */
    public record Rule(ApplyServerSideEncryptionByDefault applyServerSideEncryptionByDefault, Boolean bucketKeyEnabled) {
    }

    /**
     * The default algorithm.
     *
     * @param sseAlgorithm   {@code AES256} (SSE-S3), {@code aws:kms} or {@code aws:kms:dsse}
     * @param kmsMasterKeyId the KMS key id or ARN; only with {@code aws:kms}
     */
    public record ApplyServerSideEncryptionByDefault(String sseAlgorithm, String kmsMasterKeyId) {
    }
}
