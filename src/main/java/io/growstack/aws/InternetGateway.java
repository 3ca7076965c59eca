package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_internet_gateway}: the VPC's gateway to the internet. */
public record InternetGateway(String vpcId, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_internet_gateway";
    }
}
