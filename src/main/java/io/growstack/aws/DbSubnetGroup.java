package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_db_subnet_group}: the subnets an RDS instance may be placed in; RDS
 * requires subnets in at least two availability zones, even for a Single-AZ instance.
 */
public record DbSubnetGroup(String name, String description, List<String> subnetIds, Map<String, String> tags)
        implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_db_subnet_group";
    }
}
