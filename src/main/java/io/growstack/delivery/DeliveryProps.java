package io.growstack.delivery;

import io.growstack.web.StaticSite;
import java.util.Objects;

/**
 * Settings of a {@link Delivery}. Only the target is required; every default is a named constant
 * here and each builder method says what happens when it is left out. The settings under "generated
 * files" do not change infrastructure: they shape the appspec, hook scripts and workflows.
 */
public final class DeliveryProps {
    /** Key prefix of deployment bundles in the artifact bucket. */
    public static final String DEFAULT_ARTIFACT_PREFIX = "bundles";
    /** Days a replaced bundle version is kept (rollbacks to older bundles need them). */
    public static final int DEFAULT_NONCURRENT_ARTIFACT_EXPIRATION_DAYS = 30;
    /** The JDK the workflow builds with and the hosts run (Amazon Corretto of the same major version). */
    public static final int DEFAULT_JAVA_VERSION = 17;
    /** How the workflow builds the application jar. */
    public static final String DEFAULT_BUILD_COMMAND = "mvn -B -DskipTests package";
    /** Where the build leaves the jar (a glob; exactly one file must match, plain jars excluded). */
    public static final String DEFAULT_JAR_PATH = "target/*.jar";
    /** Seconds the ValidateService hook waits for the actuator health endpoint to answer 200. */
    public static final int DEFAULT_VALIDATE_TIMEOUT_SECONDS = 180;
    /** Application port of a Server target (a service's own port is used for a service). */
    public static final int DEFAULT_APP_PORT = 8080;
    /** Management (actuator) port of a Server target. */
    public static final int DEFAULT_MANAGEMENT_PORT = 8081;
    /** Health path of a Server target. */
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/actuator/health";
    /** How the static-site workflow builds the site. */
    public static final String DEFAULT_SITE_BUILD_COMMAND = "npm ci && npm run build";
    /** The folder the site build writes. */
    public static final String DEFAULT_SITE_DIRECTORY = "dist";

    final DeliveryTarget target;
    final DeploymentConfig deploymentConfig;
    final String artifactBucketName;
    final String artifactPrefix;
    final int noncurrentArtifactExpirationDays;
    final boolean forceDestroyArtifacts;
    final boolean installAgent;
    final GitHubOidcProps github;
    final StaticSite staticSite;
    final String serviceName;
    final int javaVersion;
    final String buildCommand;
    final String jarPath;
    final int validateTimeoutSeconds;
    final int appPort;
    final int managementPort;
    final String healthCheckPath;
    final String siteBuildCommand;
    final String siteDirectory;

    private DeliveryProps(Builder b) {
        this.target = Objects.requireNonNull(b.target, "target must not be null");
        this.deploymentConfig = b.deploymentConfig;
        this.artifactBucketName = b.artifactBucketName;
        this.artifactPrefix = b.artifactPrefix;
        this.noncurrentArtifactExpirationDays = b.noncurrentArtifactExpirationDays;
        this.forceDestroyArtifacts = b.forceDestroyArtifacts;
        this.installAgent = b.installAgent;
        this.github = b.github;
        this.staticSite = b.staticSite;
        this.serviceName = b.serviceName;
        this.javaVersion = b.javaVersion;
        this.buildCommand = b.buildCommand;
        this.jarPath = b.jarPath;
        this.validateTimeoutSeconds = b.validateTimeoutSeconds;
        this.appPort = b.appPort;
        this.managementPort = b.managementPort;
        this.healthCheckPath = b.healthCheckPath;
        this.siteBuildCommand = b.siteBuildCommand;
        this.siteDirectory = b.siteDirectory;
    }

    /** A builder for deliveries to {@code target}. */
    public static Builder builder(DeliveryTarget target) {
        return new Builder(target);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(target);
        b.deploymentConfig = deploymentConfig;
        b.artifactBucketName = artifactBucketName;
        b.artifactPrefix = artifactPrefix;
        b.noncurrentArtifactExpirationDays = noncurrentArtifactExpirationDays;
        b.forceDestroyArtifacts = forceDestroyArtifacts;
        b.installAgent = installAgent;
        b.github = github;
        b.staticSite = staticSite;
        b.serviceName = serviceName;
        b.javaVersion = javaVersion;
        b.buildCommand = buildCommand;
        b.jarPath = jarPath;
        b.validateTimeoutSeconds = validateTimeoutSeconds;
        b.appPort = appPort;
        b.managementPort = managementPort;
        b.healthCheckPath = healthCheckPath;
        b.siteBuildCommand = siteBuildCommand;
        b.siteDirectory = siteDirectory;
        return b;
    }

    /** The target. */
    public DeliveryTarget target() {
        return target;
    }

    /** Builds {@link DeliveryProps}. */
    public static final class Builder {
        private final DeliveryTarget target;
        private DeploymentConfig deploymentConfig;
        private String artifactBucketName;
        private String artifactPrefix = DEFAULT_ARTIFACT_PREFIX;
        private int noncurrentArtifactExpirationDays = DEFAULT_NONCURRENT_ARTIFACT_EXPIRATION_DAYS;
        private boolean forceDestroyArtifacts;
        private boolean installAgent = true;
        private GitHubOidcProps github;
        private StaticSite staticSite;
        private String serviceName;
        private int javaVersion = DEFAULT_JAVA_VERSION;
        private String buildCommand = DEFAULT_BUILD_COMMAND;
        private String jarPath = DEFAULT_JAR_PATH;
        private int validateTimeoutSeconds = DEFAULT_VALIDATE_TIMEOUT_SECONDS;
        private int appPort = DEFAULT_APP_PORT;
        private int managementPort = DEFAULT_MANAGEMENT_PORT;
        private String healthCheckPath = DEFAULT_HEALTH_CHECK_PATH;
        private String siteBuildCommand = DEFAULT_SITE_BUILD_COMMAND;
        private String siteDirectory = DEFAULT_SITE_DIRECTORY;

