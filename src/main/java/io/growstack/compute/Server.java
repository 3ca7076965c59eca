package io.growstack.compute;

import io.growstack.aws.Eip;
import io.growstack.aws.Instance;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.InstanceType;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.ValidationException;
import io.growstack.host.Host;
import io.growstack.host.InstanceRole;
import io.growstack.network.Connections;
import io.growstack.network.IConnectable;
import io.growstack.network.IGrantable;
import io.growstack.network.ManagedSecurityGroup;
import io.growstack.network.SubnetTier;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One EC2 host: the seed's single boxes (the version-1 server, the version-2 API and Jenkins hosts,
 * the version-3 private API host, the version-4 test server). Bastion and ReverseProxy build on it.
 *
 * <p>Defaults: t4g.micro in the first private subnet, latest Amazon Linux 2023 (AMI changes
 * ignored, so a new release does not replace the host), encrypted 8 GiB gp3 root, IMDSv2 required,
 * standard CPU credits on burstable types, an instance role with SSM Session Manager, its own
 * security group with no ingress and all egress, on-demand, no public address unless public.
 */
public class Server extends Construct implements IConnectable, IGrantable {
    private final InstanceType type;
    private final Resource instance;
    private final Resource elasticIp;
    private final InstanceRole role;
    private final Connections connections;

    /** Creates the server; throws {@link ValidationException} for bad settings. */
    public Server(Construct scope, String id, ServerProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        Host host = Host.of(this, "", props.host);
        this.type = host.type();
        List<String> subnets = props.network.subnetIds(props.tier);
        if (subnets.isEmpty()) {
            throw ValidationException.of(this, "tier", props.tier,
                    "expected a tier the network has; it has no " + props.tier.name().toLowerCase() + " subnets");
        }
        if (props.subnetIndex < 0 || props.subnetIndex >= subnets.size()) {
            throw ValidationException.of(this, "subnetIndex", props.subnetIndex,
                    "expected 0.." + (subnets.size() - 1) + " (one subnet per availability zone)");
        }
        boolean isPublic = props.tier == SubnetTier.PUBLIC;
        boolean publicIp = props.associatePublicIp != null ? props.associatePublicIp : isPublic;
        if (!isPublic && (publicIp || props.elasticIp)) {
            throw ValidationException.of(this, props.elasticIp ? "elasticIp" : "associatePublicIp", true,
                    "expected false in a private subnet (no route from the internet); use tier(PUBLIC)");
        }

        String label = props.label != null ? props.label : id;
        String name = stack.naming().name(label);
        ManagedSecurityGroup group = new ManagedSecurityGroup(this, "security-group", props.network.vpcId(), name,
                "Host " + name);
        if (props.allowAllOutbound) {
            group.allowAllEgress();
        }
        this.connections = new Connections(group, label, null);
        this.role = host.role(this, "role", label);
        this.instance = new Resource(this, "instance", new Instance(
                host.imageId(this, "ami"), type.name(), subnets.get(props.subnetIndex),
                // With an Elastic IP the instance still takes an ephemeral address at launch: it needs the
                // internet before the EIP attaches, and false reads back as true (a replacement each plan).
                List.of(group.id()), publicIp || props.elasticIp ? Boolean.TRUE : null,
                null, role.profileName(), props.host.keyName(), props.host.userData(),
                props.userDataReplaceOnChange ? Boolean.TRUE : null, null,
                host.instanceMetadata(), host.instanceRootVolume(), host.instanceMarket(), null,
                host.instanceCredits(),
                Map.of("Name", name)),
                props.ignoreAmiChanges ? ResourceOptions.ignoreChanges("ami") : ResourceOptions.NONE);
        this.elasticIp = props.elasticIp
                ? new Resource(this, "elastic-ip", new Eip("vpc", instance.attr("id"), null, Map.of("Name", name)))
                : null;
    }

    @Override
    public Connections connections() {
        return connections;
    }

    /** The {@code aws_instance}. */
    public Resource instance() {
        return instance;
    }

    /** The user data as given or last replaced; {@code null} for none. */
    public String userData() {
        return ((Instance) instance.args()).userData();
    }

    /**
     * Replaces the instance's user data, for blocks that add to what the host runs at boot (the
     * delivery block adds the CodeDeploy agent). Read {@link #userData()} first and keep it.
     */
    public void replaceUserData(String userData) {
        instance.replaceArgs(((Instance) instance.args()).withUserData(userData));
    }

    /** The instance type. */
    public InstanceType instanceType() {
        return type;
    }

    /** The instance role and profile. */
    public InstanceRole role() {
        return role;
    }

    /** The Elastic IP, if the server has one. */
    public java.util.Optional<Resource> elasticIp() {
        return java.util.Optional.ofNullable(elasticIp);
    }

    /** The instance id (a reference). */
    public String instanceId() {
        return instance.attr("id");
    }

    /** The private IPv4 address (a reference). */
    public String privateIp() {
        return instance.attr("private_ip");
    }

    /** The public IPv4 address: the Elastic IP's if there is one (a reference). */
    public String publicIp() {
        return elasticIp != null ? elasticIp.attr("public_ip") : instance.attr("public_ip");
    }

    /** The public DNS name (a reference). */
    public String publicDns() {
        return elasticIp != null ? elasticIp.attr("public_dns") : instance.attr("public_dns");
    }

    /** The instances' IAM role, for grants such as {@code Database.connectService}. */
    @Override
    public Resource grantRole() {
        return role.role();
    }
}
