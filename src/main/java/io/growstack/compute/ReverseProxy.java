package io.growstack.compute;

import io.growstack.core.ConstructPaths;
import io.growstack.core.Ids;
import io.growstack.core.Resource;
import io.growstack.core.ValidationException;
import io.growstack.files.NginxConfig;
import io.growstack.host.CloudConfig;
import io.growstack.host.Host;
import io.growstack.network.Connections;
import io.growstack.network.IConnectable;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The seed's version-3 entry host: nginx on a small instance in a public subnet, in front of
 * private API servers, doubling as the SSH bastion.
 *
 * <pre>{@code
 * Server api = new Server(stack, "api", ServerProps.builder(network).build());
 * ReverseProxy proxy = new ReverseProxy(stack, "proxy", ReverseProxyProps.builder(network)
 *         .addUpstream(api, 8080)
 *         .allowSshFrom(List.of("203.0.113.7/32"))
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
    /** SSH, open only to {@link ReverseProxyProps.Builder#allowSshFrom(java.util.List)}. */
    public static final Port SSH = Port.tcp(22);

    private final NginxConfig nginx;
    private final Server server;

    /** Where cloud-init writes the rendered nginx configuration. */
    static final String STAGED_PATH = "/etc/growstack/nginx.conf";
    /** The configuration nginx.service reads. */
    static final String LIVE_PATH = "/etc/nginx/nginx.conf";

    /** Creates the proxy; throws {@link ValidationException} for bad settings, before creating anything. */
    public ReverseProxy(Construct scope, String id, ReverseProxyProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        Host.of(this, "", props.host);
        Host.reject(this, "userData", props.host.userData(), props.host.userData() != null,
                "expected none: the proxy's user data is its nginx cloud-config (change nginx through nginx(...))");
        this.nginx = nginx(props).build(ConstructPaths.path(this));
        SshAllowList.check(this, props.allowSshFrom, "use a Bastion with allowSshFromAnywhere() if you really mean it");

        this.server = new Server(this, "host", ServerProps.builder(props.network)
                .host(props.host.toBuilder().userData(cloudConfig(nginx)).build())
                .label(id)
                .tier(SubnetTier.PUBLIC)
                .subnetIndex(props.subnetIndex)
                .associatePublicIp(true)
                .elasticIp(props.elasticIp)
                .userDataReplaceOnChange(true)
                .build());

        Connections connections = server.connections();
        connections.allowFromAnyIpv4(Port.tcp(nginx.httpPort()), "HTTP from the internet to the reverse proxy");
        if (nginx.isTls()) {
            connections.allowFromAnyIpv4(Port.tcp(nginx.httpsPort()), "HTTPS from the internet to the reverse proxy");
        }
        if (!props.allowSshFrom.isEmpty()) {
            connections.allowFromCidrs(props.allowSshFrom, SSH,
                    "SSH from the admin allow-list (the proxy is the bastion)");
        }
        for (ReverseProxyProps.Target upstream : props.upstreams) {
            if (upstream.server() != null) {
                upstream.server().connections().allowFrom(this, Port.tcp(upstream.port()),
                        "Port " + upstream.port() + " from the reverse proxy " + id);
            }
        }
    }

    private static NginxConfig.Builder nginx(ReverseProxyProps props) {
        NginxConfig.Builder nginx = NginxConfig.builder();
        for (ReverseProxyProps.Target upstream : props.upstreams) {
            nginx.addUpstream(upstream.resolvedAddress(), upstream.port());
        }
        props.nginx.forEach(customizer -> customizer.accept(nginx));
        return nginx;
    }

    /**
     * The user data: install nginx, put the rendered {@code nginx.conf} in place, test it, start nginx
     * and enable it at boot. The file is written to {@value #STAGED_PATH} and copied over
     * {@value #LIVE_PATH} in {@code runcmd}, which runs after cloud-init has installed the packages.
     * Writing {@code /etc/nginx/nginx.conf} directly would race the package: {@code write_files} runs
     * before package installation, and whether the package then keeps or replaces an existing file
     * depends on how it marks its configuration; {@code defer: true} depends on the image listing the
     * {@code write_files_deferred} module. The copy depends on neither.
     */
    static String cloudConfig(NginxConfig config) {
        return CloudConfig.builder()
                .comment("growstack ReverseProxy: nginx in front of private servers. Upstream addresses are")
                .comment("Terraform references, filled in when the proxy is created; new upstreams replace it.")
                .addPackage("nginx")
                .addFile(STAGED_PATH, "0644", config.render())
                .addCommand("install -m 0644 -o root -g root " + STAGED_PATH + " " + LIVE_PATH)
                .addCommand("nginx -t")
                .addCommand("systemctl enable --now nginx")
                .build()
                .render("the reverse proxy's cloud-config");
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