        private Builder(DeliveryTarget target) {
            this.target = target;
        }

        /**
         * How many instances are deployed to at a time: {@code ONE_AT_A_TIME}, {@code HALF_AT_A_TIME} or
         * {@code ALL_AT_ONCE}. Default: one at a time in place (the rest keep serving), all at once for
         * blue/green (the replacement fleet takes no traffic until every instance passed).
         */
        public Builder deploymentConfig(DeploymentConfig config) {
            this.deploymentConfig = config;
            return this;
        }

        /**
         * An explicit, globally unique name for the artifact bucket. Default: a name starting
         * {@code <project>-<env>-<id>-artifacts-} with a unique suffix from Terraform; the generated
         * workflows then read it from a repository variable.
         */
        public Builder artifactBucketName(String name) {
            this.artifactBucketName = name;
            return this;
        }

        /**
         * The key prefix bundles are uploaded under; the deploy role may write and the instances read only
         * there. Default: {@value #DEFAULT_ARTIFACT_PREFIX}.
         */
        public Builder artifactPrefix(String prefix) {
            this.artifactPrefix = prefix;
            return this;
        }

        /** Days before a replaced bundle version is deleted, at least 1. Default: {@value #DEFAULT_NONCURRENT_ARTIFACT_EXPIRATION_DAYS}. */
        public Builder noncurrentArtifactExpirationDays(int days) {
            this.noncurrentArtifactExpirationDays = days;
            return this;
        }

        /** Let {@code terraform destroy} delete the artifact bucket with its bundles. Default: false. */
        public Builder forceDestroyArtifacts(boolean forceDestroy) {
            this.forceDestroyArtifacts = forceDestroy;
            return this;
        }

        /**
         * Add the CodeDeploy agent to the target's user data (a shell script, or none). Switch off when the
         * image already has it. Default: true.
         */
        public Builder installAgent(boolean install) {
            this.installAgent = install;
            return this;
        }

        /** GitHub Actions OpenID Connect: the deploy role's subject, the provider, the plan role. Default: none. */
        public Builder github(GitHubOidcProps github) {
            this.github = github;
            return this;
        }

        /**
         * A static site the same workflow identity publishes: the deploy role may sync its bucket and
         * invalidate its distribution only, and a second workflow is generated. Needs {@link #github}.
         * Default: none.
         */
        public Builder staticSite(StaticSite site) {
            this.staticSite = site;
            return this;
        }

        // --- generated files -------------------------------------------------------------------

        /**
         * The systemd unit, system user and folder ({@code /opt/<name>}) of the application on the hosts:
         * lowercase letters, digits and hyphens. Default: the construct id.
         */
        public Builder serviceName(String name) {
            this.serviceName = name;
            return this;
        }

        /** The Java major version, 17 or later (a Corretto package must exist). Default: {@value #DEFAULT_JAVA_VERSION}. */
        public Builder javaVersion(int version) {
            this.javaVersion = version;
            return this;
        }

        /** The workflow's build command. Default: {@value #DEFAULT_BUILD_COMMAND}. */
        public Builder buildCommand(String command) {
            this.buildCommand = command;
            return this;
        }

        /** A glob for the jar the build makes (exactly one must match). Default: {@value #DEFAULT_JAR_PATH}. */
        public Builder jarPath(String glob) {
            this.jarPath = glob;
            return this;
        }

        /**
         * Seconds the ValidateService hook waits for {@code 200} from the health endpoint, 10..3000 (the
         * hook's timeout is this plus 60, under the appspec's 3600). Default: {@value #DEFAULT_VALIDATE_TIMEOUT_SECONDS}.
         */
        public Builder validateTimeoutSeconds(int seconds) {
            this.validateTimeoutSeconds = seconds;
            return this;
        }

        /** The application port on a {@link io.growstack.compute.Server} target. Default: {@value #DEFAULT_APP_PORT}. */
        public Builder appPort(int port) {
            this.appPort = port;
            return this;
        }

        /** The management port on a Server target. Default: {@value #DEFAULT_MANAGEMENT_PORT}. */
        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /** The health path on a Server target. Default: {@value #DEFAULT_HEALTH_CHECK_PATH}. */
        public Builder healthCheckPath(String path) {
            this.healthCheckPath = path;
            return this;
        }

        /** The static-site workflow's build command. Default: {@value #DEFAULT_SITE_BUILD_COMMAND}. */
        public Builder siteBuildCommand(String command) {
            this.siteBuildCommand = command;
            return this;
        }

        /** The folder the site build writes, synced to the bucket. Default: {@value #DEFAULT_SITE_DIRECTORY}. */
        public Builder siteDirectory(String directory) {
            this.siteDirectory = directory;
            return this;
        }

        /** The settings. */
        public DeliveryProps build() {
            return new DeliveryProps(this);
        }
    }
}
