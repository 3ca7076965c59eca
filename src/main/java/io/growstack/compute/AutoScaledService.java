package io.growstack.compute;

import io.growstack.aws.AutoscalingGroup;
import io.growstack.aws.AutoscalingPolicy;
import io.growstack.aws.LaunchTemplate;
import io.growstack.aws.Lb;
import io.growstack.aws.LbListener;
import io.growstack.aws.LbTargetGroup;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.InstanceType;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.ValidationException;
import io.growstack.host.Host;
import io.growstack.host.TemplateUserData;
import io.growstack.host.InstanceRole;
import io.growstack.network.Connections;
import io.growstack.network.IConnectable;
import io.growstack.network.IGrantable;
import io.growstack.network.ManagedSecurityGroup;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The seed's version-4 API tier: an internet-facing Application Load Balancer in the public subnets
 * in front of an Auto Scaling group of instances in the private subnets, scaled on average CPU.
 *
 * <p>What it makes: the load balancer ({@code aws_lb}) with its own security group (80, and 443 with
 * a certificate, from anywhere; egress only to the instances), a target group on the app port whose
 * health check calls the <em>management</em> port, an HTTP listener (forward, or a 301 redirect to
 * the HTTPS listener when a certificate is given), a launch template, the group ({@code
 * aws_autoscaling_group}, desired capacity left to the scaling policy) and a CPU target-tracking
 * policy. The instances' security group admits the app port and the management port from the load
 * balancer only; {@link #allowManagementFrom} adds a monitoring host. Neither port is ever open to a CIDR,
 * so the internet never reaches {@code /actuator/prometheus}.
 *
 * <p>Defaults: t4g.micro, latest Amazon Linux 2023 for the type's architecture, encrypted 8 GiB gp3,
 * IMDSv2 required, standard CPU credits, an instance role with SSM Session Manager, app port 8080,
 * management port 8081 with {@code /actuator/health}, 1..6 instances starting at 1, 90 % CPU target,
 * 300 s grace period, 30 s deregistration delay, deletion protection on, no access logs,
 * replacements launched before the instances they replace, and a rolling instance refresh on every
 * new launch template version.
 *
 * <p>Names: the load balancer and target group are called {@code <project>-<env>-<id>}, which AWS
 * limits to 32 characters, so the construct id must be short; a longer one is rejected, never
 * truncated (a truncated name could collide, and renaming replaces the load balancer).
 */
public class AutoScaledService extends Construct implements IConnectable, IGrantable {
    /** The load balancer's HTTP port. */
    public static final int HTTP_PORT = 80;
    /** The load balancer's HTTPS port (with a certificate). */
    public static final int HTTPS_PORT = 443;
    /** AWS's limit on load balancer and target group names. */
    public static final int MAX_NAME_LENGTH = 32;
    /** Seconds a health check waits for an answer; must be shorter than the interval. */
    public static final int HEALTH_CHECK_TIMEOUT_SECONDS = 5;
    /** Consecutive passes before an instance receives traffic (AWS's default is 5). */
    public static final int HEALTHY_THRESHOLD = 2;
    /** Consecutive failures before an instance stops receiving traffic (AWS's default is 2). */
    public static final int UNHEALTHY_THRESHOLD = 3;
    /** HTTP codes that count as healthy: Spring Boot answers 200 when UP and 503 when DOWN. */
    public static final String HEALTHY_HTTP_CODES = "200";
    /**
     * Replacing instances (a failed health check, an instance refresh) keeps the whole desired
     * capacity healthy ...
     */
    public static final int REPLACEMENT_MIN_HEALTHY_PERCENT = 100;
    /**
     * ... by launching each replacement before terminating the instance it replaces. AWS's default
     * terminates first, which takes a one-instance service down for every replacement.
     */
    public static final int REPLACEMENT_MAX_HEALTHY_PERCENT = 200;
    /** Amazon Linux's root device, where the encrypted root volume is mapped. */
    public static final String ROOT_DEVICE_NAME = Host.ROOT_DEVICE_NAME;
    /** EC2's limit on user data before base64 encoding. */
    public static final int MAX_USER_DATA_BYTES = Host.MAX_USER_DATA_BYTES;
    /** The suffix of the green group's name and construct id in a blue/green service. */
    public static final String GREEN = "green";
    /**
     * The groups start with EC2 health checks: until the first CodeDeploy revision nothing answers on
     * the management port, and with ELB health checks the group would replace its instances in a loop
     * (and run the first deployment against a churning group). The delivery workflow switches the group
     * to {@value #SERVING_HEALTH_CHECK_TYPE} once a revision passed (blue/green: the colour it puts into
     * service; in place: after the deployment);
     * {@code health_check_type} is ignored after creation so Terraform does not switch it back.
     * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html
     */
    public static final String INITIAL_HEALTH_CHECK_TYPE = "EC2";
    /** The health check type of a group that serves a deployed revision. */
    public static final String SERVING_HEALTH_CHECK_TYPE = "ELB";
    /**
     * What a blue/green deployment legitimately changes on both groups, so Terraform ignores it after
     * creation: the workflow scales the idle colour up and the old colour down, and traffic moves with
     * the target group attachment.
     */
    public static final List<String> BLUE_GREEN_IGNORED = List.of("min_size", "desired_capacity", "target_group_arns");
    /** Group metrics published to CloudWatch (free at one-minute granularity): watch it scale. */
    public static final List<String> GROUP_METRICS = List.of("GroupDesiredCapacity", "GroupInServiceInstances",
            "GroupPendingInstances", "GroupTerminatingInstances", "GroupTotalInstances");


    private final InstanceType type;
    private final int appPort;
    private final int managementPort;
    private final Connections connections;
    private final Connections albConnections;
    private final InstanceRole role;
    private final Resource alb;
    private final Resource targetGroup;
    private final List<Resource> listeners = new ArrayList<>();
    private final Resource httpsListener;
    private final Resource launchTemplate;
    private final List<Resource> groups = new ArrayList<>();
    private final Resource scalingPolicy;
    private final Resource greenScalingPolicy;
    private final String name;
    private final boolean blueGreen;
    private String userData;
    private final TemplateUserData templateUserData = new TemplateUserData(this, "user-data");

    /** Creates the service; throws {@link ValidationException} for bad settings, before creating anything. */
    public AutoScaledService(Construct scope, String id, AutoScaledServiceProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        String name = new AutoScaledServiceChecks(this).name(stack.naming().prefix(), id);
        Host host = Host.of(this, "", props.host);
        Host.reject(this, "spot", props.host.spot(), props.host.spot() != null,
                "expected on demand (onDemand()): growstack runs the service's group on on-demand instances");
        this.type = host.type();
        List<String> publicSubnets = props.network.subnetIds(SubnetTier.PUBLIC);
        List<String> privateSubnets = props.network.subnetIds(SubnetTier.PRIVATE);
        AutoScaledServiceChecks checks = new AutoScaledServiceChecks(this);
        checks.network(props.network, publicSubnets, privateSubnets);
        checks.ports(props);
        checks.healthCheck(props);
        checks.capacity(props);
        checks.listenerAndLogs(props);
        this.appPort = props.appPort;
        this.managementPort = props.managementPort;
        this.name = name;
        this.blueGreen = props.blueGreen;
        this.userData = props.host.userData();
        boolean https = props.certificateArn != null;

        // Security groups: the load balancer's admits the internet and reaches only the instances.
        String vpcId = props.network.vpcId();
        ManagedSecurityGroup instances = new ManagedSecurityGroup(this, "security-group", vpcId, name,
                "Instances of " + name);
        if (props.allowAllOutbound) {
            instances.allowAllEgress();
        }
        this.connections = new Connections(instances, id, Port.tcp(appPort));
        ManagedSecurityGroup balancer = new ManagedSecurityGroup(this, "alb-security-group", vpcId, name + "-alb",
                "Load balancer of " + name);
        this.albConnections = new Connections(balancer, id + "-alb", Port.tcp(https ? HTTPS_PORT : HTTP_PORT));
        albConnections.allowFromAnyIpv4(Port.tcp(HTTP_PORT),
                https ? "HTTP from the internet (redirected to HTTPS)" : "HTTP from the internet");
        if (https) {
            albConnections.allowFromAnyIpv4(Port.tcp(HTTPS_PORT), "HTTPS from the internet");
        }
        connections.allowFrom(albConnections, Port.tcp(appPort), "Application traffic from the load balancer");
        connections.allowFrom(albConnections, Port.tcp(managementPort), "Health checks from the load balancer");

        // Load balancer, target group, listeners.
        Lb.AccessLogs accessLogs = props.accessLogsBucket == null ? null : new Lb.AccessLogs(props.accessLogsBucket,
                props.accessLogsPrefix != null ? props.accessLogsPrefix : name, true);
        this.alb = new Resource(this, "alb", new Lb(name, false, "application", List.of(balancer.id()),
                publicSubnets, true, props.deletionProtection, null, accessLogs, Map.of("Name", name)));
        this.targetGroup = new Resource(this, "target-group", new LbTargetGroup(name, appPort, "HTTP", "instance",
                vpcId, String.valueOf(props.deregistrationDelaySeconds),
                new LbTargetGroup.HealthCheck(true, "HTTP", String.valueOf(managementPort), props.healthCheckPath,
                        HEALTHY_HTTP_CODES, props.healthCheckIntervalSeconds, HEALTH_CHECK_TIMEOUT_SECONDS,
                        HEALTHY_THRESHOLD, UNHEALTHY_THRESHOLD),
                Map.of("Name", name)));
        LbListener.Action forward = LbListener.Action.forward(targetGroup.attr("arn"));
        listeners.add(new Resource(this, "http-listener", new LbListener(alb.attr("arn"), HTTP_PORT, "HTTP", null,
                null, List.of(https ? LbListener.Action.redirectToHttps() : forward), Map.of())));
        this.httpsListener = https ? new Resource(this, "https-listener", new LbListener(alb.attr("arn"),
                HTTPS_PORT, "HTTPS", props.sslPolicy, props.certificateArn, List.of(forward), Map.of())) : null;
        if (httpsListener != null) {
            listeners.add(httpsListener);
        }

        // Launch template: the image and settings every instance of the group starts from.
        this.role = host.role(this, "role", id);
        Map<String, String> nameTag = Host.launchTags(stack, name);
        this.launchTemplate = new Resource(this, "launch-template", new LaunchTemplate(
                name, "Instances of " + name,
                host.imageId(this, "ami"), type.name(), props.host.keyName(),
                List.of(instances.id()),
                templateUserData.encode(props.host.userData()),
                true,
                LaunchTemplate.IamInstanceProfile.ofArn(role.profileArn()),
                host.templateMetadata(), host.templateRootVolume(), host.templateCredits(),
                null, null,
                Host.launchTagSpecifications(nameTag),
                nameTag));

        // The group and its CPU target tracking. Blue/green: blue is that same group (same address and
        // name), green an idle twin without the target group; the deployment workflow owns their capacities.
        List<String> ignored = new ArrayList<>(blueGreen ? BLUE_GREEN_IGNORED : List.of("desired_capacity"));
        ignored.add("health_check_type");
        ResourceOptions options = new ResourceOptions(ignored, List.of(), null, List.of(), false);
        Resource group = group("group", name, props.minSize, props.desiredCapacity, List.of(targetGroup.attr("arn")),
                props, privateSubnets, options);
        groups.add(group);
        this.scalingPolicy = cpuScaling("cpu-scaling", name + "-cpu", group, props);
        if (blueGreen) {
            Resource green = group("group-" + GREEN, name + "-" + GREEN, 0, 0, List.of(), props, privateSubnets,
                    options);
            groups.add(green);
            this.greenScalingPolicy = cpuScaling("cpu-scaling-" + GREEN, name + "-" + GREEN + "-cpu", green, props);
        } else {
            this.greenScalingPolicy = null;
        }
    }

    private Resource cpuScaling(String constructId, String policyName, Resource group, AutoScaledServiceProps props) {
        return new Resource(this, constructId, new AutoscalingPolicy(policyName,
                group.attr("name"), "TargetTrackingScaling", null,
                new AutoscalingPolicy.TargetTrackingConfiguration(
                        new AutoscalingPolicy.PredefinedMetricSpecification("ASGAverageCPUUtilization", null),
                        props.cpuTargetUtilizationPercent, null)));
    }

    /**
     * One group on the launch template and target group. Replacements launch before they terminate
     * (instance maintenance policy, also used by the refresh). With instance refresh the group follows
     * the template's {@code latest_version}: a new version is then a change of the group, which is
     * what makes the provider start a refresh (it never does for {@code "$Latest"}, whose text does
     * not change). Without refresh, {@code "$Latest"} gives new instances the newest version only.
     * {@code desired_capacity} is ignored after creation: target tracking owns it, and an apply
     * would otherwise reset the group to its initial size (blue/green ignores more, see
     * {@link #BLUE_GREEN_IGNORED}).
     */
    private Resource group(String constructId, String groupName, int minSize, int desiredCapacity,
                           List<String> targetGroupArns, AutoScaledServiceProps props, List<String> subnets,
                           ResourceOptions options) {
        AutoscalingGroup.InstanceRefresh refresh = props.instanceRefresh
                ? new AutoscalingGroup.InstanceRefresh("Rolling", new AutoscalingGroup.Preferences(
                        REPLACEMENT_MIN_HEALTHY_PERCENT, REPLACEMENT_MAX_HEALTHY_PERCENT, null, null, null), List.of())
                : null;
        String version = props.instanceRefresh ? launchTemplate.attr("latest_version") : "$Latest";
        return new Resource(this, constructId, new AutoscalingGroup(
                groupName, minSize, props.maxSize, desiredCapacity,
                subnets, targetGroupArns,
                INITIAL_HEALTH_CHECK_TYPE, props.healthCheckGracePeriodSeconds, null,
                new AutoscalingGroup.LaunchTemplateSpecification(launchTemplate.attr("id"), null, version),
                new AutoscalingGroup.InstanceMaintenancePolicy(REPLACEMENT_MIN_HEALTHY_PERCENT,
                        REPLACEMENT_MAX_HEALTHY_PERCENT),
                refresh, GROUP_METRICS, List.of(), null,
                List.of(new AutoscalingGroup.Tag("Name", groupName, true))),
                options);
    }

    /**
     * Replaces the launch template's user data, for blocks that add to what the instances run at boot
     * (the delivery block adds the CodeDeploy agent). Read {@link #userData()} first and keep it. The
     * same rules as {@link AutoScaledServiceProps.Builder#userData} apply; call it before the stack is
     * synthesized. A change is a new launch template version (and, with instance refresh, a rollout).
     */
    public void replaceUserData(String userData) {
        Host.checkUserData(this, "userData", userData);
        this.userData = userData;
        launchTemplate.replaceArgs(((LaunchTemplate) launchTemplate.args())
                .withUserData(templateUserData.encode(userData)));
    }

    /** The user data as given or last replaced, before encoding; {@code null} for none. */
    public String userData() {
        return userData;
    }

    /**
     * Admits the management (actuator) port from {@code peer}, such as the monitoring host that
     * scrapes {@code /actuator/prometheus}; the peer's group gets the matching egress rule.
     */
    public void allowManagementFrom(IConnectable peer) {
        connections.allowFrom(peer, Port.tcp(managementPort), "Actuator (management port) from "
                + peer.connections().label());
    }

    /** The instances' security-group wiring; its default port is the app port. */
    @Override
    public Connections connections() {
        return connections;
    }

    /** The load balancer's security-group wiring (80 and 443 from anywhere, egress to the instances). */
    public Connections albConnections() {
        return albConnections;
    }

    /** The {@code aws_lb}. */
    public Resource alb() {
        return alb;
    }

    /** The load balancer's ARN (a reference). */
    public String albArn() {
        return alb.attr("arn");
    }

    /** The load balancer's DNS name, for a CNAME or alias record (a reference). */
    public String albDnsName() {
        return alb.attr("dns_name");
    }

    /** The load balancer's Route 53 hosted zone id, for an alias record (a reference). */
    public String albZoneId() {
        return alb.attr("zone_id");
    }

    /** The {@code aws_lb_target_group}. */
    public Resource targetGroup() {
        return targetGroup;
    }

    /** The target group's ARN (a reference). */
    public String targetGroupArn() {
        return targetGroup.attr("arn");
    }

    /** The target group's name (a reference), as CodeDeploy's load balancer info wants it. */
    public String targetGroupName() {
        return targetGroup.attr("name");
    }

    /** The listeners: HTTP, then HTTPS when there is a certificate. */
    public List<Resource> listeners() {
        return List.copyOf(listeners);
    }

    /** The HTTP listener on 80: forwards, or redirects to HTTPS when there is a certificate. */
    public Resource httpListener() {
        return listeners.get(0);
    }

    /** The HTTPS listener on 443, if a certificate was given. */
    public Optional<Resource> httpsListener() {
        return Optional.ofNullable(httpsListener);
    }

    /** The {@code aws_launch_template}. */
    public Resource launchTemplate() {
        return launchTemplate;
    }

    /** The launch template's id (a reference). */
    public String launchTemplateId() {
        return launchTemplate.attr("id");
    }

    /** The {@code aws_autoscaling_group} resources: the one group, or blue then green with {@code blueGreen(true)}. */
    public List<Resource> autoScalingGroups() {
        return List.copyOf(groups);
    }

    /** Whether the service has a blue and a green group. */
    public boolean isBlueGreen() {
        return blueGreen;
    }

    /** The first (blue) group: the only one without blue/green. */
    public Resource blueGroup() {
        return groups.get(0);
    }

    /** The green group of a blue/green service. */
    public Optional<Resource> greenGroup() {
        return blueGreen ? Optional.of(groups.get(1)) : Optional.empty();
    }

    /** The literal name of the blue (or only) group, {@code <project>-<env>-<id>}. */
    public String blueGroupName() {
        return name;
    }

    /** The literal name of the green group, {@code <project>-<env>-<id>-green}, for a blue/green service. */
    public Optional<String> greenGroupName() {
        return blueGreen ? Optional.of(name + "-" + GREEN) : Optional.empty();
    }

    /** The literal name of the load balancer and target group, {@code <project>-<env>-<id>}. */
    public String name() {
        return name;
    }

    /** The names of the groups (references), in the order of {@link #autoScalingGroups()}. */
    public List<String> groupNames() {
        return groups.stream().map(g -> g.attr("name")).toList();
    }

    /** The CPU target-tracking {@code aws_autoscaling_policy} (of the blue group in a blue/green service). */
    public Resource scalingPolicy() {
        return scalingPolicy;
    }

    /** The green group's CPU target-tracking policy in a blue/green service. */
    public Optional<Resource> greenScalingPolicy() {
        return Optional.ofNullable(greenScalingPolicy);
    }

    /** The health-check path on the management port. */
    public String healthCheckPath() {
        return ((LbTargetGroup) targetGroup.args()).healthCheck().path();
    }

    /** The instance role and profile; add statements for what the application reads. */
    public InstanceRole role() {
        return role;
    }

    /** The instance type. */
    public InstanceType instanceType() {
        return type;
    }

    /** The application port. */
    public int appPort() {
        return appPort;
    }

    /** The management (actuator) port. */
    public int managementPort() {
        return managementPort;
    }

    /** The instances' IAM role, for grants such as {@code Database.connectService}. */
    @Override
    public Resource grantRole() {
        return role.role();
    }
}
