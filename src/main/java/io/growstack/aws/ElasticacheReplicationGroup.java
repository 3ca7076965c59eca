package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_elasticache_replication_group}: a Valkey or Redis OSS cache, cluster mode
 * disabled: one primary and {@code numCacheClusters - 1} replicas. Unlike {@code aws_elasticache_cluster}
 * it supports encryption in transit and at rest and automatic failover.
 *
 * <p>The provider declares {@code at_rest_encryption_enabled} and {@code auto_minor_version_upgrade}
 * as strings ({@code "true"}); a JSON boolean is converted by Terraform. {@code userGroupIds} names the
 * {@code aws_elasticache_user_group} whose users may connect (role-based access control).
 */
public record ElasticacheReplicationGroup(
        String replicationGroupId,
        String description,
        String engine,
        String engineVersion,
        String nodeType,
        Integer port,
        Integer numCacheClusters,
        List<String> preferredCacheClusterAzs,
        Boolean automaticFailoverEnabled,
        Boolean multiAzEnabled,
        String subnetGroupName,
        List<String> securityGroupIds,
        String parameterGroupName,
        Boolean atRestEncryptionEnabled,
        String kmsKeyId,
        Boolean transitEncryptionEnabled,
        Boolean autoMinorVersionUpgrade,
        Boolean applyImmediately,
        String maintenanceWindow,
        Integer snapshotRetentionLimit,
        String snapshotWindow,
        List<String> userGroupIds,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_elasticache_replication_group";
    }
}
