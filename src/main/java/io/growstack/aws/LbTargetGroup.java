package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.Map;

/**
 * Arguments of {@code aws_lb_target_group}: the targets a load balancer forwards to, and how it
 * checks them. The provider types {@code deregistration_delay} and {@code health_check.port} as strings.
 */
public record LbTargetGroup(
        String name,
        Integer port,
        String protocol,
        String targetType,
        String vpcId,
        String deregistrationDelay,
        HealthCheck healthCheck,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_lb_target_group";
    }

    /**
     * The health check: {@code port} is a number as text or {@code traffic-port}; {@code matcher}
     * the healthy HTTP codes (e.g. {@code 200}); times in seconds.
     */
    public record HealthCheck(Boolean enabled, String protocol, String port, String path, String matcher,
                              Integer interval, Integer timeout, Integer healthyThreshold,
                              Integer unhealthyThreshold) {
    }
}
