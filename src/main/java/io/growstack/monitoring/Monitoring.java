package io.growstack.monitoring;

import io.growstack.compute.AutoScaledService;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.ConstructPaths;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.InstanceType;
import io.growstack.core.Output;
import io.growstack.core.Resource;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import io.growstack.files.GrafanaProvisioning;
import io.growstack.files.PrometheusConfig;
import io.growstack.host.Host;
import io.growstack.host.InstanceRole;
import io.growstack.network.Connections;
import io.growstack.network.IConnectable;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * The seed's version-4 monitoring server: Prometheus and Grafana on one small Graviton host in a
 * private subnet, scraping the Spring Boot actuator of a service's instances inside the VPC, with
 * Grafana opened only through the bastion.
 *
 * <pre>{@code
 * Monitoring monitoring = new Monitoring(stack, "monitoring", MonitoringProps.builder(network, bastion, service)
 *         .prometheus(PrometheusRelease.of("3.9.1", Architecture.ARM64, "<sha256 from sha256sums.txt>"))
 *         .alarmEmails(List.of("oncall@example.com"))
 *         .build());
 * // after apply: terraform output -raw monitoring_grafana_tunnel, or growstack tunnel
 * }</pre>
 *
 * <p>What it makes: a {@link Server} ({@value MonitoringProps#DEFAULT_INSTANCE_TYPE}, private subnet,
 * IMDSv2, encrypted gp3 root sized for the retention, no public address, no key pair, SSM Session
 * Manager) whose {@code #cloud-config} installs Prometheus (archive checked with {@code sha256sum -c})
 * and Grafana (from Grafana's RPM repository, key checked by fingerprint) under systemd; an inline
 * role policy with only {@code ec2:DescribeInstances} and {@code ec2:DescribeAvailabilityZones} for
 * service discovery; its security group admitting {@value #GRAFANA_PORT} and {@value #PROMETHEUS_PORT}
 * from the bastion's group only; the service's <em>management</em> port opened to this host through
 * {@link AutoScaledService#allowManagementFrom} (never the app port, never the load balancer); CloudWatch
 * alarms with an SNS topic ({@link Alarms}, on by default); and Terraform outputs for the tunnel.
 *
 * <p><b>Disk.</b> Prometheus's storage guide sizes disk as retention seconds × samples a second ×
 * bytes a sample, with 1-2 bytes a sample after compression; growstack takes
 * {@value #BYTES_PER_SAMPLE} bytes, samples a second = (instances × series an instance +
 * {@value #PROMETHEUS_SELF_SERIES} of Prometheus itself) / scrape interval, caps the TSDB at 125 % of
 * that estimate ({@code --storage.tsdb.retention.size}, so a wrong estimate cannot fill the disk) and
 * makes the root volume {@value #BASE_VOLUME_GB} GiB plus 150 % of the cap (WAL, compaction). The
 * defaults (15 days, 15 s, 6 instances × 2,000 series) give a 3 GB cap on a 15 GiB volume.
 *
 * <p><b>Replacement.</b> The configuration is written at first boot, so a change of it (a new release,
 * a replaced service group) replaces the host ({@code user_data_replace_on_change}); the metric
 * history on it goes with it, the dashboards come back from code. Groups must exist when this block
 * is built: build it after anything that adds groups to the service.
 *
 * <p><b>Outputs</b> (named after the construct path, {@code monitoring_...} for id {@code monitoring}
 * at the stack's root): {@code _private_ip}, {@code _instance_id}, {@code _bastion_public_ip},
 * {@code _bastion_instance_id}, {@code _grafana_tunnel} (the SSH command), {@code _grafana_tunnel_ssm}
 * and, with alarms, {@code _alarm_topic_arn}. {@code growstack tunnel} reads them.
 */
public class Monitoring extends Construct implements IConnectable {
    /** Grafana's port, reached through the bastion. */
    public static final int GRAFANA_PORT = 3000;
    /** Prometheus's port, reached through the bastion. */
    public static final int PROMETHEUS_PORT = PrometheusConfig.PORT;
    /** Bytes a sample on disk: the top of the 1-2 bytes Prometheus's storage documentation gives. */
    public static final double BYTES_PER_SAMPLE = 2.0;
    /** Series Prometheus scrapes from itself. */
    public static final int PROMETHEUS_SELF_SERIES = 1000;
    /** Root volume beyond the data: Amazon Linux 2023's 8 GiB plus 2 GiB for Prometheus, Grafana and logs. */
    public static final int BASE_VOLUME_GB = 10;
    /** The TSDB cap over the estimate. */
    public static final double RETENTION_SIZE_FACTOR = 1.25;
    /** Disk for data over the TSDB cap (write-ahead log, compaction's temporary blocks). */
    public static final double DATA_VOLUME_FACTOR = 1.5;
    /** The IAM actions Prometheus's EC2 service discovery calls. */
    public static final List<String> DISCOVERY_ACTIONS = List.of("ec2:DescribeInstances",
            "ec2:DescribeAvailabilityZones");
    /** EC2's limit on user data. */
    public static final int MAX_USER_DATA_BYTES = Host.MAX_USER_DATA_BYTES;

    private static final Pattern JOB = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Server server;
    private final String jobName;
    private final String prometheusConfig;
    private final String datasourceYaml;
    private final String dashboardJson;
    private final List<String> dashboardQueries;
    private final int retentionSizeGb;
    private final int rootVolumeGb;
    private final Alarms alarms;
    private final String tunnelCommand;
    private final String tunnelSsmCommand;

    /** Creates the monitoring host; throws {@link ValidationException} for bad settings, before creating anything. */
    public Monitoring(Construct scope, String id, MonitoringProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        InstanceType type = Host.of(this, "", props.host()).type();
        Host.reject(this, "userData", props.host().userData(), props.host().userData() != null,
                "expected none: the monitoring host's user data is its Prometheus and Grafana cloud-config");
        checkReleases(props, type);
        checkStorage(props);
        checkAlarms(props);
        this.jobName = props.jobName != null ? props.jobName : ConstructPaths.id(props.service);
        if (!JOB.matcher(jobName).matches()) {
            throw ValidationException.of(this, "jobName", jobName,
                    "expected 1-63 letters, digits, '_', '.' or '-' starting with a letter or digit");
        }

        // Disk: Prometheus's formula with growstack's estimate, then headroom.
        double estimateGb = estimateGb(props.retentionDays, props.scrapeIntervalSeconds, props.maxScrapedInstances,
                props.seriesPerInstance);
        this.retentionSizeGb = (int) Math.max(1, Math.ceil(estimateGb * RETENTION_SIZE_FACTOR));
        this.rootVolumeGb = Math.max(props.host().rootVolumeGb(),
                BASE_VOLUME_GB + (int) Math.ceil(retentionSizeGb * DATA_VOLUME_FACTOR));
        if (rootVolumeGb > 16384) {
            throw ValidationException.of(this, "retentionDays", props.retentionDays, "expected a retention whose"
                    + " estimated disk (" + rootVolumeGb + " GiB) fits one 16384 GiB volume; keep fewer days");
        }

        // Configuration, rendered once.
        List<String> groupNames = props.service.groupNames();
        int managementPort = props.service.managementPort();
        int rateWindowSeconds = Math.max(60, 4 * props.scrapeIntervalSeconds);
        this.prometheusConfig = PrometheusConfig.render(jobName, stack.region(), groupNames, managementPort,
                props.scrapeIntervalSeconds);
        this.datasourceYaml = GrafanaProvisioning.datasource(props.scrapeIntervalSeconds);
        this.dashboardJson = GrafanaProvisioning.dashboard(jobName, rateWindowSeconds);
        this.dashboardQueries = GrafanaProvisioning.queries(jobName, rateWindowSeconds);
        String userData = MonitoringInstall.render(new MonitoringInstall.Inputs(props.prometheus, props.grafana,
                prometheusConfig, props.retentionDays, retentionSizeGb, datasourceYaml,
                GrafanaProvisioning.dashboardProvider(), jobName + ".json", dashboardJson));
        int bytes = userData.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_USER_DATA_BYTES) {
            throw ValidationException.of(this, "service", groupNames.size() + " groups",
                    "expected user data within EC2's " + MAX_USER_DATA_BYTES + " bytes; it would be " + bytes);
        }

        // The host.
        this.server = new Server(this, "host", ServerProps.builder(props.network())
                .host(props.host().toBuilder().rootVolumeGb(rootVolumeGb).userData(userData).build())
                .label(id)
                .tier(SubnetTier.PRIVATE)
                .subnetIndex(props.subnetIndex)
                .userDataReplaceOnChange(true)
                .build());
        // DescribeInstances and DescribeAvailabilityZones support no resource-level permissions (the
        // Service Authorization Reference lists no resource type for them), so "*" is the narrowest
        // resource IAM accepts; the actions themselves are read-only.
        server.role().addStatement("Ec2ServiceDiscovery", DISCOVERY_ACTIONS, List.of("*"));

        // Security groups: the bastion alone reaches Grafana and Prometheus; this host reaches the
        // service's management port only.
        Connections connections = server.connections();
        connections.allowFrom(props.bastion, Port.tcp(GRAFANA_PORT), "Grafana from the bastion (SSH/SSM tunnel)");
        connections.allowFrom(props.bastion, Port.tcp(PROMETHEUS_PORT), "Prometheus from the bastion (SSH/SSM tunnel)");
        props.service.allowManagementFrom(this);

        this.alarms = props.alarms ? new Alarms(this, "alarms", stack.naming().name(ConstructPaths.id(props.service)),
                groupNames, props.service.alb().attr("arn_suffix"), props.alarmEmails, props.cpuAlarmThresholdPercent,
                props.http5xxAlarmThreshold) : null;

        // Outputs for the tunnel.
        String bastionIp = props.bastion.publicIp();
        String bastionId = props.bastion.server().instanceId();
        // Without a key pair the SSH login needs a key pushed by EC2 Instance Connect first.
        this.tunnelCommand = props.bastion.keyName().isPresent() ? GrafanaTunnel.ssh(bastionIp, server.privateIp())
                : GrafanaTunnel.instanceConnect(stack.region(), bastionId, bastionIp, server.privateIp());
        this.tunnelSsmCommand = GrafanaTunnel.ssm(stack.region(), bastionId, server.privateIp());
        String prefix = outputPrefix();
        output("private-ip", prefix + "_private_ip", server.privateIp(), "Private IPv4 address of the monitoring host");
        output("instance-id", prefix + "_instance_id", server.instanceId(), "Instance id of the monitoring host");
        output("bastion-public-ip", prefix + "_bastion_public_ip", bastionIp, "Public IPv4 address of the bastion");
        output("bastion-instance-id", prefix + "_bastion_instance_id", bastionId, "Instance id of the bastion");
        output("grafana-tunnel", prefix + "_grafana_tunnel", tunnelCommand,
                "SSH command that forwards localhost:3000 (Grafana) and :9090 (Prometheus) through the bastion");
        output("grafana-tunnel-ssm", prefix + "_grafana_tunnel_ssm", tunnelSsmCommand,
                "SSM Session Manager command that forwards localhost:3000 to Grafana through the bastion");
        if (alarms != null) {
            output("alarm-topic-arn", prefix + "_alarm_topic_arn", alarms.topicArn(),
                    "SNS topic of the CloudWatch alarms");
        }
    }

    /**
     * Prometheus's disk need in GB (10^9 bytes): retention seconds × samples a second ×
     * {@value #BYTES_PER_SAMPLE} bytes.
     */
    public static double estimateGb(int retentionDays, int scrapeIntervalSeconds, int instances, int seriesPerInstance) {
        double samplesPerSecond = ((double) instances * seriesPerInstance + PROMETHEUS_SELF_SERIES) / scrapeIntervalSeconds;
        return retentionDays * 86400.0 * samplesPerSecond * BYTES_PER_SAMPLE / 1e9;
    }

    private void checkReleases(MonitoringProps props, InstanceType type) {
        PrometheusRelease release = props.prometheus;
        String arch = PrometheusRelease.archiveArch(type.architecture());
        if (release == null) {
            throw ValidationException.of(this, "prometheus", null, "expected PrometheusRelease.of(version, "
                    + type.architecture() + ", sha256) with the SHA-256 published for prometheus-<version>.linux-"
                    + arch + ".tar.gz in the release's sha256sums.txt; growstack ships no unverified checksum");
        }
        if (release.version() == null || !PrometheusRelease.VERSION.matcher(release.version()).matches()) {
            throw ValidationException.of(this, "prometheus.version", release.version(),
                    "expected a release number such as 3.9.1 (without the leading v)");
        }
        if (release.sha256() == null || !(PrometheusRelease.SHA256.matcher(release.sha256()).matches()
                || io.growstack.core.Tokens.containsReference(release.sha256()))) {
            throw ValidationException.of(this, "prometheus.sha256", release.sha256(),
                    "expected the 64 lowercase hexadecimal digits published for " + release.archiveName()
                            + ".tar.gz in the release's sha256sums.txt, or a Terraform reference such as a variable");
        }
        if (release.architecture() != type.architecture()) {
            throw ValidationException.of(this, "prometheus.architecture", release.architecture(),
                    "expected " + type.architecture() + " for instance type " + type.name() + ", with the SHA-256 of"
                            + " prometheus-" + release.version() + ".linux-" + arch + ".tar.gz");
        }
        GrafanaRelease grafana = props.grafana;
        if (grafana.version() == null || !GrafanaRelease.VERSION.matcher(grafana.version()).matches()) {
            throw ValidationException.of(this, "grafana.version", grafana.version(),
                    "expected a Grafana version such as 12.3.1");
        }
        if (grafana.keyFingerprint() == null || !GrafanaRelease.FINGERPRINT.matcher(grafana.keyFingerprint()).matches()) {
            throw ValidationException.of(this, "grafana.keyFingerprint", grafana.keyFingerprint(),
                    "expected the 40 uppercase hexadecimal digits of an OpenPGP fingerprint without spaces, such as "
                            + GrafanaRelease.GRAFANA_LABS_KEY_FINGERPRINT);
        }
    }

    private void checkStorage(MonitoringProps props) {
        ValidationException.requireBetween(this, "retentionDays", props.retentionDays, 1, 3650,
                "expected 1 to 3650 days");
        ValidationException.requireBetween(this, "scrapeIntervalSeconds", props.scrapeIntervalSeconds, 5, 300,
                "expected 5 to 300 seconds (Prometheus marks series stale after 5 minutes without a sample)");
        ValidationException.requireBetween(this, "maxScrapedInstances", props.maxScrapedInstances, 1, 100,
                "expected 1 to 100 instances (the service's maximum size)");
        if (props.seriesPerInstance < 100 || props.seriesPerInstance > 1_000_000) {
            throw ValidationException.of(this, "seriesPerInstance", props.seriesPerInstance,
                    "expected 100 to 1000000 series (a Spring Boot instance exposes a few thousand)");
        }
    }

    private void checkAlarms(MonitoringProps props) {
        double cpu = props.cpuAlarmThresholdPercent;
        if (!(cpu > 0 && cpu < 100)) {
            throw ValidationException.of(this, "cpuAlarmThresholdPercent", cpu, "expected a percentage above 0 and below 100");
        }
        if (props.http5xxAlarmThreshold < 1) {
            throw ValidationException.of(this, "http5xxAlarmThreshold", props.http5xxAlarmThreshold,
                    "expected at least 1 response a minute");
        }
        for (String email : props.alarmEmails) {
            if (email == null || (!Tokens.containsReference(email) && !EMAIL.matcher(email).matches())) {
                throw ValidationException.of(this, "alarmEmails", email, "expected an email address such as oncall@example.com");
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String email : props.alarmEmails) {
            if (!seen.add(email.toLowerCase(java.util.Locale.ROOT))) {
                throw ValidationException.of(this, "alarmEmails", email,
                        "expected each address once: a second subscription would deliver every alarm twice");
            }
        }
        if (!props.alarms && !props.alarmEmails.isEmpty()) {
            throw ValidationException.of(this, "alarmEmails", props.alarmEmails,
                    "expected no addresses when alarms(false): nothing would be sent to them");
        }
    }

    private String outputPrefix() {
        String path = ConstructPaths.path(this);
        int slash = path.indexOf('/');
        return (slash < 0 ? path : path.substring(slash + 1)).replace('/', '_');
    }

    private void output(String id, String name, String value, String description) {
        new Output(this, id, name, value, description, false);
    }

    /** The host: admits Grafana and Prometheus from the bastion, reaches the service's management port. */
    @Override
    public Connections connections() {
        return server.connections();
    }

    /** The underlying {@link Server}. */
    public Server server() {
        return server;
    }

    /** The {@code aws_instance}. */
    public Resource instance() {
        return server.instance();
    }

    /** The instance role: service discovery only, plus SSM Session Manager. */
    public InstanceRole role() {
        return server.role();
    }

    /** The private IPv4 address (a reference). */
    public String privateIp() {
        return server.privateIp();
    }

    /** The instance id (a reference). */
    public String instanceId() {
        return server.instanceId();
    }

    /** The Prometheus job of the service's targets (the {@code job} label). */
    public String jobName() {
        return jobName;
    }

    /** The rendered {@code prometheus.yml} (the group names in it are references). */
    public String prometheusConfig() {
        return prometheusConfig;
    }

    /** The rendered Grafana data source file. */
    public String grafanaDatasource() {
        return datasourceYaml;
    }

    /** The rendered dashboard JSON. */
    public String grafanaDashboard() {
        return dashboardJson;
    }

    /** Every PromQL query of the dashboard, in panel order. */
    public List<String> dashboardQueries() {
        return dashboardQueries;
    }

    /** The TSDB size cap in GB ({@code --storage.tsdb.retention.size}). */
    public int retentionSizeGb() {
        return retentionSizeGb;
    }

    /** The root volume size in GiB. */
    public int rootVolumeGb() {
        return rootVolumeGb;
    }

    /** The alarms, unless switched off. */
    public Optional<Alarms> alarms() {
        return Optional.ofNullable(alarms);
    }

    /**
     * The SSH command that opens Grafana on localhost:3000 (and Prometheus on :9090) through the
     * bastion, with Terraform references for the addresses; the {@code _grafana_tunnel} output holds
     * it resolved after apply.
     */
    public String grafanaTunnelCommand() {
        return tunnelCommand;
    }

    /** The same forward of Grafana's port through SSM Session Manager on the bastion (references). */
    public String grafanaTunnelSsmCommand() {
        return tunnelSsmCommand;
    }
}
