package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/**
 * Arguments of {@code aws_s3_bucket_versioning}: the bucket's versioning state.
 *
 * @param bucket                  the bucket name
 * @param versioningConfiguration the state
 */
public record S3BucketVersioning(String bucket, VersioningConfiguration versioningConfiguration) implements ResourceArgs {

    /** Versioning on. */
    public static S3BucketVersioning enabled(String bucket) {
        return new S3BucketVersioning(bucket, new VersioningConfiguration("Enabled"));
    }

    @Override
    public String terraformType() {
        return "aws_s3_bucket_versioning";
    }

    /** {@code Enabled}, {@code Suspended} or {@code Disabled} (the last only for a new bucket). */
    public record VersioningConfiguration(String status) {
    }
}
