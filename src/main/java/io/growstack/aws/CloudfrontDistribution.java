package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_cloudfront_distribution}: a CloudFront web distribution. Nested records
 * are the provider's blocks.
 *
 * @param enabled              whether it serves requests
 * @param isIpv6Enabled        whether it answers on IPv6
 * @param comment              free text, at most 128 characters
 * @param defaultRootObject    the object returned for {@code /}
 * @param aliases              extra domain names (CNAMEs); they need a matching certificate
 * @param priceClass           {@code PriceClass_All}, {@code PriceClass_200} or {@code PriceClass_100}
 * @param httpVersion          highest HTTP version for viewers: {@code http1.1}, {@code http2}, {@code http2and3}, {@code http3}
 * @param origin               the origins
 * @param defaultCacheBehavior the behavior for every path no other behavior matches
 * @param customErrorResponse  error responses replaced by other pages or codes
 * @param restrictions         geographic restrictions
 * @param viewerCertificate    the certificate viewers see
 * @param webAclId             an AWS WAF web ACL ARN; null for none
 * @param tags                 resource tags
 */
public record CloudfrontDistribution(
        Boolean enabled,
        Boolean isIpv6Enabled,
        String comment,
        String defaultRootObject,
        List<String> aliases,
        String priceClass,
        String httpVersion,
        List<Origin> origin,
        DefaultCacheBehavior defaultCacheBehavior,
        List<CustomErrorResponse> customErrorResponse,
        Restrictions restrictions,
        ViewerCertificate viewerCertificate,
        String webAclId,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_cloudfront_distribution";
    }

    /**
     * One origin.
     *
     * @param originId              unique name of the origin inside the distribution
     * @param domainName            the origin's DNS name (for S3, the bucket's regional domain name)
     * @param originAccessControlId the origin access control that signs requests to it
     * @param originPath            a path prefix added to every request; null for none
     */
    public record Origin(String originId, String domainName, String originAccessControlId, String originPath) {
    }

    /**
     * The default cache behavior.
     *
     * @param targetOriginId          the origin it forwards to
     * @param viewerProtocolPolicy    {@code allow-all}, {@code https-only} or {@code redirect-to-https}
     * @param allowedMethods          {@code GET,HEAD}, {@code GET,HEAD,OPTIONS} or all seven methods
     * @param cachedMethods           {@code GET,HEAD} or {@code GET,HEAD,OPTIONS}
     * @param compress                whether CloudFront compresses responses (gzip, Brotli)
     * @param cachePolicyId           the cache policy (managed or own)
     * @param originRequestPolicyId   the origin request policy; null for none
     * @param responseHeadersPolicyId the response headers policy; null for none
     */
    public record DefaultCacheBehavior(String targetOriginId, String viewerProtocolPolicy, List<String> allowedMethods,
                                       List<String> cachedMethods, Boolean compress, String cachePolicyId,
                                       String originRequestPolicyId, String responseHeadersPolicyId) {
    }

    /**
     * Replaces an origin error.
     *
     * @param errorCode          the origin's HTTP status
     * @param responseCode       the status viewers get
     * @param responsePagePath   the object returned instead, starting with {@code /}
     * @param errorCachingMinTtl seconds CloudFront caches the error; null for CloudFront's 10
     */
    public record CustomErrorResponse(Integer errorCode, Integer responseCode, String responsePagePath,
                                      Integer errorCachingMinTtl) {
    }

    /** Restrictions; only geographic ones exist. */
    public record Restrictions(GeoRestriction geoRestriction) {
        /** No restriction. */
        public static Restrictions none() {
            return new Restrictions(new GeoRestriction("none", List.of()));
        }
    }

    /**
     * Geographic restriction.
     *
     * @param restrictionType {@code none}, {@code whitelist} or {@code blacklist}
     * @param locations       ISO 3166-1 alpha-2 country codes
     */
    public record GeoRestriction(String restrictionType, List<String> locations) {
    }

    /**
     * The viewer certificate: CloudFront's own {@code *.cloudfront.net} certificate, or an ACM
     * certificate (which must be in us-east-1) for the aliases.
     *
     * @param cloudfrontDefaultCertificate use {@code *.cloudfront.net}; CloudFront then allows TLSv1
     * @param acmCertificateArn            an ACM certificate in us-east-1
     * @param sslSupportMethod             {@code sni-only} (free), {@code vip} (billed) or {@code static-ip}
     * @param minimumProtocolVersion       the security policy, for example {@code TLSv1.2_2021}
     */
    public record ViewerCertificate(Boolean cloudfrontDefaultCertificate, String acmCertificateArn,
                                    String sslSupportMethod, String minimumProtocolVersion) {
        /** The {@code *.cloudfront.net} certificate. */
        public static ViewerCertificate cloudfrontDefault() {
            return new ViewerCertificate(true, null, null, null);
        }

        /** An ACM certificate served by SNI with {@code minimumProtocolVersion}. */
        public static ViewerCertificate acm(String certificateArn, String minimumProtocolVersion) {
            return new ViewerCertificate(null, certificateArn, "sni-only", minimumProtocolVersion);
        }
    }
}
