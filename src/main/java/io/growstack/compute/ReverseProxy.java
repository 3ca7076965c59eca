package io.growstack.compute;

import io.growstack.core.ConstructPaths;
import io.growstack.core.Cidr;
import io.growstack.core.CidrSet;
import io.growstack.core.Ids;
import io.growstack.core.InstanceType;
import io.growstack.core.Resource;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import io.growstack.files.NginxConfig;
import io.growstack.network.Connections;
import io.growstack.network.IConnectable;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;
import java.util.Optional;
import java.util.Set;
import software.constructs.Construct;

/**
 * The seed's version-3 entry host: nginx on a small instance in a public subnet, in front of
 * private API servers, doubling as the SSH bastion.
 *
 * <pre>{@code
 * Server api = new Server(stack, "api", ServerProps.builder(network).build());
 * ReverseProxy proxy = new ReverseProxy(stack, "proxy", ReverseProxyProps.builder(network)
 *         .addUpstream(api, 8080)
 *         .sshFrom(List.of("203.0.113.7/32"))
 *         .build());
 * }</pre>
 *
 * <p>Defaults: {@value ReverseProxyProps#DEFAULT_INSTANCE_TYPE} on demand in the first public subnet
 * with a public IPv4 address, latest Amazon Linux 2023, IMDSv2 required, encrypted gp3 root, SSM
 * Session Manager, port 80 open to the internet, no port 22. The host is a {@link Server}; nginx's
 * settings are a {@link NginxConfig} rendered into {@code #cloud-config} user data.
 *
 * <p><b>Upstreams are given in the props, before the proxy exists.</b> Their private addresses are
 * Terraform references ({@code ${aws_instance.api_host_instance.private_ip}}) written into the
 * user data and filled in by Terraform when it creates the proxy; the user data is fixed at that
 * moment. Collecting them up front keeps the rendered {@link #nginxConfig()} final, lets every
 * mistake (no upstream, a bad port) fail in this constructor with one message, and needs no lazy
 * value resolved inside cdktf. Each upstream {@link Server} admits the proxy on its port through
 * connections (ingress on the server, egress on the proxy); bare addresses are not wired.
 *
 * <p><b>A change of upstreams replaces the proxy</b> ({@code user_data_replace_on_change}). Changing
 * the user data in place would stop and start the instance with the new text, but cloud-init runs
 * its per-instance steps only on the first boot, so nginx would keep proxying to the old addresses
 * while the plan reported success. Replacing it costs a minute of downtime and, without
 * {@link ReverseProxyProps.Builder#elasticIp(boolean) elasticIp}, a new public address; with one,
 * the Elastic IP moves to the new instance. The same holds when an upstream server is replaced:
 * its private address changes, and so the proxy follows.
 *
 * <p>The Elastic IP, when asked for, belongs to this block rather than to the {@link Server}: the
 * instance keeps {@code associate_public_ip_address = true} so it reaches the package repository
 * from its first boot (before the Elastic IP is associated), and Terraform sees no difference on the
 * next plan (declaring {@code false} next to an associated Elastic IP reads back as {@code true} and
 * forces a replacement on every plan; terraform-provider-aws issues 37318 and 47100).
 */
public class ReverseProxy extends Construct implements IConnectable {
    /** Plain HTTP, open to the internet. */
    public static final Port HTTP = Port.tcp(NginxConfig.DEFAULT_HTTP_PORT);
    /** HTTPS, open to the internet when TLS files are given. */
    public static final Port HTTPS = Port.tcp(NginxConfig.DEFAULT_HTTPS_PORT);
    /** SSH, open only to {@link ReverseProxyProps.Builder#sshFrom(java.util.List)}. */
    public static final Port SSH = Port.tcp(22);
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    private final NginxConfig nginx;
    private final Server server;

