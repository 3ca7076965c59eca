package io.growstack.compute;

import io.growstack.core.Args;
import io.growstack.host.HostSettings;
import io.growstack.network.INetwork;
import java.util.List;

/**
 * What the props of the entry hosts share, {@link Bastion} and {@link ReverseProxy}: a host in one of
 * the network's public subnets, optionally with an Elastic IP, that admits SSH only from an allow-list.
 */
public abstract class PublicHostProps extends HostProps {
    final int subnetIndex;
    final boolean elasticIp;
    final List<String> allowSshFrom;

    /** Takes the network, host settings, subnet, address and SSH allow-list from {@code builder}. */
    protected PublicHostProps(Builder<?> builder) {
        super(builder);
        this.subnetIndex = builder.subnetIndex;
        this.elasticIp = builder.elasticIp;
        this.allowSshFrom = List.copyOf(builder.allowSshFrom);
    }

    /** Which public subnet (availability zone), from 0. Default: 0. */
    public int subnetIndex() {
        return subnetIndex;
    }

    /** Whether the host has an Elastic IP. Default: false. */
    public boolean elasticIp() {
        return elasticIp;
    }

    /** The CIDR blocks allowed to SSH; empty means no port 22 (the default). */
    public List<String> allowSshFrom() {
        return allowSshFrom;
    }

    /**
     * The part of the entry hosts' props builders that places the host and admits SSH.
     *
     * @param <B> the concrete builder, returned by every setter for chaining
     */
    public abstract static class Builder<B extends Builder<B>> extends HostProps.Builder<B> {
        private int subnetIndex;
        private boolean elasticIp;
        private List<String> allowSshFrom = List.of();

        /** A builder for a host in {@code network} with the block's {@code defaults}. */
        protected Builder(INetwork network, HostSettings.Builder defaults) {
            super(network, defaults);
        }

        /** A builder with the settings of {@code props}. */
        protected Builder(PublicHostProps props) {
            super(props);
            this.subnetIndex = props.subnetIndex;
            this.elasticIp = props.elasticIp;
            this.allowSshFrom = props.allowSshFrom;
        }

        /** Which public subnet (availability zone), from 0. Default: 0. */
        public B subnetIndex(int subnetIndex) {
            this.subnetIndex = subnetIndex;
            return self();
        }

        /**
         * A stable Elastic IP, kept when the host is replaced, for DNS or an allow-list elsewhere. An
         * attached Elastic IP costs what the host's public IPv4 address costs anyway. Default: false.
         */
        public B elasticIp(boolean elasticIp) {
            this.elasticIp = elasticIp;
            return self();
        }

        /**
         * CIDR blocks allowed to SSH (port 22): values such as {@code 203.0.113.7/32}, references, or a
         * Terraform list variable's value; the whole internet is rejected. Default: none, no port 22 at
         * all (use SSM Session Manager).
         */
        public B allowSshFrom(List<String> cidrs) {
            this.allowSshFrom = Args.list(cidrs, "allowSshFrom");
            return self();
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }
    }
}
