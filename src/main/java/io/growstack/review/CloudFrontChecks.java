package io.growstack.review;

import static io.growstack.model.Values.Tri;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link SecurityRules#CF_S3_WITHOUT_OAC}, {@link SecurityRules#CF_ALLOW_HTTP}, {@link SecurityRules#CF_OLD_TLS},
 * {@link SecurityRules#CF_NO_LOGGING}, {@link SecurityRules#CF_NO_WAF}, {@link SecurityRules#CF_NO_SECURITY_HEADERS}
 * and {@link SecurityRules#CF_DEFAULT_CERTIFICATE}.
 */
final class CloudFrontChecks implements Check {
    private static final Pattern S3_REST = Pattern.compile(".*\\.s3[.-]([a-z0-9-]+\\.)?amazonaws\\.com(\\.cn)?$");
    private static final Pattern MODERN_TLS = Pattern.compile("TLSv1\\.2_(\\d{4})|TLSv1\\.3.*");

    @Override
    public void run(StackModel stack, Findings findings) {
        for (StackModel.Item distribution : stack.all("aws_cloudfront_distribution")) {
            origins(stack, distribution, findings);
            viewerProtocol(distribution, findings);
            certificate(distribution, findings);
            logging(stack, distribution, findings);
            waf(distribution, findings);
            securityHeaders(distribution, findings);
        }
    }

    private static void logging(StackModel stack, StackModel.Item distribution, Findings findings) {
        JsonNode body = distribution.body();
        if (Values.blocksUnknown(body, "logging_config") || !Values.blocks(body, "logging_config").isEmpty()) {
            return;
        }
        for (StackModel.Item source : stack.all("aws_cloudwatch_log_delivery_source")) {
            JsonNode arn = source.get("resource_arn");
            StackModel.Item target = stack.resolve(arn, "aws_cloudfront_distribution");
            if (target == distribution || (target == null && Values.unknown(arn))) {
                return;
            }
        }
        findings.add(SecurityRules.CF_NO_LOGGING, distribution,
                "no logging_config and no aws_cloudwatch_log_delivery_source for it");
    }

    private static void waf(StackModel.Item distribution, Findings findings) {
        if (Values.absent(distribution.get("web_acl_id"))) {
            findings.add(SecurityRules.CF_NO_WAF, distribution, "web_acl_id is not set");
        }
    }

    private static void securityHeaders(StackModel.Item distribution, Findings findings) {
        List<String> bare = new ArrayList<>();
        for (JsonNode behavior : Values.blocks(distribution.body(), "default_cache_behavior")) {
            if (Values.absent(behavior.path("response_headers_policy_id"))) {
                bare.add("the default cache behavior");
            }
        }
        for (JsonNode behavior : Values.blocks(distribution.body(), "ordered_cache_behavior")) {
            if (Values.absent(behavior.path("response_headers_policy_id"))) {
                String path = Values.text(behavior.path("path_pattern"));
                bare.add("the cache behavior for " + (path == null ? "a path" : path));
            }
        }
        if (!bare.isEmpty()) {
            findings.add(SecurityRules.CF_NO_SECURITY_HEADERS, distribution, "no response_headers_policy_id on "
                    + String.join(" and ", bare));
        }
    }

    private static void origins(StackModel stack, StackModel.Item distribution, Findings findings) {
        for (JsonNode origin : Values.blocks(distribution.body(), "origin")) {
            String id = Values.text(origin.path("origin_id"));
            String name = id == null ? "an origin" : "origin " + id;
            JsonNode domain = origin.path("domain_name");
            StackModel.Ref ref = Values.unknown(domain) ? stack.reference(domain.asText()) : null;
            boolean website;
            boolean rest;
            if (ref != null) {
                String type = ref.item().type();
                website = ref.attribute().equals("website_endpoint")
                        && (type.equals("aws_s3_bucket") || type.equals("aws_s3_bucket_website_configuration"));
                rest = type.equals("aws_s3_bucket") && (ref.attribute().equals("bucket_regional_domain_name")
                        || ref.attribute().equals("bucket_domain_name"));
            } else {
                String literal = Values.text(domain);
                if (literal == null) {
                    continue;
                }
                website = literal.contains(".s3-website");
                rest = !website && S3_REST.matcher(literal).matches();
            }
            if (website) {
                findings.add(SecurityRules.CF_S3_WITHOUT_OAC, distribution, name
                        + " is an S3 website endpoint, which serves only public buckets");
                continue;
            }
            if (!rest || !Values.absent(origin.path("origin_access_control_id"))) {
                continue;
            }
            JsonNode oai = Values.block(origin, "s3_origin_config").path("origin_access_identity");
            if (!Values.absent(oai) && !"".equals(oai.asText())) {
                continue;
            }
            findings.add(SecurityRules.CF_S3_WITHOUT_OAC, distribution, name
                    + " reads an S3 bucket without origin_access_control_id");
        }
    }

    private static void viewerProtocol(StackModel.Item distribution, Findings findings) {
        List<String> open = new ArrayList<>();
        for (JsonNode behavior : Values.blocks(distribution.body(), "default_cache_behavior")) {
            if ("allow-all".equals(Values.text(behavior.path("viewer_protocol_policy")))) {
                open.add("the default cache behavior");
            }
        }
        for (JsonNode behavior : Values.blocks(distribution.body(), "ordered_cache_behavior")) {
            if ("allow-all".equals(Values.text(behavior.path("viewer_protocol_policy")))) {
                String path = Values.text(behavior.path("path_pattern"));
                open.add("the cache behavior for " + (path == null ? "a path" : path));
            }
        }
        if (!open.isEmpty()) {
            findings.add(SecurityRules.CF_ALLOW_HTTP, distribution, "viewer_protocol_policy is \"allow-all\" on "
                    + String.join(" and ", open));
        }
    }

    private static void certificate(StackModel.Item distribution, Findings findings) {
        JsonNode body = distribution.body();
        if (Values.blocksUnknown(body, "viewer_certificate")) {
            return;
        }
        JsonNode certificate = Values.block(body, "viewer_certificate");
        Tri defaultCertificate = Values.bool(certificate.path("cloudfront_default_certificate"));
        boolean custom = !Values.absent(certificate.path("acm_certificate_arn"))
                || !Values.absent(certificate.path("iam_certificate_id"));
        if (defaultCertificate == Tri.TRUE || (defaultCertificate != Tri.UNKNOWN && !custom)) {
            findings.add(SecurityRules.CF_DEFAULT_CERTIFICATE, distribution, "uses the default *.cloudfront.net"
                    + " certificate (no custom domain), so viewers may connect with TLSv1");
            return;
        }
        if (defaultCertificate == Tri.UNKNOWN) {
            return;
        }
        JsonNode minimum = certificate.path("minimum_protocol_version");
        if (Values.unknown(minimum)) {
            return;
        }
        String version = Values.text(minimum);
        if (version == null) {
            findings.add(SecurityRules.CF_OLD_TLS, distribution,
                    "minimum_protocol_version is not set (the provider default is TLSv1)");
            return;
        }
        Matcher m = MODERN_TLS.matcher(version);
        boolean modern = m.matches() && (m.group(1) == null || Integer.parseInt(m.group(1)) >= 2021);
        if (!modern) {
            findings.add(SecurityRules.CF_OLD_TLS, distribution, "minimum_protocol_version is " + version
                    + ", below TLSv1.2_2021");
        }
    }
}
