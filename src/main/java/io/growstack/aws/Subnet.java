package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_subnet}: one subnet in one availability zone. */
public record Subnet(String vpcId, String cidrBlock, String availabilityZone, Boolean mapPublicIpOnLaunch, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_subnet";
    }
}
