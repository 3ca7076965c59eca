package io.growstack.web;

import io.growstack.aws.CloudfrontDistribution;
import io.growstack.aws.CloudfrontOriginAccessControl;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * A static web site or single-page app: a {@link PrivateBucket} that only this CloudFront
 * distribution can read, through an Origin Access Control (SigV4, every request signed) — never
 * the legacy origin access identity.
 *
 * <p>The bucket policy allows exactly one thing besides the owner's account: the service principal
 * {@value #CLOUDFRONT_SERVICE_PRINCIPAL} may {@code s3:GetObject} on {@code bucket/*} when
 * {@code AWS:SourceArn} is this distribution's ARN; the bucket's TLS-only deny stays. CloudFront
 * gets no {@code s3:ListBucket}, so a missing object answers 403 — which is why the SPA fallback
 * rewrites 403 as well as 404.
 *
 * <p>Defaults: bucket {@code <project>-<environment>-<id>} with SSE-S3 (SSE-KMS would need the key
 * policy to admit CloudFront, which this block does not manage), root object {@code index.html},
 * SPA fallback on, redirect HTTP to HTTPS, compression, GET and HEAD only, the AWS managed
 * CachingOptimized cache policy, {@code PriceClass_200} (covers Korea), HTTP/2 and HTTP/3, IPv6, no
 * geographic restriction. Without aliases the distribution uses CloudFront's default certificate,
 * whose minimum protocol is TLSv1 — the review flags that; give aliases and an existing us-east-1 ACM
 * certificate to get TLSv1.2_2021.
 *
 * <p>A deploy needs {@link #bucketName()} ({@code aws s3 sync}) and {@link #distributionId()}
 * ({@code aws cloudfront create-invalidation}).
 */
public class StaticSite extends Construct {
    /**
     * The AWS managed cache policy CachingOptimized, by its published id: no cookies or query
     * strings in the cache key, gzip and Brotli, TTL 1 s..1 year, default 1 day. An id rather than a
     * data-source lookup, so {@code terraform plan} needs no API call. Source:
     * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
     */
    public static final String CACHING_OPTIMIZED_POLICY_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    /** The security policy with a custom certificate: TLS 1.2 or later with modern ciphers. */
    public static final String MINIMUM_PROTOCOL_VERSION = "TLSv1.2_2021";
    /** Viewers may use HTTP/1.1, HTTP/2 or HTTP/3. */
    public static final String HTTP_VERSION = "http2and3";
    /** The only region CloudFront reads ACM certificates from. */
    public static final String CERTIFICATE_REGION = "us-east-1";
    /** The principal CloudFront signs origin requests as under an Origin Access Control. */
    public static final String CLOUDFRONT_SERVICE_PRINCIPAL = "cloudfront.amazonaws.com";
    /** The Sid of the statement that lets this distribution read the bucket. */
    public static final String CLOUDFRONT_READ_SID = "AllowCloudFrontServicePrincipalReadOnly";
    /** The origin id of the bucket inside the distribution. */
    public static final String ORIGIN_ID = "content";

    private static final Set<String> PRICE_CLASSES = Set.of(StaticSiteProps.PRICE_CLASS_100,
            StaticSiteProps.PRICE_CLASS_200, StaticSiteProps.PRICE_CLASS_ALL);
    private static final Pattern DOMAIN = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final Pattern CERTIFICATE_ARN = Pattern.compile(
            "arn:aws(-[a-z]+)*:acm:([a-z0-9-]+):\\d{12}:certificate/[A-Za-z0-9-]+");

    private final PrivateBucket bucket;
    private final Resource originAccessControl;
    private final Resource distribution;

    /** A static site with every default. */
    public StaticSite(Construct scope, String id) {
        this(scope, id, StaticSiteProps.builder().build());
    }

    /** Creates the site; throws {@link ValidationException} for bad settings. */
    public StaticSite(Construct scope, String id, StaticSiteProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        String name = stack.naming().name(id);
        validate(props.bucketName, props);

        this.bucket = new PrivateBucket(this, "content", (props.bucketName != null
                ? PrivateBucketProps.builder().bucketName(props.bucketName)
                : PrivateBucketProps.builder().bucketPrefix(PrivateBucket.uniquePrefix(name)))
                .versioned(props.versioned).forceDestroy(props.forceDestroy).build());
        this.originAccessControl = new Resource(this, "origin-access-control",
                CloudfrontOriginAccessControl.s3AlwaysSign(name, "CloudFront access to the bucket " + name));

        List<String> methods = props.allowOptionsRequests
                ? List.of("GET", "HEAD", "OPTIONS") : List.of("GET", "HEAD");
        List<CloudfrontDistribution.CustomErrorResponse> errors = new ArrayList<>();
        if (props.spaFallback) {
            for (int code : new int[] {403, 404}) {
                errors.add(new CloudfrontDistribution.CustomErrorResponse(code, 200, "/" + props.defaultRootObject, null));
            }
        }
        CloudfrontDistribution.ViewerCertificate certificate = props.aliases.isEmpty()
                ? CloudfrontDistribution.ViewerCertificate.cloudfrontDefault()
                : CloudfrontDistribution.ViewerCertificate.acm(props.certificateArn, MINIMUM_PROTOCOL_VERSION);
        this.distribution = new Resource(this, "distribution", new CloudfrontDistribution(
                true, true, "Static site " + name, props.defaultRootObject, props.aliases, props.priceClass,
                HTTP_VERSION,
                List.of(new CloudfrontDistribution.Origin(ORIGIN_ID, bucket.bucketRegionalDomainName(),
                        originAccessControl.attr("id"), null)),
                new CloudfrontDistribution.DefaultCacheBehavior(ORIGIN_ID, "redirect-to-https", methods,
                        List.of("GET", "HEAD"), true, CACHING_OPTIMIZED_POLICY_ID, null, null),
                errors,
                CloudfrontDistribution.Restrictions.none(),
                certificate,
                null,
                Map.of("Name", name)));

        bucket.addToResourcePolicy(PolicyStatement.allowService(CLOUDFRONT_READ_SID,
                        CLOUDFRONT_SERVICE_PRINCIPAL, List.of("s3:GetObject"), List.of(bucket.arnForObjects("*")))
                .withCondition("StringEquals", "AWS:SourceArn", distribution.attr("arn")));
    }

    private void validate(String name, StaticSiteProps props) {
        String problem = name == null ? null : PrivateBucket.bucketNameProblem(name);
        if (problem != null) {
            throw ValidationException.of(this, "bucketName", name, problem);
        }
        if (name != null) {
            PrivateBucket.checkName(this, props.bucketName, name);
        }
        if (!PRICE_CLASSES.contains(props.priceClass)) {
            throw ValidationException.of(this, "priceClass", props.priceClass,
                    "expected PriceClass_100, PriceClass_200 or PriceClass_All");
        }
        if (props.defaultRootObject == null || props.defaultRootObject.isEmpty()
                || props.defaultRootObject.startsWith("/")) {
            throw ValidationException.of(this, "defaultRootObject", props.defaultRootObject,
                    "expected an object key without a leading slash, such as index.html");
        }
        for (String alias : props.aliases) {
            if (alias == null || !Tokens.containsReference(alias) && !DOMAIN.matcher(alias).matches()) {
                throw ValidationException.of(this, "aliases", alias,
                        "expected a lowercase domain name such as www.example.com or *.example.com");
            }
        }
        String arn = props.certificateArn;
        if (!props.aliases.isEmpty() && arn == null) {
            throw ValidationException.of(this, "certificateArn", null,
                    "expected an existing ACM certificate ARN in us-east-1 that covers the aliases "
                            + String.join(", ", props.aliases) + " (this block does not create certificates)");
        }
        if (props.aliases.isEmpty() && arn != null) {
            throw ValidationException.of(this, "aliases", props.aliases,
                    "expected the domain names the certificate covers; without aliases CloudFront serves only"
                            + " its *.cloudfront.net name with its own certificate");
        }
        if (arn != null && !Tokens.containsReference(arn)) {
            var m = CERTIFICATE_ARN.matcher(arn);
            if (!m.matches()) {
                throw ValidationException.of(this, "certificateArn", arn,
                        "expected an ACM certificate ARN such as arn:aws:acm:us-east-1:123456789012:certificate/<id>");
            }
            if (!m.group(2).equals(CERTIFICATE_REGION)) {
                throw ValidationException.of(this, "certificateArn", arn,
                        "expected a certificate in us-east-1, the only region CloudFront reads certificates from;"
                                + " this one is in " + m.group(2));
            }
        }
    }

    /** The content bucket: its resources and policy. */
    public PrivateBucket bucket() {
        return bucket;
    }

    /** The {@code aws_cloudfront_origin_access_control}. */
    public Resource originAccessControl() {
        return originAccessControl;
    }

    /** The {@code aws_cloudfront_distribution}. */
    public Resource distribution() {
        return distribution;
    }

    /** The bucket to upload the site to, for {@code aws s3 sync} (a reference). */
    public String bucketName() {
        return bucket.bucketName();
    }

    /** The bucket ARN (a reference). */
    public String bucketArn() {
        return bucket.bucketArn();
    }

    /** The distribution id, for {@code aws cloudfront create-invalidation} (a reference). */
    public String distributionId() {
        return distribution.attr("id");
    }

    /** The distribution's {@code *.cloudfront.net} domain name (a reference). */
    public String distributionDomainName() {
        return distribution.attr("domain_name");
    }

    /** The distribution ARN (a reference). */
    public String distributionArn() {
        return distribution.attr("arn");
    }

    /** The Route 53 hosted zone id of CloudFront, for alias records to the aliases (a reference). */
    public String distributionHostedZoneId() {
        return distribution.attr("hosted_zone_id");
    }
}
