package io.growstack.modules;

import io.growstack.core.Variable;
import io.growstack.web.StaticSite;
import io.growstack.web.StaticSiteProps;

/** A private S3 bucket behind CloudFront with an Origin Access Control. */
final class StaticSiteModule implements ModuleDefinition {
    /** The site's construct id, as in the v4 example (and its stand-in in the delivery module). */
    static final String ID = "web";

    @Override
    public String name() {
        return "static-site";
    }

    @Override
    public String summary() {
        return "A private S3 bucket (all public access blocked, bucket owner enforced, SSE, TLS-only) behind"
                + " CloudFront with an Origin Access Control: `index.html` root, SPA fallback, HTTPS redirect,"
                + " compression, the managed CachingOptimized policy.";
    }

    @Override
    public String design() {
        return "Nothing the Java API computes is needed here; the bucket is named by prefix"
                + " (`<project>-<environment>-web-`) and Terraform adds a unique suffix. Aliases and a"
                + " certificate are not offered by the module (the Java API's `aliases` and `certificateArn`).";
    }

    @Override
    public void define(ModuleContext module) {
        module.variable(Variable.builder("price_class", "string")
                .description("CloudFront price class; PriceClass_200 covers Korea")
                .defaultValue(StaticSiteProps.DEFAULT_PRICE_CLASS)
                .validation("contains([\"PriceClass_100\", \"PriceClass_200\", \"PriceClass_All\"], var.price_class)",
                        "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."));
        module.substituteWhole(StaticSiteProps.DEFAULT_PRICE_CLASS, "var.price_class");
        StaticSite web = new StaticSite(module.stack(), ID);
        module.output("bucket_name", web.bucketName(), "Name of the site's bucket (aws s3 sync target)");
        module.output("bucket_arn", web.bucketArn(), "ARN of the site's bucket");
        module.output("distribution_id", web.distributionId(), "Id of the CloudFront distribution (for invalidations)");
        module.output("distribution_arn", web.distributionArn(), "ARN of the CloudFront distribution");
        module.output("distribution_domain_name", web.distributionDomainName(),
                "The distribution's domain name, such as d111111abcdef8.cloudfront.net");
    }
}
