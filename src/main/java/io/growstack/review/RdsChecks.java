package io.growstack.review;

import static io.growstack.review.Values.Tri;

/**
 * {@link SecurityRules#RDS_PUBLIC}, {@link SecurityRules#RDS_UNENCRYPTED}, {@link SecurityRules#RDS_NO_BACKUPS},
 * {@link SecurityRules#RDS_NO_DELETION_PROTECTION} and {@link SecurityRules#RDS_SINGLE_AZ} on {@code aws_db_instance}.
 */
final class RdsChecks implements Check {
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
        }
    }
}
