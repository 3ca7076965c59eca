package io.growstack.monitoring;

import io.growstack.compute.AutoScaledService;
import io.growstack.compute.Bastion;
import io.growstack.compute.HostProps;
import io.growstack.core.Args;
import io.growstack.host.HostSettings;
import io.growstack.network.INetwork;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link Monitoring} host. Required: the network, the bastion Grafana is reached
 * through, the service to scrape, and the {@link PrometheusRelease} (version and its published
 * SHA-256; see there why it has no default for Graviton). The host settings come from
 * {@link io.growstack.host.HostSetters}; the user data is the block's own.
 */
public final class MonitoringProps extends HostProps {
    /** The seed's monitoring server: Graviton, 2 vCPU, 2 GiB. */
    public static final String DEFAULT_INSTANCE_TYPE = "t4g.small";
    /** How long Prometheus keeps samples (its own default too). */
    public static final int DEFAULT_RETENTION_DAYS = 15;
    /** How often each instance's {@code /actuator/prometheus} is read (Prometheus's usual interval). */
    public static final int DEFAULT_SCRAPE_INTERVAL_SECONDS = 15;
    /** Instances the disk is sized for: the service's default maximum. */
    public static final int DEFAULT_MAX_SCRAPED_INSTANCES = 6;
    /**
     * Time series one Spring Boot instance exposes: a few hundred JVM, process, system and HikariCP
     * series, plus the {@code http_server_requests} histogram (about 70 buckets for each URI, method
     * and status) once percentile histograms are on. 2,000 leaves room for a few dozen endpoints.
     */
    public static final int DEFAULT_SERIES_PER_INSTANCE = 2000;
    /** Average CPU of a group, in percent, above which the alarm fires (the seed scales at 90 %). */
    public static final double DEFAULT_CPU_ALARM_THRESHOLD_PERCENT = 90;
    /** 5xx responses a minute, from the load balancer or from the instances, that count as failing. */
    public static final int DEFAULT_HTTP_5XX_ALARM_THRESHOLD = 10;

    final Bastion bastion;
    final AutoScaledService service;
    final PrometheusRelease prometheus;
    final GrafanaRelease grafana;
    final int subnetIndex;
    final int retentionDays;
    final int scrapeIntervalSeconds;
    final int maxScrapedInstances;
    final int seriesPerInstance;
    final String jobName;
    final boolean alarms;
    final List<String> alarmEmails;
    final double cpuAlarmThresholdPercent;
    final int http5xxAlarmThreshold;

    private MonitoringProps(Builder b) {
        super(b);
        this.bastion = Objects.requireNonNull(b.bastion, "bastion must not be null");
        this.service = Objects.requireNonNull(b.service, "service must not be null");
        this.prometheus = b.prometheus;
        this.grafana = b.grafana;
        this.subnetIndex = b.subnetIndex;
        this.retentionDays = b.retentionDays;
        this.scrapeIntervalSeconds = b.scrapeIntervalSeconds;
        this.maxScrapedInstances = b.maxScrapedInstances;
        this.seriesPerInstance = b.seriesPerInstance;
        this.jobName = b.jobName;
        this.alarms = b.alarms;
        this.alarmEmails = List.copyOf(b.alarmEmails);
        this.cpuAlarmThresholdPercent = b.cpuAlarmThresholdPercent;
        this.http5xxAlarmThreshold = b.http5xxAlarmThreshold;
    }