    /** Creates the proxy; throws {@link ValidationException} for bad settings, before creating anything. */
    public ReverseProxy(Construct scope, String id, ReverseProxyProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        InstanceType type = Images.type(this, "instanceType", props.instanceType);
        Images.checkArchitecture(this, "ami", type, props.ami);
        this.nginx = nginx(props).build(ConstructPaths.path(this));
        checkSshFrom(props);

        ServerProps.Builder host = ServerProps.builder(props.network)
                .label(id)
                .tier(SubnetTier.PUBLIC)
                .subnetIndex(props.subnetIndex)
                .instanceType(props.instanceType)
                .associatePublicIp(true)
                .elasticIp(props.elasticIp)
                .ssmSessionManager(props.ssmSessionManager)
                .userData(NginxCloudConfig.render(nginx))
                .userDataReplaceOnChange(true);
        if (props.ami != null) {
            host.ami(props.ami);
        }
        if (props.keyName != null) {
            host.keyName(props.keyName);
        }
        this.server = new Server(this, "host", host.build());

        Connections connections = server.connections();
        connections.allowFromAnyIpv4(HTTP, "HTTP from the internet to the reverse proxy");
        if (nginx.isTls()) {
            connections.allowFromAnyIpv4(HTTPS, "HTTPS from the internet to the reverse proxy");
        }
        if (!props.sshFrom.isEmpty()) {
            connections.allowFromCidrs(props.sshFrom, SSH, "SSH from the admin allow-list (the proxy is the bastion)");
        }
        for (ReverseProxyProps.Target upstream : props.upstreams) {
            if (upstream.server() != null) {
                upstream.server().connections().allowFrom(this, Port.tcp(upstream.port()),
                        "Port " + upstream.port() + " from the reverse proxy " + id);
            }
        }
    }

    private static NginxConfig.Builder nginx(ReverseProxyProps props) {
        NginxConfig.Builder nginx = NginxConfig.builder()
                .serverName(props.serverName)
                .loadBalancing(props.loadBalancing)
                .clientMaxBodySizeMb(props.clientMaxBodySizeMb)
                .proxyConnectTimeoutSeconds(props.proxyConnectTimeoutSeconds)
                .proxyReadTimeoutSeconds(props.proxyReadTimeoutSeconds)
                .proxySendTimeoutSeconds(props.proxySendTimeoutSeconds);
        for (ReverseProxyProps.Target upstream : props.upstreams) {
            nginx.addUpstream(upstream.resolvedAddress(), upstream.port());
        }
        if (props.tlsCertificatePath != null || props.tlsKeyPath != null) {
            nginx.tls(props.tlsCertificatePath, props.tlsKeyPath);
        }
        return nginx;
    }

    private void checkSshFrom(ReverseProxyProps props) {
        if (Tokens.isListToken(props.sshFrom)) {
            return;
        }
        for (String cidr : props.sshFrom) {
            if (Tokens.containsReference(cidr)) {
                continue;
            }
            if (WORLD.contains(cidr)) {
                throw ValidationException.of(this, "sshFrom", cidr,
                        "expected the admins' addresses such as 203.0.113.7/32, not the whole internet;"
                                + " use a Bastion with allowSshFromAnywhere() if you really mean it");
            }
            if (Cidr.parse(cidr).isEmpty()) {
                throw ValidationException.of(this, "sshFrom", cidr,
                        "expected an IPv4 CIDR block such as 203.0.113.7/32");
            }
        }
        // Blocks that are each narrower than the world can still add up to it (0.0.0.0/1 + 128.0.0.0/1).
        CidrSet.describeInternet(props.sshFrom).ifPresent(world -> {
            throw ValidationException.of(this, "sshFrom", props.sshFrom,
                    "expected the admins' addresses such as 203.0.113.7/32, not the whole internet: " + world
                            + "; use a Bastion with allowSshFromAnywhere() if you really mean it");
        });
    }

    @Override
    public Connections connections() {
        return server.connections();
    }

    /** The host: its instance, role and security group. */
    public Server server() {
        return server;
    }

    /** The nginx settings, as rendered into the user data. */
    public NginxConfig nginxConfig() {
        return nginx;
    }

    /** The {@code aws_eip}, if the proxy has one. */
    public Optional<Resource> elasticIp() {
        return server.elasticIp();
    }

    /** The public IPv4 address to point DNS at: the Elastic IP's if there is one (a reference). */
    public String publicIp() {
        return server.publicIp();
    }

    /** The public DNS name (a reference). */
    public String publicDns() {
        return server.publicDns();
    }
}
