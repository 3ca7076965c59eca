package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;

/**
 * Arguments of {@code aws_s3_bucket_lifecycle_configuration}: rules that expire or move objects.
 *
 * @param bucket the bucket name
 * @param rule   the rules
 */
public record S3BucketLifecycleConfiguration(String bucket, List<Rule> rule) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_s3_bucket_lifecycle_configuration";
    }

    /**
     * One rule.
     *
     * @param id                             the rule name, unique in the bucket
     * @param status                         {@code Enabled} or {@code Disabled}
     * @param filter                         which objects; an empty filter means every object
     * @param noncurrentVersionExpiration    when noncurrent versions are deleted
     * @param abortIncompleteMultipartUpload when unfinished multipart uploads are discarded
     */
    public record Rule(String id, String status, Filter filter, NoncurrentVersionExpiration noncurrentVersionExpiration,
                       AbortIncompleteMultipartUpload abortIncompleteMultipartUpload) {
    }

    /** Objects under {@code prefix}; all fields null selects every object. */
    public record Filter(String prefix) {
        /** Every object in the bucket. */
        public static Filter everyObject() {
            return new Filter(null);
        }
    }

    /**
     * Deletes a version {@code noncurrentDays} after it became noncurrent.
     *
     * @param noncurrentDays          days after the version became noncurrent
     * @param newerNoncurrentVersions how many newer noncurrent versions to keep regardless; null for none
     */
    public record NoncurrentVersionExpiration(Integer noncurrentDays, Integer newerNoncurrentVersions) {
    }

    /** Discards a multipart upload not finished {@code daysAfterInitiation} days after it began. */
    public record AbortIncompleteMultipartUpload(Integer daysAfterInitiation) {
    }
}
