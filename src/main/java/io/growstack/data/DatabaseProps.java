package io.growstack.data;

import io.growstack.network.INetwork;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link Database}. Only the network is required; the defaults are a private,
 * encrypted, backed-up MySQL 8.4 on the smallest Graviton class, inside the RDS free tier
 * (Single-AZ db.t4g.micro, 20 GB).
 */
public final class DatabaseProps {
    /** MySQL 8.4, the long-term-support (LTS) release. */
    public static final String ENGINE_VERSION_8_4 = "8.4";
    /**
     * MySQL 8.0. <b>Its RDS standard support ended on 2026-07-31</b>: every instance still on it is
     * enrolled in RDS Extended Support, billed per vCPU-hour (USD 0.120 in ap-northeast-2 in years 1-2,
     * about USD 175 a month on a two-vCPU class, more than the instance itself). Use it only for a
     * database that cannot move yet, and plan the upgrade to {@value #ENGINE_VERSION_8_4}.
     */
    public static final String ENGINE_VERSION_8_0 = "8.0";
    /** The MySQL major versions the block knows; RDS picks and upgrades the minor version. */
    public static final Set<String> KNOWN_ENGINE_VERSIONS = Set.of(ENGINE_VERSION_8_4, ENGINE_VERSION_8_0);
    /** Default engine version: {@value #ENGINE_VERSION_8_4}, never 8.0 (Extended Support charges). */
    public static final String DEFAULT_ENGINE_VERSION = ENGINE_VERSION_8_4;
    /** Graviton, 2 vCPU, 1 GiB: the seed's version-2 database and the RDS free-tier class. */
    public static final String DEFAULT_INSTANCE_CLASS = "db.t4g.micro";
    /** The gp3 minimum for RDS, and the free tier's storage. */
    public static final int MIN_ALLOCATED_STORAGE_GB = 20;
    /** Initial storage. */
    public static final int DEFAULT_ALLOCATED_STORAGE_GB = MIN_ALLOCATED_STORAGE_GB;
    /** Storage autoscaling grows the volume up to this ceiling, so a full disk does not stop the database. */
    public static final int DEFAULT_MAX_ALLOCATED_STORAGE_GB = 100;
    /** The largest RDS for MySQL gp3 volume (64 TiB). */
    public static final int MAX_STORAGE_GB = 65536;
    /** A week of automated backups and point-in-time recovery (backup storage up to the database size is free). */
    public static final int DEFAULT_BACKUP_RETENTION_DAYS = 7;
    /** The most RDS keeps automated backups. */
    public static final int MAX_BACKUP_RETENTION_DAYS = 35;
    /** The master user name: the RDS console's default, valid for MySQL (PostgreSQL reserves it). */
    public static final String DEFAULT_USERNAME = "admin";

    final INetwork network;
    final String engineVersion;
    final String instanceClass;
    final int allocatedStorageGb;
    final int maxAllocatedStorageGb;
    final int backupRetentionDays;
    final String backupWindow;
    final String maintenanceWindow;
    final boolean multiAz;
    final boolean deletionProtection;
    final boolean finalSnapshot;
    final String username;
    final String databaseName;
    final boolean performanceInsights;
    final boolean applyImmediately;
    final Map<String, String> parameters;
    final Map<String, String> staticParameters;
    final boolean publiclyAccessible;

