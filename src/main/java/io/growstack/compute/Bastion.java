package io.growstack.compute;

import io.growstack.core.Ids;
import io.growstack.core.ValidationException;
import io.growstack.network.Connections;
import io.growstack.network.IConnectable;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;
import software.constructs.Construct;

/**
 * The only SSH entry into the network: a small host in a public subnet, spot by default.
 *
 * <p>Defaults: t3.nano, spot (a one-time request, terminated on interruption, at most the on-demand
 * price, so nothing outlives {@code terraform destroy}), IMDSv2, SSM
 * Session Manager on, and <b>no port 22 at all</b> until {@code allowSshFrom(...)} lists the
 * admins' CIDR blocks. SSH from anywhere exists only as the explicit
 * {@link BastionProps.Builder#allowSshFromAnywhere()}, which the review flags.
 */
public class Bastion extends Construct implements IConnectable {
    /** The SSH port. */
    public static final Port SSH = Port.tcp(22);

    private final Server server;
    private final String keyName;

    /** Creates the bastion; throws {@link ValidationException} for bad settings. */
    public Bastion(Construct scope, String id, BastionProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        this.keyName = props.host.keyName();
        SshAllowList.check(this, props.allowSshFrom,
                "to open SSH to the world call allowSshFromAnywhere() explicitly (the review flags it)");
        this.server = new Server(this, "host", ServerProps.builder(props.network)
                .host(props.host)
                .label(id)
                .tier(SubnetTier.PUBLIC)
                .subnetIndex(props.subnetIndex)
                .elasticIp(props.elasticIp)
                .build());
        Connections connections = server().connections();
        if (props.sshFromAnywhere) {
            connections.allowFromAnyIpv4(SSH, "SSH from anywhere (explicit allowSshFromAnywhere)");
        } else if (!props.allowSshFrom.isEmpty()) {
            connections.allowFromCidrs(props.allowSshFrom, SSH, "SSH from the admin allow-list");
        }
    }

    @Override
    public Connections connections() {
        return server.connections();
    }

    /**
     * The EC2 key pair SSH logs in with; empty when there is none, and then SSH logs in with a key
     * pushed by EC2 Instance Connect (Amazon Linux 2023 runs its agent).
     */
    public java.util.Optional<String> keyName() {
        return java.util.Optional.ofNullable(keyName);
    }

    /** The underlying host. */
    public Server server() {
        return server;
    }

    /** The public IPv4 address to SSH to (a reference). */
    public String publicIp() {
        return server.publicIp();
    }

    /** The public DNS name (a reference). */
    public String publicDns() {
        return server.publicDns();
    }
}
