package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_lb_listener}: a port of a load balancer and what it does with requests. */
public record LbListener(
        String loadBalancerArn,
        Integer port,
        String protocol,
        String sslPolicy,
        String certificateArn,
        List<Action> defaultAction,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_lb_listener";
    }

    /** One action: {@code forward} (with {@code targetGroupArn}), {@code redirect} or {@code fixed-response}. */
    public record Action(String type, String targetGroupArn, Redirect redirect, FixedResponse fixedResponse) {
        /** Forwards every request to one target group. */
        public static Action forward(String targetGroupArn) {
            return new Action("forward", targetGroupArn, null, null);
        }

        /** Redirects to HTTPS on 443, keeping host, path and query, with {@code HTTP_301}. */
        public static Action redirectToHttps() {
            return new Action("redirect", null, new Redirect("443", "HTTPS", "HTTP_301"), null);
        }
    }

    /** Where a redirect goes; unset parts keep the request's. {@code statusCode} is HTTP_301 or HTTP_302. */
    public record Redirect(String port, String protocol, String statusCode) {
    }

    /** A fixed response; {@code statusCode} as text, such as {@code 404}. */
    public record FixedResponse(String contentType, String messageBody, String statusCode) {
    }
}
