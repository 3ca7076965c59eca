package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.Map;

/**
 * Arguments of {@code aws_s3_bucket}: a general purpose S3 bucket. Access, ownership, encryption,
 * versioning, lifecycle and policy are separate resources (the provider's own split since 4.0).
 *
 * @param bucket       the globally unique bucket name; {@code null} to let AWS complete {@code bucketPrefix}
 * @param bucketPrefix the start of a name Terraform makes unique with a suffix; {@code null} with a name
 * @param forceDestroy whether {@code terraform destroy} may delete a bucket that still holds objects
 * @param tags         resource tags
 */
public record S3Bucket(String bucket, String bucketPrefix, Boolean forceDestroy, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_s3_bucket";
    }
}
