package io.growstack.web;

import io.growstack.core.Args;
import java.util.List;
import java.util.Objects;

/** Settings of a {@link StaticSite}. Every field is optional. */
public final class StaticSiteProps {
    /** Edge locations in North America, Europe and Israel only. */
    public static final String PRICE_CLASS_100 = "PriceClass_100";
    /** Adds Asia (Korea, Japan, India, ...), the Middle East and Africa: what Korean users need. */
    public static final String PRICE_CLASS_200 = "PriceClass_200";
    /** Every edge location, South America and Oceania included. */
    public static final String PRICE_CLASS_ALL = "PriceClass_All";
    /**
     * PriceClass_200: the cheapest class with edge locations in Korea, the seed's market
     * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html).
     */
    public static final String DEFAULT_PRICE_CLASS = PRICE_CLASS_200;
    /** The object served for {@code /}, and for unknown paths when the SPA fallback is on. */
    public static final String DEFAULT_ROOT_OBJECT = "index.html";

    final String bucketName;
    final List<String> aliases;
    final String certificateArn;
    final String priceClass;
    final String defaultRootObject;
    final boolean spaFallback;
    final boolean allowOptionsRequests;
    final boolean versioned;
    final boolean forceDestroy;

    private StaticSiteProps(Builder b) {
        this.bucketName = b.bucketName;
        this.aliases = List.copyOf(b.aliases);
        this.certificateArn = b.certificateArn;
        this.priceClass = b.priceClass;
        this.defaultRootObject = b.defaultRootObject;
        this.spaFallback = b.spaFallback;
        this.allowOptionsRequests = b.allowOptionsRequests;
        this.versioned = b.versioned;
        this.forceDestroy = b.forceDestroy;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StaticSiteProps}. */
    public static final class Builder {
        private String bucketName;
        private List<String> aliases = List.of();
        private String certificateArn;
        private String priceClass = DEFAULT_PRICE_CLASS;
        private String defaultRootObject = DEFAULT_ROOT_OBJECT;
        private boolean spaFallback = true;
        private boolean allowOptionsRequests;
        private boolean versioned;
        private boolean forceDestroy;

        private Builder() {
        }

        /**
         * An explicit, globally unique name for the content bucket, checked against the S3 naming rules.
         * Default: a name starting {@code <project>-<environment>-<id>-} with a unique suffix from Terraform.
         */
        public Builder bucketName(String bucketName) {
            this.bucketName = bucketName;
            return this;
        }

        /**
         * Domain names the site answers on, such as {@code www.example.com}; they need
         * {@link #certificateArn(String)}. Default: none, only the {@code *.cloudfront.net} name.
         */
        public Builder aliases(List<String> aliases) {
            this.aliases = Args.list(aliases, "aliases");
            return this;
        }

        /**
         * An existing ACM certificate in us-east-1 that covers the aliases; required with aliases and
         * served by SNI with TLSv1.2_2021 as the minimum. This block never creates certificates.
         * Default: none, CloudFront's own certificate (whose minimum protocol is TLSv1).
         */
        public Builder certificateArn(String certificateArn) {
            this.certificateArn = certificateArn;
            return this;
        }

        /**
         * {@value #PRICE_CLASS_100}, {@value #PRICE_CLASS_200} or {@value #PRICE_CLASS_ALL}.
         * Default: {@value #DEFAULT_PRICE_CLASS} (covers Korea).
         */
        public Builder priceClass(String priceClass) {
            this.priceClass = priceClass;
            return this;
        }

        /** The object served for {@code /}, without a leading slash. Default: {@value #DEFAULT_ROOT_OBJECT}. */
        public Builder defaultRootObject(String defaultRootObject) {
            this.defaultRootObject = defaultRootObject;
            return this;
        }

        /**
         * Answer 403 and 404 from the bucket with the root object and status 200, so a single-page
         * app's client-side routes (/orders/42) load. Default: true.
         */
        public Builder spaFallback(boolean spaFallback) {
            this.spaFallback = spaFallback;
            return this;
        }

        /** Also allow OPTIONS (CORS preflight) besides GET and HEAD. Default: false. */
        public Builder allowOptionsRequests(boolean allowOptionsRequests) {
            this.allowOptionsRequests = allowOptionsRequests;
            return this;
        }

        /**
         * Version the content bucket. Default: false — the site is a build output that CI can
         * upload again, and every deploy would otherwise keep each replaced file.
         */
        public Builder versioned(boolean versioned) {
            this.versioned = versioned;
            return this;
        }

        /** Let {@code terraform destroy} delete the bucket with its content. Default: false. */
        public Builder forceDestroy(boolean forceDestroy) {
            this.forceDestroy = forceDestroy;
            return this;
        }

        /** The settings. */
        public StaticSiteProps build() {
            Objects.requireNonNull(aliases, "aliases must not be null");
            return new StaticSiteProps(this);
        }
    }
}
