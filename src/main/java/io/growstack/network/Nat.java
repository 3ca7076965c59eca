package io.growstack.network;

import io.growstack.core.Resource;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link NatProvider} built: the NAT instance and its security group, or the NAT gateways.
 *
 * @param kind          which strategy built it
 * @param instance      the NAT instance ({@code aws_instance}); empty for gateways and none
 * @param securityGroup the NAT instance's security group; empty for gateways and none
 * @param gateways      the NAT gateways, one or one per AZ; empty for instance and none
 */
public record Nat(Kind kind, Optional<Resource> instance, Optional<ManagedSecurityGroup> securityGroup,
                  List<Resource> gateways) {
    /** The NAT strategies. */
    public enum Kind {
        /** A t3.nano-class EC2 instance forwarding and masquerading. */
        INSTANCE,
        /** AWS managed NAT gateways. */
        GATEWAY,
        /** No outbound internet from the private tier. */
        NONE
    }

    public Nat {
        gateways = List.copyOf(gateways);
    }

    static Nat none() {
        return new Nat(Kind.NONE, Optional.empty(), Optional.empty(), List.of());
    }
}
