package io.growstack.network;

/**
 * VPC flow log settings: every accepted and rejected flow to a CloudWatch Logs group.
 *
 * @param retentionDays how long CloudWatch keeps the records
 * @param trafficType   {@code ALL}, {@code ACCEPT} or {@code REJECT}
 */
public record FlowLogs(int retentionDays, String trafficType) {
    /** Default retention: a month is enough to investigate an incident and cheap to keep. */
    public static final int DEFAULT_RETENTION_DAYS = 30;

    /** All traffic, kept {@value #DEFAULT_RETENTION_DAYS} days. */
    public static FlowLogs toCloudWatch() {
        return new FlowLogs(DEFAULT_RETENTION_DAYS, "ALL");
    }

    /** All traffic, kept {@code retentionDays} (a value CloudWatch Logs accepts, such as 7, 30 or 365). */
    public static FlowLogs toCloudWatch(int retentionDays) {
        return new FlowLogs(retentionDays, "ALL");
    }
}
