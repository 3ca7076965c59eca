package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_eip}: an Elastic IP address in the VPC domain. */
public record Eip(String domain, String instance, String networkInterface, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_eip";
    }
}
