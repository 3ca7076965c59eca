package io.growstack.network;

import io.growstack.aws.AutoscalingGroup;
import io.growstack.aws.Eip;
import io.growstack.aws.IamRolePolicy;
import io.growstack.aws.LaunchTemplate;
import io.growstack.aws.NetworkInterface;
import io.growstack.aws.Route;
import io.growstack.core.GrowStack;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.files.NatInstanceUserData;
import io.growstack.host.Host;
import io.growstack.host.InstanceRole;
import io.growstack.host.TemplateUserData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The self-healing NAT instance, one or one per zone. Per NAT:
 * <ul>
 *   <li>a static network interface in the zone's public subnet (source/dest check off) holding an
 *       Elastic IP: the private default route targets it, so route and address outlive any host;</li>
 *   <li>an Auto Scaling group of one (EC2 health checks) launching from a template with IMDSv2, an
 *       encrypted root volume and a boot-time public address (the host needs one to reach the EC2
 *       API and the package repository before it holds the interface);</li>
 *   <li>an instance role that may attach exactly that interface, and only to instances with this
 *       role's profile; per zone also publish its own health tag and replace the default route of
 *       this network's private route tables (the watcher).</li>
 * </ul>
 * Two public IPv4 addresses per NAT are billed: the Elastic IP and the boot-time address.
 */
final class SelfHealingNat extends NatProvider {
    /** Seconds between the watcher's checks. */
    static final int CHECK_SECONDS = 5;
    /** Unhealthy or silent checks in a row before a peer takes a zone over (about 15 s). */
    static final int FAILOVER_CHECKS = 3;
    /** Healthy checks in a row before a NAT takes its own zone back (about 1 minute). */
    static final int FAILBACK_CHECKS = 12;
    /** What the self-test connects to through the NAT's own path: the regional EC2 API, on 443. */
    static final int PROBE_PORT = 443;
    /** Grace after launch before EC2 health checks count: boot, attach, iptables. */
    private static final int HEALTH_CHECK_GRACE_SECONDS = 120;

    private final NatInstanceProps props;
    private final boolean perAz;
    private Host host;

    SelfHealingNat(NatInstanceProps props, boolean perAz) {
        this.props = props;
        this.perAz = perAz;
    }

    @Override
    void validate(Construct scope) {
        host = validateInstance(scope, props);
    }

    @Override
    boolean needsTablePerAz() {
        return perAz;
    }

    @Override
    Nat provide(NatContext context) {
        Construct scope = context.scope();
        GrowStack stack = context.stack();
        ManagedSecurityGroup group = securityGroup(context);
        String image = host.imageId(scope, "nat-ami");
        int count = perAz ? context.publicSubnets().size() : 1;
        List<Resource> tables = context.privateRouteTables();

        List<Resource> interfaces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String suffix = suffix(i);
            String name = stack.naming().name("nat" + suffix);
            Resource eni = new Resource(scope, "nat-interface" + suffix, new NetworkInterface(
                    context.publicSubnets().get(i).attr("id"), List.of(group.id()), false,
                    "Static NAT interface of " + name + ": the private routes target it", Map.of("Name", name)));
            interfaces.add(eni);
            // AWS associates an Elastic IP only in a VPC with an attached internet gateway.
            new Resource(scope, "nat-eip" + suffix, new Eip("vpc", null, eni.attr("id"), Map.of("Name", name)),
                    ResourceOptions.dependsOn(context.internetGateway()));
        }

