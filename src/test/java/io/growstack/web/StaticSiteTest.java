package io.growstack.web;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticSiteTest {
    private static final String CERTIFICATE =
            "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000";
    private static final String DISTRIBUTION_ARN = "${aws_cloudfront_distribution.site_distribution.arn}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Synthesized defaults(String name) {
        return TestStacks.synthStack(name, stack -> new StaticSite(stack, "site"));
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode()) {
            out.add(node);
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        return list(node).stream().map(JsonNode::asText).toList();
    }

    @Test
    void theBucketIsPrivateOwnerEnforcedAndEncrypted() {
        Synthesized s = defaults("site-bucket");
        // A prefix the provider makes unique: S3 names are global across accounts.
        assertThat(s.resource("aws_s3_bucket", "site_content_bucket").path("bucket_prefix").asText())
                .isEqualTo("test-dev-site-");
        JsonNode block = s.resource("aws_s3_bucket_public_access_block", "site_content_public-access-block");
        assertThat(block.path("bucket").asText()).isEqualTo("${aws_s3_bucket.site_content_bucket.id}");
        for (String flag : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertThat(block.path(flag).isBoolean() && block.path(flag).asBoolean()).as(flag).isTrue();
        }
        assertThat(s.resource("aws_s3_bucket_ownership_controls", "site_content_ownership-controls")
                .path("rule").path("object_ownership").asText()).isEqualTo("BucketOwnerEnforced");
        JsonNode sse = s.resource("aws_s3_bucket_server_side_encryption_configuration", "site_content_encryption")
                .path("rule").get(0).path("apply_server_side_encryption_by_default");
        assertThat(sse.path("sse_algorithm").asText()).isEqualTo("AES256");
        assertThat(s.count("aws_s3_bucket_versioning")).isZero();
        assertThat(s.count("aws_s3_bucket_lifecycle_configuration")).isZero();
    }

    @Test
    void theOriginAccessControlSignsEveryS3RequestWithSigV4AndNoLegacyIdentityExists() {
        Synthesized s = defaults("site-oac");
        JsonNode oac = s.resource("aws_cloudfront_origin_access_control", "site_origin-access-control");
        assertThat(oac.path("name").asText()).isEqualTo("test-dev-site");
        assertThat(oac.path("origin_access_control_origin_type").asText()).isEqualTo("s3");
        assertThat(oac.path("signing_behavior").asText()).isEqualTo("always");
        assertThat(oac.path("signing_protocol").asText()).isEqualTo("sigv4");
        assertThat(s.count("aws_cloudfront_origin_access_identity")).isZero();
        assertThat(s.resource("aws_cloudfront_distribution", "site_distribution").path("origin").get(0)
                .has("s3_origin_config")).isFalse();
    }

    @Test
    void theDistributionServesTheBucketOverHttpsWithSpaFallbackAndCachingOptimized() {
        Synthesized s = defaults("site-distribution");
        JsonNode d = s.resource("aws_cloudfront_distribution", "site_distribution");
        assertThat(d.path("enabled").asBoolean()).isTrue();
        assertThat(d.path("is_ipv6_enabled").asBoolean()).isTrue();
        assertThat(d.path("default_root_object").asText()).isEqualTo("index.html");
        assertThat(d.path("price_class").asText()).isEqualTo("PriceClass_200");
        assertThat(d.path("http_version").asText()).isEqualTo("http2and3");
        assertThat(d.has("aliases")).isFalse();

        List<JsonNode> origins = list(d.path("origin"));
        assertThat(origins).hasSize(1);
        JsonNode origin = origins.get(0);
        assertThat(origin.path("origin_id").asText()).isEqualTo("content");
        assertThat(origin.path("domain_name").asText())
                .isEqualTo("${aws_s3_bucket.site_content_bucket.bucket_regional_domain_name}");
        assertThat(origin.path("origin_access_control_id").asText())
                .isEqualTo("${aws_cloudfront_origin_access_control.site_origin-access-control.id}");

        JsonNode behavior = d.path("default_cache_behavior");
        assertThat(behavior.path("target_origin_id").asText()).isEqualTo("content");
        assertThat(behavior.path("viewer_protocol_policy").asText()).isEqualTo("redirect-to-https");
        assertThat(behavior.path("compress").asBoolean()).isTrue();
        assertThat(strings(behavior.path("allowed_methods"))).containsExactly("GET", "HEAD");
        assertThat(strings(behavior.path("cached_methods"))).containsExactly("GET", "HEAD");
        assertThat(behavior.path("cache_policy_id").asText()).isEqualTo("658327ea-f89d-4fab-a63d-7e88639e58f6");
        assertThat(behavior.has("forwarded_values")).isFalse();

        List<JsonNode> errors = list(d.path("custom_error_response"));
        assertThat(errors).extracting(e -> e.path("error_code").asInt()).containsExactly(403, 404);
        errors.forEach(e -> {
            assertThat(e.path("response_code").asInt()).isEqualTo(200);
            assertThat(e.path("response_page_path").asText()).isEqualTo("/index.html");
        });

        assertThat(d.path("restrictions").path("geo_restriction").path("restriction_type").asText()).isEqualTo("none");
        JsonNode certificate = d.path("viewer_certificate");
        assertThat(certificate.path("cloudfront_default_certificate").asBoolean()).isTrue();
        assertThat(certificate.has("acm_certificate_arn")).isFalse();
    }

    @Test
    void theSpaFallbackCanBeSwitchedOffAndOptionsAllowed() {
        Synthesized s = TestStacks.synthStack("site-no-spa", stack -> new StaticSite(stack, "site",
                StaticSiteProps.builder().spaFallback(false).allowOptionsRequests(true)
                        .priceClass(StaticSiteProps.PRICE_CLASS_100).build()));
        JsonNode d = s.resource("aws_cloudfront_distribution", "site_distribution");
        assertThat(d.has("custom_error_response")).isFalse();
        assertThat(strings(d.path("default_cache_behavior").path("allowed_methods")))
                .containsExactly("GET", "HEAD", "OPTIONS");
        assertThat(d.path("price_class").asText()).isEqualTo("PriceClass_100");
    }

    @Test
    void aliasesUseTheGivenUsEast1CertificateBySniWithTls12() {
        Synthesized s = TestStacks.synthStack("site-aliases", stack -> new StaticSite(stack, "site",
                StaticSiteProps.builder().aliases(List.of("www.example.com", "example.com"))
                        .certificateArn(CERTIFICATE).build()));
        JsonNode d = s.resource("aws_cloudfront_distribution", "site_distribution");
        assertThat(strings(d.path("aliases"))).containsExactly("www.example.com", "example.com");
        JsonNode certificate = d.path("viewer_certificate");
        assertThat(certificate.path("acm_certificate_arn").asText()).isEqualTo(CERTIFICATE);
        assertThat(certificate.path("ssl_support_method").asText()).isEqualTo("sni-only");
        assertThat(certificate.path("minimum_protocol_version").asText()).isEqualTo("TLSv1.2_2021");
        assertThat(certificate.has("cloudfront_default_certificate")).isFalse();
        assertThat(s.count("aws_acm_certificate")).isZero();
    }

    @Test
    void theBucketPolicyAdmitsOnlyThisDistributionAndOnlyOverTls() throws Exception {
        Synthesized s = defaults("site-policy");
        JsonNode policyResource = s.resource("aws_s3_bucket_policy", "site_content_policy");
        assertThat(policyResource.path("bucket").asText()).isEqualTo("${aws_s3_bucket.site_content_bucket.id}");
        JsonNode policy = JSON.readTree(policyResource.path("policy").asText());
        List<JsonNode> statements = list(policy.path("Statement"));
        statements.forEach(st -> assertThat(st.path("Sid").asText()).as("every statement has a Sid").isNotBlank());

        List<JsonNode> allows = statements.stream().filter(st -> st.path("Effect").asText().equals("Allow")).toList();
        assertThat(allows).as("Allow statements").hasSize(1);
        JsonNode allow = allows.get(0);
        JsonNode principal = allow.path("Principal");
        assertThat(principal.isObject()).isTrue();
        assertThat(principal.size()).as("principal kinds").isEqualTo(1);
        assertThat(strings(principal.path("Service"))).containsExactly("cloudfront.amazonaws.com");
        assertThat(strings(allow.path("Action"))).containsExactly("s3:GetObject");
        assertThat(strings(allow.path("Resource"))).containsExactly("${aws_s3_bucket.site_content_bucket.arn}/*");
        JsonNode condition = allow.path("Condition");
        assertThat(condition.size()).isEqualTo(1);
        assertThat(condition.path("StringEquals").size()).isEqualTo(1);
        assertThat(strings(condition.path("StringEquals").path("AWS:SourceArn"))).containsExactly(DISTRIBUTION_ARN);
        assertThat(allow.has("NotPrincipal") || allow.has("NotAction") || allow.has("NotResource")).isFalse();

        List<JsonNode> denies = statements.stream().filter(st -> st.path("Effect").asText().equals("Deny")).toList();
        assertThat(statements).hasSize(allows.size() + denies.size());
        JsonNode tls = denies.stream()
                .filter(st -> st.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false"))
                .findFirst().orElseThrow();
        assertThat(tls.path("Principal").asText()).isEqualTo("*");
        assertThat(strings(tls.path("Action"))).containsExactly("s3:*");
        assertThat(strings(tls.path("Resource")))
                .containsExactlyInAnyOrder("${aws_s3_bucket.site_content_bucket.arn}", "${aws_s3_bucket.site_content_bucket.arn}/*");
        assertThat(strings(policyResource.path("depends_on")))
                .containsExactly("aws_s3_bucket_public_access_block.site_content_public-access-block");
    }

    @Test
    void theGettersAreWhatADeployNeeds() {
        TestStacks.synthStack("site-getters", stack -> {
            StaticSite site = new StaticSite(stack, "site");
            assertThat(site.bucketName()).isEqualTo("${aws_s3_bucket.site_content_bucket.bucket}");
            assertThat(site.bucketArn()).isEqualTo("${aws_s3_bucket.site_content_bucket.arn}");
            assertThat(site.distributionId()).isEqualTo("${aws_cloudfront_distribution.site_distribution.id}");
            assertThat(site.distributionDomainName())
                    .isEqualTo("${aws_cloudfront_distribution.site_distribution.domain_name}");
            assertThat(site.distributionArn()).isEqualTo(DISTRIBUTION_ARN);
        });
    }

    @Test
    void anExplicitBucketNameIsUsed() {
        Synthesized s = TestStacks.synthStack("site-named", stack -> new StaticSite(stack, "site",
                StaticSiteProps.builder().bucketName("www.example.com").build()));
        assertThat(s.resource("aws_s3_bucket", "site_content_bucket").path("bucket").asText()).isEqualTo("www.example.com");
    }

    @Test
    void aBucketNameThatIsTooShortIsRejected() {
        assertRejected("site-name-short", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().bucketName("ab").build()),
                "app/site: property 'bucketName' is 'ab': expected 3 to 63 characters (S3 bucket naming rules)");
    }

    @Test
    void aBucketNameWithUppercaseLettersIsRejected() {
        assertRejected("site-name-upper", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().bucketName("My-Site").build()),
                "app/site: property 'bucketName' is 'My-Site': expected only lowercase letters, digits, hyphens"
                        + " and dots (S3 bucket naming rules)");
    }

    @Test
    void aBucketNameFormattedAsAnIpAddressIsRejected() {
        assertRejected("site-name-ip", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().bucketName("192.168.5.4").build()),
                "app/site: property 'bucketName' is '192.168.5.4': expected a name that is not formatted as an IP"
                        + " address (S3 bucket naming rules)");
    }

    @Test
    void aBucketNameWithTwoAdjacentDotsIsRejected() {
        assertRejected("site-name-dots", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().bucketName("my..site").build()),
                "app/site: property 'bucketName' is 'my..site': expected no two adjacent dots (S3 bucket naming rules)");
    }

    @Test
    void aBucketNameWithAReservedPrefixIsRejected() {
        assertRejected("site-name-prefix", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().bucketName("xn--site").build()),
                "app/site: property 'bucketName' is 'xn--site': expected no reserved prefix (xn--, sthree-,"
                        + " amzn-s3-demo-) (S3 bucket naming rules)");
    }

    @Test
    void aBucketNameWithAReservedSuffixIsRejected() {
        assertRejected("site-name-suffix", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().bucketName("site-s3alias").build()),
                "app/site: property 'bucketName' is 'site-s3alias': expected no reserved suffix (-s3alias, --ol-s3,"
                        + " .mrap, --x-s3, --table-s3) (S3 bucket naming rules)");
    }

    @Test
    void aBucketNameEndingInAHyphenIsRejected() {
        assertRejected("site-name-end", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().bucketName("site-").build()),
                "app/site: property 'bucketName' is 'site-': expected a lowercase letter or digit at the start and"
                        + " at the end (S3 bucket naming rules)");
    }

    @Test
    void anUppercaseIdStillGivesAValidBucketPrefix() {
        Synthesized s = TestStacks.synthStack("site-name-id", stack -> new StaticSite(stack, "Site"));
        assertThat(s.resource("aws_s3_bucket", "Site_content_bucket").path("bucket_prefix").asText())
                .isEqualTo("test-dev-site-");
    }

    @Test
    void anExplicitBucketNameBreakingTheRulesIsRejected() {
        assertRejected("site-name-explicit", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().bucketName("Test-Site").build()),
                "app/site: property 'bucketName' is 'Test-Site': expected only lowercase letters, digits,"
                        + " hyphens and dots (S3 bucket naming rules)");
    }

    @Test
    void aliasesWithoutACertificateAreRejected() {
        assertRejected("site-alias-no-cert", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().aliases(List.of("www.example.com")).build()),
                "app/site: property 'certificateArn' is missing: expected an existing ACM certificate ARN in"
                        + " us-east-1 that covers the aliases www.example.com (this block does not create certificates)");
    }

    @Test
    void aCertificateOutsideUsEast1IsRejected() {
        String seoul = "arn:aws:acm:ap-northeast-2:123456789012:certificate/00000000-0000-0000-0000-000000000000";
        assertRejected("site-cert-region", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().aliases(List.of("www.example.com")).certificateArn(seoul).build()),
                "app/site: property 'certificateArn' is '" + seoul + "': expected a certificate in us-east-1, the"
                        + " only region CloudFront reads certificates from; this one is in ap-northeast-2");
    }

    @Test
    void aCertificateArnThatIsNotAnAcmArnIsRejected() {
        assertRejected("site-cert-format", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().aliases(List.of("www.example.com")).certificateArn("my-cert").build()),
                "app/site: property 'certificateArn' is 'my-cert': expected an ACM certificate ARN such as"
                        + " arn:aws:acm:us-east-1:123456789012:certificate/<id>");
    }

    @Test
    void aCertificateWithoutAliasesIsRejected() {
        assertRejected("site-cert-no-alias", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().certificateArn(CERTIFICATE).build()),
                "app/site: property 'aliases' is '[]': expected the domain names the certificate covers; without"
                        + " aliases CloudFront serves only its *.cloudfront.net name with its own certificate");
    }

    @Test
    void anAliasThatIsNotADomainNameIsRejected() {
        assertRejected("site-alias-format", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().aliases(List.of("https://www.example.com")).certificateArn(CERTIFICATE)
                                .build()),
                "app/site: property 'aliases' is 'https://www.example.com': expected a lowercase domain name such as"
                        + " www.example.com or *.example.com");
    }

    @Test
    void anUnknownPriceClassIsRejected() {
        assertRejected("site-price-class", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().priceClass("PriceClass_300").build()),
                "app/site: property 'priceClass' is 'PriceClass_300': expected PriceClass_100, PriceClass_200 or"
                        + " PriceClass_All");
    }

    @Test
    void aRootObjectWithALeadingSlashIsRejected() {
        assertRejected("site-root-object", stack -> new StaticSite(stack, "site",
                        StaticSiteProps.builder().defaultRootObject("/index.html").build()),
                "app/site: property 'defaultRootObject' is '/index.html': expected an object key without a leading"
                        + " slash, such as index.html");
    }
}
