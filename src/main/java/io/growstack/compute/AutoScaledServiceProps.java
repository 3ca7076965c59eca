package io.growstack.compute;

import io.growstack.host.HostSettings;
import io.growstack.network.INetwork;

/**
 * Settings of an {@link AutoScaledService}. Only the network is required; every default is a named
 * constant here and each builder method says what happens when it is left out. The instances' host
 * settings come from {@link io.growstack.host.HostSetters}: an explicit image's architecture must match the type's, and a
 * new default image (a new Amazon Linux release) becomes a new launch template version (and, with
 * {@link Builder#instanceRefresh}, a rolling replacement). User data holding Terraform references is
 * kept as a Terraform local and encoded by {@code base64encode} at plan time; other user data is
 * base64-encoded here, so the plan shows it.
 */
public final class AutoScaledServiceProps extends HostProps {
    /** Graviton, the seed's API host size. */
    public static final String DEFAULT_INSTANCE_TYPE = "t4g.micro";
    /** The port the application serves on; only the load balancer reaches it. */
    public static final int DEFAULT_APP_PORT = 8080;
    /** Spring Boot's management (actuator) port: health checks and, later, monitoring. */
    public static final int DEFAULT_MANAGEMENT_PORT = 8081;
    /** Spring Boot actuator's health endpoint (200 when UP, 503 when DOWN). */
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/actuator/health";
    /** The seed's group: one instance when idle. */
    public static final int DEFAULT_MIN_SIZE = 1;
    /** The seed's group: at most six instances. */
    public static final int DEFAULT_MAX_SIZE = 6;
    /** The seed's group: starts with one instance. */
    public static final int DEFAULT_DESIRED_CAPACITY = 1;
    /** The largest {@code maxSize} accepted: a guard against a typo that launches a fleet. */
    public static final int MAX_SIZE_LIMIT = 100;
    /** The seed's scaling target: average CPU of the group, in percent. */
    public static final double DEFAULT_CPU_TARGET_UTILIZATION_PERCENT = 90.0;
    /** Time a new instance gets to boot and start the JVM before failed health checks replace it. */
    public static final int DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS = 300;
    /** Seconds between health checks (the load balancer's default is 30). */
    public static final int DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS = 15;
    /** Seconds in-flight requests get to finish when an instance leaves (the load balancer's default is 300). */
    public static final int DEFAULT_DEREGISTRATION_DELAY_SECONDS = 30;
    /** Root volume: Amazon Linux 2023 needs 8 GiB. */
    public static final int DEFAULT_ROOT_VOLUME_GB = HostSettings.DEFAULT_ROOT_VOLUME_GB;
    /** TLS 1.3 and 1.2 only, forward-secret ciphers: AWS's recommended policy. */
    public static final String DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    final boolean allowAllOutbound;
    final int appPort;
    final int managementPort;
    final String healthCheckPath;
    final int healthCheckIntervalSeconds;
    final int healthCheckGracePeriodSeconds;
    final int deregistrationDelaySeconds;
    final int minSize;
    final int maxSize;
    final int desiredCapacity;
    final double cpuTargetUtilizationPercent;
    final boolean instanceRefresh;
    final String certificateArn;
    final String sslPolicy;
    final boolean deletionProtection;
    final String accessLogsBucket;
    final String accessLogsPrefix;
    final boolean blueGreen;

    private AutoScaledServiceProps(Builder b) {
        super(b);
        this.allowAllOutbound = b.allowAllOutbound;
        this.appPort = b.appPort;
        this.managementPort = b.managementPort;
        this.healthCheckPath = b.healthCheckPath;
        this.healthCheckIntervalSeconds = b.healthCheckIntervalSeconds;
        this.healthCheckGracePeriodSeconds = b.healthCheckGracePeriodSeconds;
        this.deregistrationDelaySeconds = b.deregistrationDelaySeconds;
        this.minSize = b.minSize;
        this.maxSize = b.maxSize;
        this.desiredCapacity = b.desiredCapacity;
        this.cpuTargetUtilizationPercent = b.cpuTargetUtilizationPercent;
        this.instanceRefresh = b.instanceRefresh;
        this.certificateArn = b.certificateArn;
        this.sslPolicy = b.sslPolicy;
        this.deletionProtection = b.deletionProtection;
        this.accessLogsBucket = b.accessLogsBucket;
        this.accessLogsPrefix = b.accessLogsPrefix;
        this.blueGreen = b.blueGreen;
    }