    /** A builder for monitoring {@code service} in {@code network}, with Grafana reached through {@code bastion}. */
    public static Builder builder(INetwork network, Bastion bastion, AutoScaledService service) {
        return new Builder(network, bastion, service, HostSettings.builder(DEFAULT_INSTANCE_TYPE));
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The Prometheus release; required. */
    public PrometheusRelease prometheus() {
        return prometheus;
    }

    /** The Grafana release. Default: {@link GrafanaRelease#DEFAULT}. */
    public GrafanaRelease grafana() {
        return grafana;
    }

    /** Days of samples kept. Default: {@value #DEFAULT_RETENTION_DAYS}. */
    public int retentionDays() {
        return retentionDays;
    }

    /** Builds {@link MonitoringProps}. */
    public static final class Builder extends HostProps.Builder<Builder> {
        private final Bastion bastion;
        private final AutoScaledService service;
        private PrometheusRelease prometheus;
        private GrafanaRelease grafana = GrafanaRelease.DEFAULT;
        private int subnetIndex;
        private int retentionDays = DEFAULT_RETENTION_DAYS;
        private int scrapeIntervalSeconds = DEFAULT_SCRAPE_INTERVAL_SECONDS;
        private int maxScrapedInstances = DEFAULT_MAX_SCRAPED_INSTANCES;
        private int seriesPerInstance = DEFAULT_SERIES_PER_INSTANCE;
        private String jobName;
        private boolean alarms = true;
        private List<String> alarmEmails = List.of();
        private double cpuAlarmThresholdPercent = DEFAULT_CPU_ALARM_THRESHOLD_PERCENT;
        private int http5xxAlarmThreshold = DEFAULT_HTTP_5XX_ALARM_THRESHOLD;

        private Builder(INetwork network, Bastion bastion, AutoScaledService service, HostSettings.Builder host) {
            super(network, host);
            this.bastion = bastion;
            this.service = service;
        }

        private Builder(MonitoringProps props) {
            super(props);
            this.bastion = props.bastion;
            this.service = props.service;
            this.prometheus = props.prometheus;
            this.grafana = props.grafana;
            this.subnetIndex = props.subnetIndex;
            this.retentionDays = props.retentionDays;
            this.scrapeIntervalSeconds = props.scrapeIntervalSeconds;
            this.maxScrapedInstances = props.maxScrapedInstances;
            this.seriesPerInstance = props.seriesPerInstance;
            this.jobName = props.jobName;
            this.alarms = props.alarms;
            this.alarmEmails = props.alarmEmails;
            this.cpuAlarmThresholdPercent = props.cpuAlarmThresholdPercent;
            this.http5xxAlarmThreshold = props.http5xxAlarmThreshold;
        }

        /**
         * The Prometheus version and the SHA-256 its project publishes for the archive of the host's
         * architecture. Required: no default for Graviton (see {@link PrometheusRelease}).
         */
        public Builder prometheus(PrometheusRelease release) {
            this.prometheus = release;
            return this;
        }

        /** The Grafana version and its repository's signing-key fingerprint. Default: {@link GrafanaRelease#DEFAULT}. */
        public Builder grafana(GrafanaRelease release) {
            this.grafana = Objects.requireNonNull(release, "grafana must not be null");
            return this;
        }

        /** Which private subnet (availability zone), from 0. Default: 0. */
        public Builder subnetIndex(int subnetIndex) {
            this.subnetIndex = subnetIndex;
            return this;
        }

        /** Days Prometheus keeps samples; the disk is sized for it. Default: {@value #DEFAULT_RETENTION_DAYS}. */
        public Builder retentionDays(int retentionDays) {
            this.retentionDays = retentionDays;
            return this;
        }

        /** Seconds between scrapes of each instance. Default: {@value #DEFAULT_SCRAPE_INTERVAL_SECONDS}. */
        public Builder scrapeIntervalSeconds(int scrapeIntervalSeconds) {
            this.scrapeIntervalSeconds = scrapeIntervalSeconds;
            return this;
        }

        /** Instances the disk is sized for. Default: {@value #DEFAULT_MAX_SCRAPED_INSTANCES} (the service's default maximum). */
        public Builder maxScrapedInstances(int maxScrapedInstances) {
            this.maxScrapedInstances = maxScrapedInstances;
            return this;
        }

        /** Time series each instance exposes, for disk sizing. Default: {@value #DEFAULT_SERIES_PER_INSTANCE}. */
        public Builder seriesPerInstance(int seriesPerInstance) {
            this.seriesPerInstance = seriesPerInstance;
            return this;
        }

        /** The Prometheus job name (the {@code job} label). Default: the service's construct id. */
        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        /**
         * Whether to create the CloudWatch alarms (the group's CPU, the load balancer's and the
         * instances' 5xx) and their SNS topic. Default: true.
         */
        public Builder alarms(boolean alarms) {
            this.alarms = alarms;
            return this;
        }

        /** Email addresses subscribed to the alarm topic (each confirms by mail). Default: none. */
        public Builder alarmEmails(List<String> emails) {
            this.alarmEmails = Args.list(emails, "alarmEmails");
            return this;
        }

        /** Average CPU percent of a group that raises its alarm. Default: {@value #DEFAULT_CPU_ALARM_THRESHOLD_PERCENT}. */
        public Builder cpuAlarmThresholdPercent(double percent) {
            this.cpuAlarmThresholdPercent = percent;
            return this;
        }

        /** 5xx responses a minute that raise the 5xx alarms. Default: {@value #DEFAULT_HTTP_5XX_ALARM_THRESHOLD}. */
        public Builder http5xxAlarmThreshold(int threshold) {
            this.http5xxAlarmThreshold = threshold;
            return this;
        }

        /** The settings. */
        public MonitoringProps build() {
            return new MonitoringProps(this);
        }
    }
}
