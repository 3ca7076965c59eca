package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/**
 * Arguments of {@code aws_s3_bucket_ownership_controls}: who owns uploaded objects.
 *
 * @param bucket the bucket name
 * @param rule   the ownership rule
 */
public record S3BucketOwnershipControls(String bucket, Rule rule) implements ResourceArgs {

    /** {@code BucketOwnerEnforced}: ACLs are disabled and the bucket owner owns every object. */
    public static S3BucketOwnershipControls bucketOwnerEnforced(String bucket) {
        return new S3BucketOwnershipControls(bucket, new Rule("BucketOwnerEnforced"));
    }

    @Override
    public String terraformType() {
        return "aws_s3_bucket_ownership_controls";
    }

    /** {@code BucketOwnerEnforced}, {@code BucketOwnerPreferred} or {@code ObjectWriter}. */
    public record Rule(String objectOwnership) {
    }
}
