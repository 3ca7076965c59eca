package io.growstack.data;

import io.growstack.network.INetwork;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link Cache}. Only the network is required; the defaults are one encrypted
 * Valkey node on the smallest Graviton node type in a private subnet.
 */
public final class CacheProps {
    /** Valkey, the open-source (BSD) successor of Redis OSS 7.2; ElastiCache prices it below Redis OSS. */
    public static final String VALKEY = "valkey";
    /** Redis OSS; ElastiCache's last Redis OSS version is 7.1. */
    public static final String REDIS = "redis";
    /** Default engine: {@value #VALKEY}. */
    public static final String DEFAULT_ENGINE = VALKEY;
    /** Valkey 8.1: smaller per-key memory than 8.0, which counts on a 0.5 GiB node. */
    public static final String DEFAULT_VALKEY_VERSION = "8.1";
    /** Redis OSS 7.1, the newest ElastiCache offers. */
    public static final String DEFAULT_REDIS_VERSION = "7.1";
    /** The engine versions ElastiCache offers for node-based clusters, by engine ({@code major.minor}). */
    public static final Map<String, Set<String>> KNOWN_ENGINE_VERSIONS = Map.of(
            VALKEY, Set.of("7.2", "8.0", "8.1", "8.2", "9.0", "9.1"),
            REDIS, Set.of("6.2", "7.0", "7.1"));
    /** Graviton, 2 vCPU, 0.5 GiB: the cheapest current-generation node; it supports encryption in transit and at rest. */
    public static final String DEFAULT_NODE_TYPE = "cache.t4g.micro";
    /** A replication group has one primary and up to five replicas. */
    public static final int MAX_REPLICAS = 5;
    /** The most days ElastiCache keeps automatic snapshots. */
    public static final int MAX_SNAPSHOT_RETENTION_DAYS = 35;

    final INetwork network;
    final String engine;
    final String engineVersion;
    final String nodeType;
    final int replicas;
    final int snapshotRetentionDays;
    final String snapshotWindow;
    final String maintenanceWindow;
    final boolean applyImmediately;

    private CacheProps(Builder b) {
        this.network = Objects.requireNonNull(b.network, "network must not be null");
        this.engine = b.engine;
        this.engineVersion = b.engineVersion;
        this.nodeType = b.nodeType;
        this.replicas = b.replicas;
        this.snapshotRetentionDays = b.snapshotRetentionDays;
        this.snapshotWindow = b.snapshotWindow;
        this.maintenanceWindow = b.maintenanceWindow;
        this.applyImmediately = b.applyImmediately;
    }

    /** A builder for a cache in {@code network}'s private subnets. */
    public static Builder builder(INetwork network) {
        return new Builder(network);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(network);
        b.engine = engine;
        b.engineVersion = engineVersion;
        b.nodeType = nodeType;
        b.replicas = replicas;
        b.snapshotRetentionDays = snapshotRetentionDays;
        b.snapshotWindow = snapshotWindow;
        b.maintenanceWindow = maintenanceWindow;
        b.applyImmediately = applyImmediately;
        return b;
    }

    /** The network. */
    public INetwork network() {
        return network;
    }

    /** The engine, {@value #VALKEY} or {@value #REDIS}. Default: {@value #DEFAULT_ENGINE}. */
    public String engine() {
        return engine;
    }

    /** The number of replicas. Default: 0. */
    public int replicas() {
        return replicas;
    }

    /** Builds {@link CacheProps}. */
    public static final class Builder {
        private final INetwork network;
        private String engine = DEFAULT_ENGINE;
        private String engineVersion;
        private String nodeType = DEFAULT_NODE_TYPE;
        private int replicas;
        private int snapshotRetentionDays;
        private String snapshotWindow;
        private String maintenanceWindow;
        private boolean applyImmediately;

        private Builder(INetwork network) {
            this.network = network;
        }

        /** The engine: {@value #VALKEY} or {@value #REDIS} (Redis OSS). Default: {@value #DEFAULT_ENGINE}. */
        public Builder engine(String engine) {
            this.engine = engine;
            return this;
        }

        /**
         * The engine version, {@code major.minor}, one of {@link #KNOWN_ENGINE_VERSIONS} for the engine.
         * Default: {@value #DEFAULT_VALKEY_VERSION} for Valkey, {@value #DEFAULT_REDIS_VERSION} for Redis OSS.
         */
        public Builder engineVersion(String engineVersion) {
            this.engineVersion = engineVersion;
            return this;
        }

        /** The node type, such as {@code cache.t4g.small} or {@code cache.r7g.large}. Default: {@value #DEFAULT_NODE_TYPE}. */
        public Builder nodeType(String nodeType) {
            this.nodeType = nodeType;
            return this;
        }

        /**
         * Read replicas, 0..5. Any replica turns on automatic failover and Multi-AZ, with the nodes
         * spread over the network's zones; each replica costs as much as the primary. Default: 0.
         */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** Days of automatic daily snapshots, 0..35; 0 takes none. Default: 0 (a cache holds rebuildable data). */
        public Builder snapshotRetentionDays(int days) {
            this.snapshotRetentionDays = days;
            return this;
        }

        /** The daily snapshot window in UTC, {@code hh24:mi-hh24:mi}. Default: one ElastiCache picks. */
        public Builder snapshotWindow(String snapshotWindow) {
            this.snapshotWindow = snapshotWindow;
            return this;
        }

        /** The weekly maintenance window in UTC, {@code ddd:hh24:mi-ddd:hh24:mi}. Default: one ElastiCache picks. */
        public Builder maintenanceWindow(String maintenanceWindow) {
            this.maintenanceWindow = maintenanceWindow;
            return this;
        }

        /** Whether changes apply at once instead of in the maintenance window. Default: false. */
        public Builder applyImmediately(boolean applyImmediately) {
            this.applyImmediately = applyImmediately;
            return this;
        }

        /** The settings. */
        public CacheProps build() {
            return new CacheProps(this);
        }
    }
}
