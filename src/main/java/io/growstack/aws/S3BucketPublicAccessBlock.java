package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/**
 * Arguments of {@code aws_s3_bucket_public_access_block}: the bucket-level switches that stop
 * public ACLs and public bucket policies.
 *
 * @param bucket                the bucket name
 * @param blockPublicAcls       reject requests that add a public ACL
 * @param blockPublicPolicy     reject bucket policies that grant public access
 * @param ignorePublicAcls      ignore any public ACL already present
 * @param restrictPublicBuckets restrict a bucket with a public policy to AWS principals and the owner
 */
public record S3BucketPublicAccessBlock(String bucket, Boolean blockPublicAcls, Boolean blockPublicPolicy,
                                        Boolean ignorePublicAcls, Boolean restrictPublicBuckets) implements ResourceArgs {

    /** All four switches on: nothing in the bucket can be made public. */
    public static S3BucketPublicAccessBlock allBlocked(String bucket) {
        return new S3BucketPublicAccessBlock(bucket, true, true, true, true);
    }

    @Override
    public String terraformType() {
        return "aws_s3_bucket_public_access_block";
    }
}
