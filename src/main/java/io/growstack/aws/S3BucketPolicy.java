package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/**
 * Arguments of {@code aws_s3_bucket_policy}: the bucket's resource policy.
 *
 * @param bucket the bucket name
 * @param policy the policy as JSON text (see {@link io.growstack.core.Json#document(Object)})
 */
public record S3BucketPolicy(String bucket, String policy) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_s3_bucket_policy";
    }
}
