package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_db_instance}: one RDS DB instance (not Aurora). With
 * {@code manageMasterUserPassword} RDS keeps the master password in Secrets Manager, so no
 * {@code password} argument exists here on purpose; the secret's ARN is the attribute
 * {@code master_user_secret[0].secret_arn}.
 */
public record DbInstance(
        String identifier,
        String engine,
        String engineVersion,
        String instanceClass,
        Integer allocatedStorage,
        Integer maxAllocatedStorage,
        String storageType,
        Boolean storageEncrypted,
        String kmsKeyId,
        String dbName,
        String username,
        Boolean manageMasterUserPassword,
        Integer port,
        String dbSubnetGroupName,
        List<String> vpcSecurityGroupIds,
        String parameterGroupName,
        Boolean publiclyAccessible,
        Boolean multiAz,
        Integer backupRetentionPeriod,
        String backupWindow,
        String maintenanceWindow,
        Boolean copyTagsToSnapshot,
        Boolean deletionProtection,
        Boolean skipFinalSnapshot,
        String finalSnapshotIdentifier,
        Boolean autoMinorVersionUpgrade,
        Boolean allowMajorVersionUpgrade,
        Boolean applyImmediately,
        Boolean performanceInsightsEnabled,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_db_instance";
    }
}
