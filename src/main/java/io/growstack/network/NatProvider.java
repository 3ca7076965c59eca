package io.growstack.network;

import io.growstack.aws.Eip;
import io.growstack.aws.Instance;
import io.growstack.aws.NatGateway;
import io.growstack.aws.Route;
import io.growstack.core.Args;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.ValidationException;
import io.growstack.files.NatInstanceUserData;
import io.growstack.host.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * How the private subnets reach the internet: a NAT instance, NAT gateways, or not at all.
 *
 * <p>A NAT gateway costs about $0.059 per hour plus $0.059 per GB in ap-northeast-2, and its public
 * IPv4 address another $0.005 per hour; a t3.nano NAT instance costs about a fifth of that at low
 * traffic. The default instance heals itself (an Auto Scaling group of one that re-attaches a static
 * interface); {@link #instancePerAz()} adds a NAT per zone with cross-zone failover; the gateway is
 * managed and scales. Pick per environment.
 */
public abstract class NatProvider {
    NatProvider() {
    }

    /**
     * A self-healing NAT instance with the defaults (t3.nano, Amazon Linux 2023): an Auto Scaling
     * group of one in the first public subnet and a static network interface, with an Elastic IP,
     * that the private default routes target and each new instance attaches at boot.
     */
    public static NatProvider instance() {
        return instance(NatInstanceProps.builder().build());
    }

    /** A self-healing NAT instance with {@code props} (see {@link #instance()}). */
    public static NatProvider instance(NatInstanceProps props) {
        return new SelfHealingNat(Args.notNull(props, "props"), false);
    }

    /**
     * A self-healing NAT instance in every zone, each zone's private route table pointing at its own,
     * and a watcher on each that moves a failed zone's default route to a healthy peer and back.
     */
    public static NatProvider instancePerAz() {
        return instancePerAz(NatInstanceProps.builder().build());
    }

    /** A self-healing NAT instance per zone with {@code props} (see {@link #instancePerAz()}). */
    public static NatProvider instancePerAz(NatInstanceProps props) {
        return new SelfHealingNat(Args.notNull(props, "props"), true);
    }

    /**
     * One plain NAT instance ({@code aws_instance}), as before growstack 0.2: EC2 recovers it on
     * failed hardware, nothing replaces it when it is terminated or broken. One public IPv4 address.
     */
    public static NatProvider plainInstance() {
        return plainInstance(NatInstanceProps.builder().build());
    }

    /** A plain NAT instance with {@code props} (see {@link #plainInstance()}). */
    public static NatProvider plainInstance(NatInstanceProps props) {
        return new PlainInstanceNat(Args.notNull(props, "props"));
    }

    /** Managed NAT gateways: one shared, or one per availability zone. */
    public static NatProvider gateway(GatewayPlacement placement) {
        return new GatewayNat(placement);
    }

    /** No NAT: private subnets have no route to the internet (the S3 gateway endpoint still works). */
    public static NatProvider none() {
        return new NoNat();
    }

    /** Where NAT gateways go. */
    public enum GatewayPlacement {
        /** One gateway in the first public subnet; cheapest, one AZ's outage cuts outbound traffic. */
        SINGLE,
        /** One gateway per AZ, each private route table using its own AZ's gateway. */
        PER_AZ
    }

    /** Checks settings against the network at {@code scope} before anything is created. */
    abstract void validate(Construct scope);

    /** Whether this provider builds nothing. */
    boolean isNone() {
        return false;
    }

    /** Whether the network must give each AZ its own private route table. */
    boolean needsTablePerAz() {
        return false;
    }

    /** Builds the NAT and the private default routes. */
    abstract Nat provide(NatContext context);

    private static final class NoNat extends NatProvider {
        @Override
        boolean isNone() {
            return true;
        }

        @Override
        void validate(Construct scope) {
        }

        @Override
        Nat provide(NatContext context) {
            return Nat.none();
        }
    }

    private static final class GatewayNat extends NatProvider {
        private final GatewayPlacement placement;

        GatewayNat(GatewayPlacement placement) {
            this.placement = placement;
        }

        @Override
        void validate(Construct scope) {
            if (placement == null) {
                throw ValidationException.of(scope, "nat", "gateway(null)", "expected SINGLE or PER_AZ placement");
            }
        }

        @Override
        boolean needsTablePerAz() {
            return placement == GatewayPlacement.PER_AZ;
        }

        @Override
        Nat provide(NatContext context) {
            int count = placement == GatewayPlacement.PER_AZ ? context.publicSubnets().size() : 1;
            List<Resource> gateways = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String suffix = "-" + (i + 1);
                String name = context.stack().naming().name("nat" + suffix);
                Resource eip = new Resource(context.scope(), "nat-eip" + suffix,
                        new Eip("vpc", null, null, Map.of("Name", name)));
                // A public NAT gateway needs the internet gateway attached first, and no attribute it
                // reads says so: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/nat_gateway
                gateways.add(new Resource(context.scope(), "nat-gateway" + suffix, new NatGateway(
                        eip.attr("allocation_id"), context.publicSubnets().get(i).attr("id"), "public",
                        Map.of("Name", name)), ResourceOptions.dependsOn(context.internetGateway())));
            }
            List<Resource> tables = context.privateRouteTables();
            for (int i = 0; i < tables.size(); i++) {
                Resource gateway = gateways.get(Math.min(i, gateways.size() - 1));
                new Resource(context.scope(), "private-default-route-" + (i + 1), new Route(
                        tables.get(i).attr("id"), "0.0.0.0/0", null, gateway.attr("id"), null));
            }
            return new Nat(Nat.Kind.GATEWAY, Optional.empty(), Optional.empty(), gateways, List.of(), List.of());
        }
    }

    /** Checks the instance settings both instance strategies share. */
    static Host validateInstance(Construct scope, NatInstanceProps props) {
        return Host.of(scope, "nat.", props.host());
    }

    /** The NAT hosts' security group: everything from inside the VPC in, everything out. */
    static ManagedSecurityGroup securityGroup(NatContext context) {
        String name = context.stack().naming().name("nat");
        ManagedSecurityGroup group = new ManagedSecurityGroup(context.scope(), "nat-security-group",
                context.vpcId(), name, "NAT instance: forwards traffic from inside the VPC only");
        group.allowIngressFromCidr("vpc", Port.allTraffic(), context.vpcCidr(), "All traffic from inside the VPC");
        group.allowAllEgress();
        return group;
    }

    private static final class PlainInstanceNat extends NatProvider {
        private final NatInstanceProps props;
        private Host host;

        PlainInstanceNat(NatInstanceProps props) {
            this.props = props;
        }

        @Override
        void validate(Construct scope) {
            host = validateInstance(scope, props);
        }

        @Override
        Nat provide(NatContext context) {
            Construct scope = context.scope();
            String name = context.stack().naming().name("nat");
            ManagedSecurityGroup group = securityGroup(context);
            Resource instance = new Resource(scope, "nat-instance", new Instance(
                    host.imageId(scope, "nat-ami"), host.type().name(), context.publicSubnets().get(0).attr("id"),
                    List.of(group.id()), true, false, null, props.host().keyName(), NatInstanceUserData.script(),
                    null, null, host.instanceMetadata(), host.instanceRootVolume(), null,
                    new Instance.MaintenanceOptions("default"), host.instanceCredits(),
                    Map.of("Name", name)),
                    // A new Amazon Linux release must not replace the host every route points at.
                    ResourceOptions.ignoreChanges("ami"));
            List<Resource> tables = context.privateRouteTables();
            for (int i = 0; i < tables.size(); i++) {
                new Resource(scope, "private-default-route-" + (i + 1), new Route(tables.get(i).attr("id"),
                        "0.0.0.0/0", null, null, instance.attr("primary_network_interface_id")));
            }
            return new Nat(Nat.Kind.PLAIN_INSTANCE, Optional.of(instance), Optional.of(group), List.of(), List.of(),
                    List.of());
        }
    }
}
