package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_vpc_endpoint}: a VPC endpoint (gateway endpoints attach to route tables). */
public record VpcEndpoint(String vpcId, String serviceName, String vpcEndpointType, List<String> routeTableIds, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_vpc_endpoint";
    }
}
