package io.growstack.compute;

import io.growstack.core.Ami;
import io.growstack.core.Args;
import io.growstack.files.NginxConfig;
import io.growstack.network.INetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link ReverseProxy}. The network and at least one upstream are required.
 *
 * <p>Upstreams are collected here, before the proxy exists, because they are written into its user
 * data, which is fixed when the instance is created (see {@link ReverseProxy}).
 */
public final class ReverseProxyProps {
    /** The seed's lean version-3 proxy and bastion: a t3.micro. */
    public static final String DEFAULT_INSTANCE_TYPE = "t3.micro";

    /** One upstream: a server (wired through connections) or a bare address (not wired). */
    record Target(Server server, String address, int port) {
        String resolvedAddress() {
            return server != null ? server.privateIp() : address;
        }
    }

    final INetwork network;
    final List<Target> upstreams;
    final String instanceType;
    final Ami ami;
    final int subnetIndex;
    final boolean elasticIp;
    final String keyName;
    final boolean ssmSessionManager;
    final List<String> sshFrom;
    final String tlsCertificatePath;
    final String tlsKeyPath;
    final String serverName;
    final NginxConfig.LoadBalancing loadBalancing;
    final int clientMaxBodySizeMb;
    final int proxyConnectTimeoutSeconds;
    final int proxyReadTimeoutSeconds;
    final int proxySendTimeoutSeconds;

    private ReverseProxyProps(Builder b) {
        this.network = Objects.requireNonNull(b.network, "network must not be null");
        this.upstreams = List.copyOf(b.upstreams);
        this.instanceType = b.instanceType;
        this.ami = b.ami;
        this.subnetIndex = b.subnetIndex;
        this.elasticIp = b.elasticIp;
        this.keyName = b.keyName;
        this.ssmSessionManager = b.ssmSessionManager;
        this.sshFrom = List.copyOf(b.sshFrom);
        this.tlsCertificatePath = b.tlsCertificatePath;
        this.tlsKeyPath = b.tlsKeyPath;
        this.serverName = b.serverName;
        this.loadBalancing = b.loadBalancing;
        this.clientMaxBodySizeMb = b.clientMaxBodySizeMb;
        this.proxyConnectTimeoutSeconds = b.proxyConnectTimeoutSeconds;
        this.proxyReadTimeoutSeconds = b.proxyReadTimeoutSeconds;
        this.proxySendTimeoutSeconds = b.proxySendTimeoutSeconds;
    }

    /** A builder for a proxy in {@code network}'s public subnets. */
    public static Builder builder(INetwork network) {
        return new Builder(network);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(network);
        b.upstreams.addAll(upstreams);
        b.instanceType = instanceType;
        b.ami = ami;
        b.subnetIndex = subnetIndex;
        b.elasticIp = elasticIp;
        b.keyName = keyName;
        b.ssmSessionManager = ssmSessionManager;
        b.sshFrom = sshFrom;
        b.tlsCertificatePath = tlsCertificatePath;
        b.tlsKeyPath = tlsKeyPath;
        b.serverName = serverName;
        b.loadBalancing = loadBalancing;
        b.clientMaxBodySizeMb = clientMaxBodySizeMb;
        b.proxyConnectTimeoutSeconds = proxyConnectTimeoutSeconds;
        b.proxyReadTimeoutSeconds = proxyReadTimeoutSeconds;
        b.proxySendTimeoutSeconds = proxySendTimeoutSeconds;
        return b;
    }

    /** The network. */
    public INetwork network() {
        return network;
    }

    /** The instance type. Default: {@value #DEFAULT_INSTANCE_TYPE}. */
    public String instanceType() {
        return instanceType;
    }

    /** The CIDR blocks allowed to SSH; empty means no port 22 (the default). */
    public List<String> sshFrom() {
        return sshFrom;
    }

    /** Whether the proxy has an Elastic IP. Default: false. */
    public boolean elasticIp() {
        return elasticIp;
    }

    /** Builds {@link ReverseProxyProps}. */
    public static final class Builder {
        private final INetwork network;
        private final List<Target> upstreams = new ArrayList<>();
        private String instanceType = DEFAULT_INSTANCE_TYPE;
        private Ami ami;
        private int subnetIndex;
        private boolean elasticIp;
        private String keyName;
        private boolean ssmSessionManager = true;
        private List<String> sshFrom = List.of();
        private String tlsCertificatePath;
        private String tlsKeyPath;
        private String serverName = NginxConfig.DEFAULT_SERVER_NAME;
        private NginxConfig.LoadBalancing loadBalancing = NginxConfig.LoadBalancing.ROUND_ROBIN;
        private int clientMaxBodySizeMb = NginxConfig.DEFAULT_CLIENT_MAX_BODY_SIZE_MB;
        private int proxyConnectTimeoutSeconds = NginxConfig.DEFAULT_PROXY_CONNECT_TIMEOUT_SECONDS;
        private int proxyReadTimeoutSeconds = NginxConfig.DEFAULT_PROXY_READ_TIMEOUT_SECONDS;
        private int proxySendTimeoutSeconds = NginxConfig.DEFAULT_PROXY_SEND_TIMEOUT_SECONDS;