        List<Resource> groups = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groups.add(host(context, group, image, i, interfaces));
        }

        for (int i = 0; i < tables.size(); i++) {
            Resource eni = interfaces.get(Math.min(i, interfaces.size() - 1));
            Route route = new Route(tables.get(i).attr("id"), "0.0.0.0/0", null, null, eni.attr("id"));
            // Per zone the watchers own the route's target at run time; each NAT takes its own zone
            // back, so a target Terraform would "correct" mid-failover is left to them.
            new Resource(scope, "private-default-route-" + (i + 1), route,
                    perAz ? ResourceOptions.ignoreChanges("network_interface_id") : ResourceOptions.NONE);
        }
        return new Nat(perAz ? Nat.Kind.INSTANCE_PER_AZ : Nat.Kind.INSTANCE, Optional.empty(), Optional.of(group),
                List.of(), interfaces, groups);
    }

    private String suffix(int index) {
        return perAz ? "-" + (index + 1) : "";
    }

    /** One NAT host: role, profile, launch template and its group of one. */
    private Resource host(NatContext context, ManagedSecurityGroup group, String image, int index,
                          List<Resource> interfaces) {
        Construct scope = context.scope();
        GrowStack stack = context.stack();
        String suffix = suffix(index);
        String name = stack.naming().name("nat" + suffix);
        Resource eni = interfaces.get(index);

        InstanceRole.Profiled profiled = InstanceRole.profiled(scope, "nat-role" + suffix, "nat-profile" + suffix, name,
                "NAT instance " + name + ": attaches its static interface" + (perAz ? ", fails zones over" : ""));
        Resource role = profiled.role();
        Resource profile = profiled.profile();
        String instances = "arn:" + stack.partition() + ":ec2:" + stack.region() + ":*:instance/*";
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                PolicyStatement.allow("AttachTheNatInterface", List.of("ec2:AttachNetworkInterface"),
                        List.of(eni.attr("arn"))),
                PolicyStatement.allow("AttachToNatInstancesOnly", List.of("ec2:AttachNetworkInterface"),
                        List.of(instances))
                        .withCondition("ArnEquals", "ec2:InstanceProfile", profile.attr("arn"))));
        Optional<NatInstanceUserData.Watch> watch = Optional.empty();
        if (perAz) {
            List<Resource> tables = context.privateRouteTables();
            statements.add(PolicyStatement.allow("PublishOwnNatHealth", List.of("ec2:CreateTags"),
                            List.of(eni.attr("arn")))
                    .withCondition("ForAllValues:StringEquals", "aws:TagKeys", "growstack:nat-health"));
            // Describe calls support no resource-level permissions: "*" is the only valid resource.
            statements.add(PolicyStatement.allow("ReadNatHealthAndRoutes",
                    List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeRouteTables"), List.of("*")));
            statements.add(PolicyStatement.allow("FailOverThisNetworksPrivateRoutes", List.of("ec2:ReplaceRoute"),
                    tables.stream().map(t -> t.attr("arn")).toList()));
            watch = Optional.of(new NatInstanceUserData.Watch(index,
                    tables.stream().map(t -> t.attr("id")).toList(),
                    interfaces.stream().map(e -> e.attr("id")).toList(),
                    CHECK_SECONDS, FAILOVER_CHECKS, FAILBACK_CHECKS,
                    "ec2." + stack.region() + ".amazonaws.com", PROBE_PORT));
        }
        new Resource(scope, "nat-role-policy" + suffix, new IamRolePolicy(
                perAz ? "attach-interface-and-fail-over" : "attach-interface", role.attr("id"),
                PolicyStatement.document(statements)));

        String userData = NatInstanceUserData.staticInterfaceTemplate(
                new NatInstanceUserData.Settings(eni.attr("id"), eni.attr("mac_address"), watch));

        Map<String, String> tags = Host.launchTags(stack, name);
        Resource template = new Resource(scope, "nat-launch-template" + suffix, new LaunchTemplate(
                name, "NAT instance " + name, image, host.type().name(), props.host().keyName(), null,
                new TemplateUserData(scope, "nat-user-data" + suffix).encode(userData), true,
                LaunchTemplate.IamInstanceProfile.ofArn(profile.attr("arn")),
                host.templateMetadata(), host.templateRootVolume(), host.templateCredits(),
                null,
                List.of(new LaunchTemplate.NetworkInterfaces(0, "true", "true", List.of(group.id()))),
                Host.launchTagSpecifications(tags),
                tags));
        // Terminate before launch (0..100 %): the interface attaches to one host at a time. A new
        // template version is used by the next replacement; no refresh, so no outage on an AMI update.
        return new Resource(scope, "nat-group" + suffix, new AutoscalingGroup(
                name, 1, 1, 1, List.of(context.publicSubnets().get(index).attr("id")), List.of(),
                "EC2", HEALTH_CHECK_GRACE_SECONDS, null,
                new AutoscalingGroup.LaunchTemplateSpecification(template.attr("id"), null,
                        template.attr("latest_version")),
                new AutoscalingGroup.InstanceMaintenancePolicy(0, 100),
                null, List.of(), List.of(), null,
                List.of(new AutoscalingGroup.Tag("Name", name, true))));
    }
}