    private DatabaseProps(Builder b) {
        this.network = Objects.requireNonNull(b.network, "network must not be null");
        this.engineVersion = b.engineVersion;
        this.instanceClass = b.instanceClass;
        this.allocatedStorageGb = b.allocatedStorageGb;
        this.maxAllocatedStorageGb = b.maxAllocatedStorageGb;
        this.backupRetentionDays = b.backupRetentionDays;
        this.backupWindow = b.backupWindow;
        this.maintenanceWindow = b.maintenanceWindow;
        this.multiAz = b.multiAz;
        this.deletionProtection = b.deletionProtection;
        this.finalSnapshot = b.finalSnapshot;
        this.username = b.username;
        this.databaseName = b.databaseName;
        this.performanceInsights = b.performanceInsights;
        this.applyImmediately = b.applyImmediately;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.parameters));
        this.staticParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.staticParameters));
        this.publiclyAccessible = b.publiclyAccessible;
    }

    /** A builder for a database in {@code network}'s private subnets. */
    public static Builder builder(INetwork network) {
        return new Builder(network);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(network);
        b.engineVersion = engineVersion;
        b.instanceClass = instanceClass;
        b.allocatedStorageGb = allocatedStorageGb;
        b.maxAllocatedStorageGb = maxAllocatedStorageGb;
        b.backupRetentionDays = backupRetentionDays;
        b.backupWindow = backupWindow;
        b.maintenanceWindow = maintenanceWindow;
        b.multiAz = multiAz;
        b.deletionProtection = deletionProtection;
        b.finalSnapshot = finalSnapshot;
        b.username = username;
        b.databaseName = databaseName;
        b.performanceInsights = performanceInsights;
        b.applyImmediately = applyImmediately;
        b.parameters = new LinkedHashMap<>(parameters);
        b.staticParameters = new LinkedHashMap<>(staticParameters);
        b.publiclyAccessible = publiclyAccessible;
        return b;
    }

    /** The network. */
    public INetwork network() {
        return network;
    }

    /** The MySQL major version. Default: {@value #DEFAULT_ENGINE_VERSION}. */
    public String engineVersion() {
        return engineVersion;
    }

    /** The instance class. Default: {@value #DEFAULT_INSTANCE_CLASS}. */
    public String instanceClass() {
        return instanceClass;
    }

    /** Whether a standby runs in a second zone. Default: false. */
    public boolean multiAz() {
        return multiAz;
    }

    /** Whether the instance sits in public subnets with a public address (the seed's version-2 only). */
    public boolean publiclyAccessible() {
        return publiclyAccessible;
    }

    /** Builds {@link DatabaseProps}. */
    public static final class Builder {
        private final INetwork network;
        private String engineVersion = DEFAULT_ENGINE_VERSION;
        private String instanceClass = DEFAULT_INSTANCE_CLASS;
        private int allocatedStorageGb = DEFAULT_ALLOCATED_STORAGE_GB;
        private int maxAllocatedStorageGb = DEFAULT_MAX_ALLOCATED_STORAGE_GB;
        private int backupRetentionDays = DEFAULT_BACKUP_RETENTION_DAYS;
        private String backupWindow;
        private String maintenanceWindow;
        private boolean multiAz;
        private boolean deletionProtection = true;
        private boolean finalSnapshot = true;
        private String username = DEFAULT_USERNAME;
        private String databaseName;
        private boolean performanceInsights;
        private boolean applyImmediately;
        private Map<String, String> parameters = new LinkedHashMap<>();
        private Map<String, String> staticParameters = new LinkedHashMap<>();
        private boolean publiclyAccessible;

        private Builder(INetwork network) {
            this.network = network;
        }

        /**
         * The MySQL major version: {@value #ENGINE_VERSION_8_4} or {@value #ENGINE_VERSION_8_0}.
         * Default: {@value #DEFAULT_ENGINE_VERSION}. See {@link #ENGINE_VERSION_8_0} for what 8.0
         * costs after 2026-07-31. Moving an existing instance to a new major version also needs
         * {@code allow_major_version_upgrade} (an escape-hatch override) and a maintenance slot.
         */
        public Builder engineVersion(String engineVersion) {
            this.engineVersion = engineVersion;
            return this;
        }

        /**
         * The instance class, such as {@code db.t4g.small} or {@code db.m7g.large}. Default:
         * {@value #DEFAULT_INSTANCE_CLASS}.
         */
        public Builder instanceClass(String instanceClass) {
            this.instanceClass = instanceClass;
            return this;
        }

        /** Initial gp3 storage in GiB, 20 up to the autoscaling ceiling. Default: 20. */
        public Builder allocatedStorageGb(int allocatedStorageGb) {
            this.allocatedStorageGb = allocatedStorageGb;
            return this;
        }

        /**
         * The storage-autoscaling ceiling in GiB ({@code max_allocated_storage}): at least 10 % above
         * the allocated storage, or 0 to turn autoscaling off. Default: 100.
         */
        public Builder maxAllocatedStorageGb(int maxAllocatedStorageGb) {
            this.maxAllocatedStorageGb = maxAllocatedStorageGb;
            return this;
        }

        /** Days of automated backups, 0..35; 0 turns them off. Default: 7. */
        public Builder backupRetentionDays(int backupRetentionDays) {
            this.backupRetentionDays = backupRetentionDays;
            return this;
        }

        /** The daily backup window in UTC, {@code hh24:mi-hh24:mi}. Default: one RDS picks. */
        public Builder backupWindow(String backupWindow) {
            this.backupWindow = backupWindow;
            return this;
        }

        /** The weekly maintenance window in UTC, {@code ddd:hh24:mi-ddd:hh24:mi}. Default: one RDS picks. */
        public Builder maintenanceWindow(String maintenanceWindow) {
            this.maintenanceWindow = maintenanceWindow;
            return this;
        }

        /**
         * Runs a synchronous standby in a second availability zone with automatic failover (the seed's
         * "the database is a single point of failure"); roughly doubles the instance and storage cost.
         * Default: false.
         */
        public Builder multiAz(boolean multiAz) {
            this.multiAz = multiAz;
            return this;
        }

        /** Whether RDS refuses to delete the instance (also {@code terraform destroy}). Default: true; turn off for dev stacks. */
        public Builder deletionProtection(boolean deletionProtection) {
            this.deletionProtection = deletionProtection;
            return this;
        }

        /**
         * Whether deleting the instance first takes a snapshot named {@code <identifier>-final}
         * ({@code skip_final_snapshot = false}). The snapshot outlives the instance: delete it before
         * deleting a re-created instance of the same name, or that second delete fails. Default: true;
         * turn off for throwaway dev stacks.
         */
        public Builder finalSnapshot(boolean finalSnapshot) {
            this.finalSnapshot = finalSnapshot;
            return this;
        }

        /**
         * The master user: 1-16 letters, digits or underscores starting with a letter. Its password is
         * generated and rotated by RDS in AWS Secrets Manager ({@link Database#secretArn()}). Default:
         * {@value #DEFAULT_USERNAME}.
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /** A database to create with the instance ({@code db_name}). Default: none (create it yourself). */
        public Builder databaseName(String databaseName) {
            this.databaseName = databaseName;
            return this;
        }

        /**
         * Performance Insights (Database Insights standard mode). Not offered on micro and small
         * classes. Default: false (cost and class limits).
         */
        public Builder performanceInsights(boolean enabled) {
            this.performanceInsights = enabled;
            return this;
        }

        /**
         * Whether changes apply at once instead of in the next maintenance window; some restart the
         * instance. Default: false.
         */
        public Builder applyImmediately(boolean applyImmediately) {
            this.applyImmediately = applyImmediately;
            return this;
        }

        /**
         * Sets a dynamic MySQL parameter in the block's parameter group, applied at once; it may
         * replace a default ({@code character_set_server}, {@code collation_server},
         * {@code require_secure_transport}). Default: only those three.
         */
        public Builder parameter(String name, String value) {
            staticParameters.remove(name);
            parameters.put(name, value);
            return this;
        }

        /**
         * Sets a static MySQL parameter (one MySQL marks "Dynamic: No", such as
         * {@code innodb_log_buffer_size}); RDS applies it at the next reboot ({@code pending-reboot}).
         */
        public Builder staticParameter(String name, String value) {
            parameters.remove(name);
            staticParameters.put(name, value);
            return this;
        }

        /**
         * <b>Only to reproduce the seed's version-2</b>: places the instance in the network's
         * <em>public</em> subnets and sets {@code publicly_accessible = true}, so the endpoint resolves
         * to a public address. The security review flags this as high. Even so no ingress is added:
         * the caller must open 3306 explicitly, as the version-2 example does to show the risk.
         */
        public Builder publiclyAccessibleForSeedVersion2() {
            this.publiclyAccessible = true;
            return this;
        }

        /** The settings. */
        public DatabaseProps build() {
            return new DatabaseProps(this);
        }
    }
}