    /** A builder for a service in {@code network} (public subnets for the load balancer, private for the instances). */
    public static Builder builder(INetwork network) {
        return new Builder(network, HostSettings.builder(DEFAULT_INSTANCE_TYPE));
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The application port. Default: {@value #DEFAULT_APP_PORT}. */
    public int appPort() {
        return appPort;
    }

    /** The management (actuator) port. Default: {@value #DEFAULT_MANAGEMENT_PORT}. */
    public int managementPort() {
        return managementPort;
    }

    /** The existing ACM certificate for HTTPS; {@code null} (the default) means HTTP only. */
    public String certificateArn() {
        return certificateArn;
    }

    /** Whether the service has a blue and a green group for blue/green deployments. Default: false. */
    public boolean blueGreen() {
        return blueGreen;
    }

    /** Builds {@link AutoScaledServiceProps}. */
    public static final class Builder extends HostProps.Builder<Builder> {
        private boolean allowAllOutbound = true;
        private int appPort = DEFAULT_APP_PORT;
        private int managementPort = DEFAULT_MANAGEMENT_PORT;
        private String healthCheckPath = DEFAULT_HEALTH_CHECK_PATH;
        private int healthCheckIntervalSeconds = DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS;
        private int healthCheckGracePeriodSeconds = DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS;
        private int deregistrationDelaySeconds = DEFAULT_DEREGISTRATION_DELAY_SECONDS;
        private int minSize = DEFAULT_MIN_SIZE;
        private int maxSize = DEFAULT_MAX_SIZE;
        private int desiredCapacity = DEFAULT_DESIRED_CAPACITY;
        private double cpuTargetUtilizationPercent = DEFAULT_CPU_TARGET_UTILIZATION_PERCENT;
        private boolean instanceRefresh = true;
        private String certificateArn;
        private String sslPolicy = DEFAULT_SSL_POLICY;
        private boolean deletionProtection = true;
        private String accessLogsBucket;
        private String accessLogsPrefix;
        private boolean blueGreen;

        private Builder(INetwork network, HostSettings.Builder host) {
            super(network, host);
        }

        private Builder(AutoScaledServiceProps props) {
            super(props);
            this.allowAllOutbound = props.allowAllOutbound;
            this.appPort = props.appPort;
            this.managementPort = props.managementPort;
            this.healthCheckPath = props.healthCheckPath;
            this.healthCheckIntervalSeconds = props.healthCheckIntervalSeconds;
            this.healthCheckGracePeriodSeconds = props.healthCheckGracePeriodSeconds;
            this.deregistrationDelaySeconds = props.deregistrationDelaySeconds;
            this.minSize = props.minSize;
            this.maxSize = props.maxSize;
            this.desiredCapacity = props.desiredCapacity;
            this.cpuTargetUtilizationPercent = props.cpuTargetUtilizationPercent;
            this.instanceRefresh = props.instanceRefresh;
            this.certificateArn = props.certificateArn;
            this.sslPolicy = props.sslPolicy;
            this.deletionProtection = props.deletionProtection;
            this.accessLogsBucket = props.accessLogsBucket;
            this.accessLogsPrefix = props.accessLogsPrefix;
            this.blueGreen = props.blueGreen;
        }

        /** Whether the instances' group allows all egress (package repositories, SSM, S3). Default: true. */
        public Builder allowAllOutbound(boolean allow) {
            this.allowAllOutbound = allow;
            return this;
        }

        /** The port the application serves on, 1..65535; only the load balancer reaches it. Default: {@value #DEFAULT_APP_PORT}. */
        public Builder appPort(int appPort) {
            this.appPort = appPort;
            return this;
        }

        /**
         * The management (actuator) port, 1..65535 and not the app port; it serves the health check
         * and admits only the load balancer and peers given to
         * {@link AutoScaledService#allowManagementFrom}. Default: {@value #DEFAULT_MANAGEMENT_PORT}.
         */
        public Builder managementPort(int managementPort) {
            this.managementPort = managementPort;
            return this;
        }

        /** The health-check path on the management port, starting with {@code /}. Default: {@value #DEFAULT_HEALTH_CHECK_PATH}. */
        public Builder healthCheckPath(String path) {
            this.healthCheckPath = path;
            return this;
        }

        /**
         * Seconds between health checks, 6..300 (the timeout is 5). Default:
         * {@value #DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS} (2 passes bring an instance in within 30 s,
         * 3 failures take it out within 45 s).
         */
        public Builder healthCheckIntervalSeconds(int seconds) {
            this.healthCheckIntervalSeconds = seconds;
            return this;
        }

        /**
         * Seconds a new instance has before failed health checks count, 0..7200. Default:
         * {@value #DEFAULT_HEALTH_CHECK_GRACE_PERIOD_SECONDS} (boot, user data and a JVM start on a micro instance).
         */
        public Builder healthCheckGracePeriodSeconds(int seconds) {
            this.healthCheckGracePeriodSeconds = seconds;
            return this;
        }

        /**
         * Seconds in-flight requests get when an instance is deregistered, 0..3600. Default:
         * {@value #DEFAULT_DEREGISTRATION_DELAY_SECONDS} (AWS's 300 makes every deploy and scale-in wait five minutes).
         */
        public Builder deregistrationDelaySeconds(int seconds) {
            this.deregistrationDelaySeconds = seconds;
            return this;
        }

        /** Fewest instances, 0..maxSize. Default: {@value #DEFAULT_MIN_SIZE}. */
        public Builder minSize(int minSize) {
            this.minSize = minSize;
            return this;
        }

        /** Most instances, 1..{@value #MAX_SIZE_LIMIT}. Default: {@value #DEFAULT_MAX_SIZE}. */
        public Builder maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        /**
         * Instances at creation, minSize..maxSize; afterwards the CPU policy owns it (Terraform ignores
         * its drift). Default: {@value #DEFAULT_DESIRED_CAPACITY}.
         */
        public Builder desiredCapacity(int desiredCapacity) {
            this.desiredCapacity = desiredCapacity;
            return this;
        }

        /** The average CPU the group is scaled to keep, above 0 and at most 100 percent. Default: 90. */
        public Builder cpuTargetUtilizationPercent(double percent) {
            this.cpuTargetUtilizationPercent = percent;
            return this;
        }

        /**
         * Whether a new launch template version (new AMI, user data, instance type) replaces running
         * instances by a rolling instance refresh that launches replacements before terminating (100 %
         * healthy kept, up to 200 %). Off: the group launches {@code $Latest} for new instances only.
         * Default: true.
         */
        public Builder instanceRefresh(boolean enabled) {
            this.instanceRefresh = enabled;
            return this;
        }

        /**
         * An existing ACM certificate ARN (in the stack's region): the load balancer then serves HTTPS
         * on 443 and redirects HTTP to it. Default: none, HTTP on 80 only.
         */
        public Builder certificateArn(String certificateArn) {
            this.certificateArn = certificateArn;
            return this;
        }

        /** The HTTPS listener's security policy. Default: {@value #DEFAULT_SSL_POLICY}. */
        public Builder sslPolicy(String sslPolicy) {
            this.sslPolicy = sslPolicy;
            return this;
        }

        /** Whether the load balancer refuses deletion (switch off for dev stacks you destroy). Default: true. */
        public Builder deletionProtection(boolean enabled) {
            this.deletionProtection = enabled;
            return this;
        }

        /**
         * An existing S3 bucket for the load balancer's access logs; its policy must let Elastic Load
         * Balancing write. Default: none, no access logs.
         */
        public Builder accessLogsBucket(String bucket) {
            this.accessLogsBucket = bucket;
            return this;
        }

        /** The key prefix of access logs in the bucket. Default: {@code <project>-<env>-<id>}. */
        public Builder accessLogsPrefix(String prefix) {
            this.accessLogsPrefix = prefix;
            return this;
        }

        /**
         * Two groups from the one launch template, for CodeDeploy blue/green deployments that Terraform
         * survives (see {@code io.growstack.delivery.Delivery}): <em>blue</em> is the group this service
         * makes anyway (same Terraform address and name, so switching this on for a running service only
         * adds green), <em>green</em> ({@code <name>-green}) starts idle at zero instances and without the
         * target group. From then on the deployment workflow moves traffic and capacity between the colours,
         * so Terraform ignores what it changes on both groups: {@code min_size}, {@code desired_capacity}
         * and {@code target_group_arns} (it still owns {@code max_size}, the launch template and the rest).
         * Each colour has its own CPU target-tracking policy. Default: false, one group.
         */
        public Builder blueGreen(boolean blueGreen) {
            this.blueGreen = blueGreen;
            return this;
        }

        /** The settings. */
        public AutoScaledServiceProps build() {
            return new AutoScaledServiceProps(this);
        }
    }
}
