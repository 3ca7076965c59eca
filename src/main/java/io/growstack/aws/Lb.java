package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_lb}: an application or network load balancer. */
public record Lb(
        String name,
        Boolean internal,
        String loadBalancerType,
        List<String> securityGroups,
        List<String> subnets,
        Boolean dropInvalidHeaderFields,
        Boolean enableDeletionProtection,
        Integer idleTimeout,
        AccessLogs accessLogs,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_lb";
    }

    /** Access logs to an existing S3 bucket whose policy lets Elastic Load Balancing write. */
    public record AccessLogs(String bucket, String prefix, Boolean enabled) {
    }
}
