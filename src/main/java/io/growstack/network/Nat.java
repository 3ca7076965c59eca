package io.growstack.network;

import io.growstack.core.Resource;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link NatProvider} built: the NAT hosts and their security group, or the NAT gateways.
 *
 * @param kind              which strategy built it
 * @param instance          the plain NAT instance ({@code aws_instance}); empty for every other kind
 * @param securityGroup     the NAT hosts' security group; empty for gateways and none
 * @param gateways          the NAT gateways, one or one per AZ; empty for instances and none
 * @param interfaces        the static NAT interfaces ({@code aws_network_interface}) the private routes
 *                          target, one or one per AZ; empty unless self-healing
 * @param autoScalingGroups the Auto Scaling groups of one that run the self-healing NAT hosts, in the
 *                          order of {@code interfaces}
 */
public record Nat(Kind kind, Optional<Resource> instance, Optional<ManagedSecurityGroup> securityGroup,
                  List<Resource> gateways, List<Resource> interfaces, List<Resource> autoScalingGroups) {
    /** The NAT strategies. */
    public enum Kind {
        /** One self-healing NAT instance: an Auto Scaling group of one and a static interface. */
        INSTANCE,
        /** A self-healing NAT instance per AZ whose watchers fail zones over to each other. */
        INSTANCE_PER_AZ,
        /** One plain EC2 instance, replaced by nothing when it fails (EC2 recovers failed hardware). */
        PLAIN_INSTANCE,
        /** AWS managed NAT gateways. */
        GATEWAY,
        /** No outbound internet from the private tier. */
        NONE
    }

    public Nat {
        gateways = List.copyOf(gateways);
        interfaces = List.copyOf(interfaces);
        autoScalingGroups = List.copyOf(autoScalingGroups);
    }

    static Nat none() {
        return new Nat(Kind.NONE, Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
    }
}
