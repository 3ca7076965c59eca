package io.growstack.compute;

import io.growstack.files.NginxConfig;
import io.growstack.host.HostSettings;
import io.growstack.network.INetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a {@link ReverseProxy}. The network and at least one upstream are required; the host
 * settings come from {@link io.growstack.host.HostSetters}, nginx's from {@link Builder#nginx(Consumer)}.
 *
 * <p>Upstreams are collected here, before the proxy exists, because they are written into its user
 * data, which is fixed when the instance is created (see {@link ReverseProxy}).
 */
public final class ReverseProxyProps extends PublicHostProps {
    /** The seed's lean version-3 proxy and bastion: a t3.micro. */
    public static final String DEFAULT_INSTANCE_TYPE = "t3.micro";

    /** One upstream: a server (wired through connections) or a bare address (not wired). */
    record Target(Server server, String address, int port) {
        String resolvedAddress() {
            return server != null ? server.privateIp() : address;
        }
    }

    final List<Target> upstreams;
    final List<Consumer<NginxConfig.Builder>> nginx;

    private ReverseProxyProps(Builder b) {
        super(b);
        this.upstreams = List.copyOf(b.upstreams);
        this.nginx = List.copyOf(b.nginx);
    }

    /** A builder for a proxy in {@code network}'s public subnets. */
    public static Builder builder(INetwork network) {
        return new Builder(network, HostSettings.builder(DEFAULT_INSTANCE_TYPE));
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link ReverseProxyProps}. */
    public static final class Builder extends PublicHostProps.Builder<Builder> {
        private final List<Target> upstreams = new ArrayList<>();
        private final List<Consumer<NginxConfig.Builder>> nginx = new ArrayList<>();

        private Builder(INetwork network, HostSettings.Builder host) {
            super(network, host);
        }

        private Builder(ReverseProxyProps props) {
            super(props);
            upstreams.addAll(props.upstreams);
            nginx.addAll(props.nginx);
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

        /**
         * Changes nginx's settings ({@link NginxConfig.Builder}: TLS, server name, load balancing, body
         * size, timeouts), applied after the upstreams are added; calls add up in order. Default: the
         * {@link NginxConfig} defaults, plain HTTP on 80.
         */
        public Builder nginx(Consumer<NginxConfig.Builder> customizer) {
            nginx.add(Objects.requireNonNull(customizer, "customizer must not be null"));
            return this;
        }

        /** The settings; the proxy checks them when it is created. */
        public ReverseProxyProps build() {
            return new ReverseProxyProps(this);
        }
    }
}
