package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_vpc}: a virtual private cloud. */
public record Vpc(String cidrBlock, Boolean enableDnsSupport, Boolean enableDnsHostnames, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_vpc";
    }
}
