package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_elasticache_user_group}: the users a replication group admits. */
public record ElasticacheUserGroup(String userGroupId, String engine, List<String> userIds, Map<String, String> tags)
        implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_elasticache_user_group";
    }
}
