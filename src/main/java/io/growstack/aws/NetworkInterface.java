package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_network_interface}: an elastic network interface created on its own, so it
 * outlives the instances it is attached to (and routes that target it survive their replacement).
 */
public record NetworkInterface(
        String subnetId,
        List<String> securityGroups,
        Boolean sourceDestCheck,
        String description,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_network_interface";
    }
}
