package io.growstack.review;

import static io.growstack.model.Values.Tri;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.Locale;
import java.util.Set;

/**
 * {@link SecurityRules#RDS_PUBLIC}, {@link SecurityRules#RDS_UNENCRYPTED}, {@link SecurityRules#RDS_NO_BACKUPS},
 * {@link SecurityRules#RDS_NO_DELETION_PROTECTION}, {@link SecurityRules#RDS_SINGLE_AZ},
 * {@link SecurityRules#RDS_NO_IAM_AUTH}, {@link SecurityRules#RDS_NO_ENHANCED_MONITORING} and
 * {@link SecurityRules#RDS_NO_LOG_EXPORTS} on {@code aws_db_instance}.
 */
final class RdsChecks implements Check {
    /** Engines whose instances accept IAM database authentication. */
    private static final Set<String> IAM_AUTH_ENGINES = Set.of("mysql", "mariadb", "postgres");

    @Override
    public void run(StackModel stack, Findings findings) {
        for (StackModel.Item db : stack.all("aws_db_instance")) {
            boolean replica = !Values.absent(db.get("replicate_source_db"));
            if (Values.bool(db.get("publicly_accessible")) == Tri.TRUE) {
                findings.add(SecurityRules.RDS_PUBLIC, db, "publicly_accessible is true");
            }
            if (!replica && Ec2Checks.notTrue(db.get("storage_encrypted"))) {
                findings.add(SecurityRules.RDS_UNENCRYPTED, db,
                        "storage_encrypted is " + Ec2Checks.shown(db.get("storage_encrypted")));
            }
            Integer retention = Values.integer(db.get("backup_retention_period"));
            if (!replica && retention != null && retention == 0) {
                findings.add(SecurityRules.RDS_NO_BACKUPS, db, "backup_retention_period is 0");
            }
            if (Ec2Checks.notTrue(db.get("deletion_protection"))) {
                findings.add(SecurityRules.RDS_NO_DELETION_PROTECTION, db,
                        "deletion_protection is " + Ec2Checks.shown(db.get("deletion_protection")));
            }
            if (Ec2Checks.notTrue(db.get("multi_az"))) {
                findings.add(SecurityRules.RDS_SINGLE_AZ, db, "multi_az is " + Ec2Checks.shown(db.get("multi_az")));
            }
            String engine = Values.text(db.get("engine"));
            if (!replica && engine != null && IAM_AUTH_ENGINES.contains(engine.toLowerCase(Locale.ROOT))
                    && Ec2Checks.notTrue(db.get("iam_database_authentication_enabled"))) {
                findings.add(SecurityRules.RDS_NO_IAM_AUTH, db, "iam_database_authentication_enabled is "
                        + Ec2Checks.shown(db.get("iam_database_authentication_enabled")));
            }
            JsonNode interval = db.get("monitoring_interval");
            Integer seconds = Values.integer(interval);
            if (Values.absent(interval) || (seconds != null && seconds == 0)) {
                findings.add(SecurityRules.RDS_NO_ENHANCED_MONITORING, db, "monitoring_interval is "
                        + Ec2Checks.shown(interval));
            }
            JsonNode exports = db.get("enabled_cloudwatch_logs_exports");
            if (Values.absent(exports) || (exports.isArray() && exports.isEmpty())) {
                findings.add(SecurityRules.RDS_NO_LOG_EXPORTS, db, "enabled_cloudwatch_logs_exports is "
                        + (Values.absent(exports) ? "not set" : "empty"));
            }
        }
    }
}
