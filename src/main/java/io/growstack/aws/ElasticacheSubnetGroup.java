package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_elasticache_subnet_group}: the subnets ElastiCache nodes may be placed in. */
public record ElasticacheSubnetGroup(String name, String description, List<String> subnetIds,
                                     Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_elasticache_subnet_group";
    }
}
