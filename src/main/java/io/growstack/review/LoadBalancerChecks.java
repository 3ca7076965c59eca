package io.growstack.review;

import static io.growstack.model.Values.Tri;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.List;
import java.util.Locale;

/**
 * {@link SecurityRules#ELB_HTTP_LISTENER}, {@link SecurityRules#ELB_INVALID_HEADERS},
 * {@link SecurityRules#ELB_OLD_TLS}, {@link SecurityRules#ELB_NO_ACCESS_LOGS} and {@link SecurityRules#ELB_NO_WAF}.
 */
final class LoadBalancerChecks implements Check {
    /** Policy name prefixes that accept TLS 1.2 and newer only. */
    static final List<String> MODERN_POLICIES = List.of("ELBSecurityPolicy-TLS13-1-2-", "ELBSecurityPolicy-TLS13-1-3-",
            "ELBSecurityPolicy-TLS-1-2-", "ELBSecurityPolicy-FS-1-2-");
    /**
     * Name prefixes of the AWS-defined policies that still accept TLS 1.0 or 1.1. A name neither list
     * covers is not one growstack knows, and the finding says so instead of guessing what it accepts.
     */
    static final List<String> OLD_POLICIES = List.of("ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-2015-05",
            "ELBSecurityPolicy-TLS-1-0-", "ELBSecurityPolicy-TLS-1-1-", "ELBSecurityPolicy-FS-2018-06",
            "ELBSecurityPolicy-FS-1-1-", "ELBSecurityPolicy-TLS13-1-0-", "ELBSecurityPolicy-TLS13-1-1-");

    @Override
    public void run(StackModel stack, Findings findings) {
        waf(stack, findings);
        for (StackModel.Item lb : stack.all("aws_lb", "aws_alb")) {
            String type = type(lb);
            if ("application".equals(type) && Ec2Checks.notTrue(lb.get("drop_invalid_header_fields"))) {
                findings.add(SecurityRules.ELB_INVALID_HEADERS, lb, "drop_invalid_header_fields is "
                        + Ec2Checks.shown(lb.get("drop_invalid_header_fields")));
            }
            if (("application".equals(type) || "network".equals(type)) && !Values.blocksUnknown(lb.body(), "access_logs")) {
                JsonNode logs = Values.block(lb.body(), "access_logs");
                if (logs.isMissingNode()) {
                    findings.add(SecurityRules.ELB_NO_ACCESS_LOGS, lb, "no access_logs block");
                } else if (Ec2Checks.notTrue(logs.path("enabled"))) {
                    findings.add(SecurityRules.ELB_NO_ACCESS_LOGS, lb, "access_logs.enabled is "
                            + Ec2Checks.shown(logs.path("enabled")) + " (the provider defaults it to false)");
                }
            }
        }
        for (StackModel.Item listener : stack.all("aws_lb_listener", "aws_alb_listener")) {
            StackModel.Item lb = stack.resolve(listener.get("load_balancer_arn"), "aws_lb", "aws_alb");
            JsonNode protocolNode = listener.get("protocol");
            if (Values.unknown(protocolNode)) {
                continue;
            }
            String protocol = Values.text(protocolNode);
            if (protocol == null) {
                if (lb == null || !"application".equals(type(lb))) {
                    continue;
                }
                protocol = "HTTP";
            }
            protocol = protocol.toUpperCase(Locale.ROOT);
            if (protocol.equals("HTTP")) {
                httpListener(lb, listener, findings);
            } else if (protocol.equals("HTTPS") || protocol.equals("TLS")) {
                tlsPolicy(listener, findings);
            }
        }
    }

    private static void waf(StackModel stack, Findings findings) {
        java.util.Set<StackModel.Item> protectedLbs = new java.util.HashSet<>();
        for (StackModel.Item association : stack.all("aws_wafv2_web_acl_association",
                "aws_wafregional_web_acl_association")) {
            JsonNode arn = association.get("resource_arn");
            StackModel.Item lb = stack.resolve(arn, "aws_lb", "aws_alb");
            if (lb == null) {
                // A variable or a literal ARN may name any load balancer: judge none.
                return;
            }
            protectedLbs.add(lb);
        }
        for (StackModel.Item lb : stack.all("aws_lb", "aws_alb")) {
            if ("application".equals(type(lb)) && Values.bool(lb.get("internal")) != Tri.TRUE
                    && Values.bool(lb.get("internal")) != Tri.UNKNOWN && !protectedLbs.contains(lb)) {
                findings.add(SecurityRules.ELB_NO_WAF, lb, "no aws_wafv2_web_acl_association has resource_arn = "
                        + lb.address() + ".arn");
            }
        }
    }

    /** {@code application}, {@code network}, {@code gateway}, or {@code null} when unknown. */
    private static String type(StackModel.Item lb) {
        JsonNode type = lb.get("load_balancer_type");
        if (Values.absent(type)) {
            return "application";
        }
        return Values.text(type);
    }

    private static void httpListener(StackModel.Item lb, StackModel.Item listener, Findings findings) {
        if (lb != null && (Values.bool(lb.get("internal")) == Tri.TRUE || !"application".equals(type(lb)))) {
            return;
        }
        if (Values.blocksUnknown(listener.body(), "default_action")) {
            return;
        }
        List<JsonNode> actions = Values.blocks(listener.body(), "default_action");
        for (JsonNode action : actions) {
            JsonNode type = action.path("type");
            if (Values.unknown(type)) {
                return;
            }
            if ("redirect".equals(Values.text(type))) {
                JsonNode protocol = Values.block(action, "redirect").path("protocol");
                if (Values.unknown(protocol) || "HTTPS".equalsIgnoreCase(Values.text(protocol))) {
                    return;
                }
            }
        }
        String first = actions.isEmpty() ? "none" : Values.text(actions.get(0).path("type"));
        Integer port = Values.integer(listener.get("port"));
        findings.add(SecurityRules.ELB_HTTP_LISTENER, listener, "HTTP listener" + (port == null ? "" : " on port " + port)
                + " whose default action is " + first + ", not a redirect to HTTPS");
    }

    private static void tlsPolicy(StackModel.Item listener, Findings findings) {
        JsonNode policy = listener.get("ssl_policy");
        if (Values.unknown(policy)) {
            return;
        }
        String name = Values.text(policy);
        if (name == null) {
            findings.add(SecurityRules.ELB_OLD_TLS, listener,
                    "no ssl_policy: the API default (ELBSecurityPolicy-2016-08) accepts TLS 1.0 and 1.1");
        } else if (OLD_POLICIES.stream().anyMatch(name::startsWith)) {
            findings.add(SecurityRules.ELB_OLD_TLS, listener, "ssl_policy " + name + " accepts TLS older than 1.2");
        } else if (MODERN_POLICIES.stream().noneMatch(name::startsWith)) {
            findings.add(SecurityRules.ELB_OLD_TLS, listener, "ssl_policy " + name + " is not an ELB security policy"
                    + " growstack knows, so which TLS versions it accepts is unknown (aws elbv2 describe-ssl-policies"
                    + " --names " + name + " tells; use a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-2021-06)");
        }
    }
}
