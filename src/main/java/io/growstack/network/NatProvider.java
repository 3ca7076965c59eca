package io.growstack.network;

import io.growstack.aws.Eip;
import io.growstack.aws.Instance;
import io.growstack.aws.NatGateway;
import io.growstack.aws.Route;
import io.growstack.aws.SsmParameterData;
import io.growstack.core.Ami;
import io.growstack.core.DataSource;
import io.growstack.core.InstanceType;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.ValidationException;
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
 * traffic. The instance is a single host (EC2 recovers it automatically on hardware failure); the
 * gateway is managed and scales. Pick per environment.
 */
public abstract class NatProvider {
    NatProvider() {
    }

    /** A NAT instance with the defaults: t3.nano, Amazon Linux 2023. */
    public static NatProvider instance() {
        return instance(NatInstanceProps.builder().build());
    }

    /** A NAT instance with {@code props}. */
    public static NatProvider instance(NatInstanceProps props) {
        return new InstanceNat(props);
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
                gateways.add(new Resource(context.scope(), "nat-gateway" + suffix, new NatGateway(
                        eip.attr("allocation_id"), context.publicSubnets().get(i).attr("id"), "public",
                        Map.of("Name", name))));
            }
            List<Resource> tables = context.privateRouteTables();
            for (int i = 0; i < tables.size(); i++) {
                Resource gateway = gateways.get(Math.min(i, gateways.size() - 1));
                new Resource(context.scope(), "private-default-route-" + (i + 1), new Route(
                        tables.get(i).attr("id"), "0.0.0.0/0", null, gateway.attr("id"), null));
            }
            return new Nat(Nat.Kind.GATEWAY, Optional.empty(), Optional.empty(), gateways);
        }
    }

    private static final class InstanceNat extends NatProvider {
        private final NatInstanceProps props;
        private InstanceType type;

        InstanceNat(NatInstanceProps props) {
            this.props = props;
        }

        @Override
        void validate(Construct scope) {
            type = InstanceType.parse(props.instanceType()).orElseThrow(() -> ValidationException.of(scope,
                    "nat.instanceType", props.instanceType(),
                    "expected an EC2 instance type growstack knows, such as t3.nano, t3a.nano or t4g.nano"));
            Ami ami = props.ami();
            if (ami != null && ami.architecture() != type.architecture()) {
                throw ValidationException.of(scope, "nat.ami", ami.id() + " (" + ami.architecture().awsName() + ")",
                        "expected an " + type.architecture().awsName() + " image for instance type " + type.name());
            }
            if (props.rootVolumeGb() < NatInstanceProps.DEFAULT_ROOT_VOLUME_GB || props.rootVolumeGb() > 1024) {
                throw ValidationException.of(scope, "nat.rootVolumeGb", props.rootVolumeGb(),
                        "expected 8..1024 GiB (Amazon Linux 2023 needs 8)");
            }
        }

        @Override
        Nat provide(NatContext context) {
            Construct scope = context.scope();
            String name = context.stack().naming().name("nat");
            ManagedSecurityGroup group = new ManagedSecurityGroup(scope, "nat-security-group", context.vpcId(), name,
                    "NAT instance: forwards traffic from inside the VPC only");
            group.allowIngressFromCidr("vpc", Port.allTraffic(), context.vpcCidr(), "All traffic from inside the VPC");
            group.allowAllEgress();

            String ami = props.ami() != null && !props.ami().isLookup()
                    ? props.ami().id()
                    : context.stack().pinnedAmi(type.architecture()).orElseGet(() -> new DataSource(scope, "nat-ami",
                            new SsmParameterData(Ami.amazonLinux2023Parameter(type.architecture())))
                            .attr("insecure_value"));
            Resource instance = new Resource(scope, "nat-instance", new Instance(
                    ami, type.name(), context.publicSubnets().get(0).attr("id"), List.of(group.id()),
                    true, false, null, null, NatInstanceUserData.script(), null, null,
                    Instance.MetadataOptions.imdsv2(),
                    Instance.RootBlockDevice.encryptedGp3(props.rootVolumeGb()),
                    null,
                    new Instance.MaintenanceOptions("default"),
                    // Standard credits: a burst on unlimited mode would bill surplus CPU credits.
                    type.family().startsWith("t") ? new Instance.CreditSpecification("standard") : null,
                    Map.of("Name", name)),
                    // A new Amazon Linux release must not replace the host every route points at.
                    ResourceOptions.ignoreChanges("ami"));
            List<Resource> tables = context.privateRouteTables();
            for (int i = 0; i < tables.size(); i++) {
                new Resource(scope, "private-default-route-" + (i + 1), new Route(tables.get(i).attr("id"),
                        "0.0.0.0/0", null, null, instance.attr("primary_network_interface_id")));
            }
            return new Nat(Nat.Kind.INSTANCE, Optional.of(instance), Optional.of(group), List.of());
        }
    }
}
