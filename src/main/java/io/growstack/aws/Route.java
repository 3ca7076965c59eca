package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_route}: one route; exactly one target is set. */
public record Route(String routeTableId, String destinationCidrBlock, String gatewayId, String natGatewayId, String networkInterfaceId) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_route";
    }
}
