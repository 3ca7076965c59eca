package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/**
 * Arguments of {@code aws_cloudfront_origin_access_control}: how CloudFront signs its requests to
 * an origin, so the origin (an S3 bucket) can admit only that distribution. It replaces the legacy
 * origin access identity (OAI).
 *
 * @param name                          unique in the account, at most 64 characters
 * @param description                   free text, at most 256 characters
 * @param originAccessControlOriginType {@code s3}, {@code mediastore}, {@code lambda} or {@code mediapackagev2}
 * @param signingBehavior               {@code always}, {@code never} or {@code no-override}
 * @param signingProtocol               {@code sigv4}
 */
public record CloudfrontOriginAccessControl(String name, String description, String originAccessControlOriginType,
                                            String signingBehavior, String signingProtocol) implements ResourceArgs {

    /** An S3 origin access control that signs every request with SigV4. */
    public static CloudfrontOriginAccessControl s3AlwaysSign(String name, String description) {
        return new CloudfrontOriginAccessControl(name, description, "s3", "always", "sigv4");
    }

    @Override
    public String terraformType() {
        return "aws_cloudfront_origin_access_control";
    }
}
