package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_nat_gateway}: a managed NAT gateway in a public subnet. */
public record NatGateway(String allocationId, String subnetId, String connectivityType, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_nat_gateway";
    }
}
