package io.growstack.network;

import io.growstack.core.Resource;
import io.growstack.core.Tokens;
import java.util.List;
import java.util.Optional;

/**
 * The one way growstack writes security-group rules. {@code a.connections().allowFrom(b, port)}
 * writes the ingress rule on {@code a}'s group <em>and</em> the matching egress rule on
 * {@code b}'s group, as separate rule resources with descriptions, so a group with restricted
 * egress still works and a reviewer sees both sides.
 */
public final class Connections implements IConnectable {
    private final ManagedSecurityGroup group;
    private final String label;
    private final Port defaultPort;

    /**
     * Wiring for {@code group}; {@code label} names this block in the ids of rules on other groups
     * ({@code ingress-tcp-22-from-bastion}); {@code defaultPort} may be null.
     */
    public Connections(ManagedSecurityGroup group, String label, Port defaultPort) {
        this.group = group;
        this.label = label;
        this.defaultPort = defaultPort;
    }

    @Override
    public Connections connections() {
        return this;
    }

    /** The security group. */
    public ManagedSecurityGroup securityGroup() {
        return group;
    }

    /** The security group id (a reference). */
    public String securityGroupId() {
        return group.id();
    }

    /** The label used in rule ids. */
    public String label() {
        return label;
    }

    /** The block's default port (3306 for MySQL), if it has one. */
    public Optional<Port> defaultPort() {
        return Optional.ofNullable(defaultPort);
    }

    /** Admits {@code port} from {@code peer}, and lets {@code peer} send to this block on it. */
    public void allowFrom(IConnectable peer, Port port, String description) {
        Connections other = peer.connections();
        group.allowIngressFromGroup(other.label, port, other.securityGroupId(), description);
        other.group.allowEgressToGroup(label, port, securityGroupId(), description);
    }

    /** Lets this block reach {@code peer} on {@code port} (the peer's ingress and this egress). */
    public void allowTo(IConnectable peer, Port port, String description) {
        peer.connections().allowFrom(this, port, description);
    }

    /** Admits {@code peer} on this block's default port. */
    public void allowDefaultPortFrom(IConnectable peer, String description) {
        if (defaultPort == null) {
            throw new IllegalStateException(label + " has no default port; use allowFrom with a port");
        }
        allowFrom(peer, defaultPort, description);
    }

    /** Admits {@code port} from an IPv4 CIDR block (a value or a reference). */
    public Resource allowFromCidr(String cidr, Port port, String description) {
        return group.allowIngressFromCidr(cidrLabel(cidr), port, cidr, description);
    }

    /**
     * Admits {@code port} from each CIDR of a list. A list that is a Terraform reference (for example
     * a variable's value) becomes one rule per element through {@code for_each}.
     */
    public void allowFromCidrs(List<String> cidrs, Port port, String description) {
        if (Tokens.isListToken(cidrs)) {
            group.allowIngressFromCidrList("cidrs", port, cidrs, description);
        } else {
            cidrs.forEach(cidr -> allowFromCidr(cidr, port, description));
        }
    }

    /** Admits {@code port} from any IPv4 address. Reviews flag this for anything but a load balancer. */
    public Resource allowFromAnyIpv4(Port port, String description) {
        return group.allowIngressFromCidr("anywhere", port, "0.0.0.0/0", description);
    }

    private static String cidrLabel(String cidr) {
        return Tokens.containsReference(cidr) ? "cidr-" + Integer.toHexString(cidr.hashCode())
                : cidr.replace('.', '-').replace('/', '-');
    }

}