        private Builder(INetwork network) {
            this.network = network;
        }

        /**
         * Proxies to {@code server}'s private address on {@code port}, and opens that port on the
         * server to the proxy (ingress on the server's group, egress on the proxy's).
         */
        public Builder addUpstream(Server server, int port) {
            upstreams.add(new Target(Objects.requireNonNull(server, "server must not be null"), null, port));
            return this;
        }

        /**
         * Proxies to {@code address} (an IPv4 address, host name or Terraform reference) on
         * {@code port}. No security-group rule is written: open the port on that host yourself.
         */
        public Builder addUpstream(String address, int port) {
            upstreams.add(new Target(null, address, port));
            return this;
        }

        /** The instance type. Default: {@value #DEFAULT_INSTANCE_TYPE}. */
        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        /** An explicit image. Default: the latest Amazon Linux 2023 from SSM (AMI changes ignored). */
        public Builder ami(Ami ami) {
            this.ami = ami;
            return this;
        }

        /** Which public subnet (availability zone), from 0. Default: 0. */
        public Builder subnetIndex(int subnetIndex) {
            this.subnetIndex = subnetIndex;
            return this;
        }

        /**
         * A stable Elastic IP for DNS, kept when the proxy is replaced (a change of upstreams replaces
         * it). An attached Elastic IP costs the same as the public IPv4 address the proxy has anyway.
         * Default: false (the address changes when the proxy is replaced).
         */
        public Builder elasticIp(boolean elasticIp) {
            this.elasticIp = elasticIp;
            return this;
        }

        /** An existing EC2 key pair for SSH. Default: none (use SSM Session Manager). */
        public Builder keyName(String keyName) {
            this.keyName = keyName;
            return this;
        }

        /** Whether SSM Session Manager can open a shell (no SSH needed). Default: true. */
        public Builder ssmSessionManager(boolean enabled) {
            this.ssmSessionManager = enabled;
            return this;
        }

        /**
         * CIDR blocks allowed to SSH (port 22), as the seed's proxy doubles as the bastion: values
         * such as {@code 203.0.113.7/32}, references, or a Terraform list variable's value.
         * {@code 0.0.0.0/0} is rejected (a {@link Bastion} has an explicit switch for it).
         * Default: none, no port 22 at all.
         */
        public Builder sshFrom(List<String> cidrs) {
            this.sshFrom = Args.list(cidrs, "sshFrom");
            return this;
        }

        /**
         * Serves HTTPS on 443 with these files on the host and redirects port 80 to it. Both paths
         * are absolute; the files must exist when the proxy boots (baked into the image, for example),
         * or nginx does not start. Default: plain HTTP on 80.
         */
        public Builder tls(String certificatePath, String keyPath) {
            this.tlsCertificatePath = certificatePath;
            this.tlsKeyPath = keyPath;
            return this;
        }

        /** The host names nginx answers to. Default: {@code _} (any). */
        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return this;
        }

        /** How requests are spread over the upstreams. Default: round robin. */
        public Builder loadBalancing(NginxConfig.LoadBalancing loadBalancing) {
            this.loadBalancing = Objects.requireNonNull(loadBalancing, "loadBalancing must not be null");
            return this;
        }

        /** The largest request body in MiB, 0 for no limit. Default: 10. */
        public Builder clientMaxBodySizeMb(int sizeMb) {
            this.clientMaxBodySizeMb = sizeMb;
            return this;
        }

        /** How long to wait for an upstream to accept a connection, 1..75 s. Default: 5. */
        public Builder proxyConnectTimeoutSeconds(int seconds) {
            this.proxyConnectTimeoutSeconds = seconds;
            return this;
        }

        /** How long to wait between two reads from an upstream, 1..3600 s. Default: 60. */
        public Builder proxyReadTimeoutSeconds(int seconds) {
            this.proxyReadTimeoutSeconds = seconds;
            return this;
        }

        /** How long to wait between two writes to an upstream, 1..3600 s. Default: 60. */
        public Builder proxySendTimeoutSeconds(int seconds) {
            this.proxySendTimeoutSeconds = seconds;
            return this;
        }

        /** The settings; the proxy checks them when it is created. */
        public ReverseProxyProps build() {
            return new ReverseProxyProps(this);
        }
    }
}
