package io.growstack.compute;

import io.growstack.core.Args;
import io.growstack.host.HostSettings;
import io.growstack.host.SpotSettings;
import io.growstack.network.INetwork;
import java.util.List;

/** Settings of a {@link Bastion}. Only the network is required; the host settings come from {@link io.growstack.host.HostSetters}. */
public final class BastionProps extends HostProps {
    /** The seed's bastion: the smallest x86 burstable instance. */
    public static final String DEFAULT_INSTANCE_TYPE = "t3.nano";

    final List<String> allowSshFrom;
    final boolean sshFromAnywhere;
    final int subnetIndex;
    final boolean elasticIp;

    private BastionProps(Builder b) {
        super(b);
        this.allowSshFrom = List.copyOf(b.allowSshFrom);
        this.sshFromAnywhere = b.sshFromAnywhere;
        this.subnetIndex = b.subnetIndex;
        this.elasticIp = b.elasticIp;
    }

    /**
     * A builder for a bastion in {@code network}'s public subnets: {@value #DEFAULT_INSTANCE_TYPE} bought as
     * spot ({@link SpotSettings#oneTime()}: the bastion keeps no state, the next apply replaces it, and the
     * request ends with the instance).
     */
    public static Builder builder(INetwork network) {
        return new Builder(network, HostSettings.builder(DEFAULT_INSTANCE_TYPE).spot(SpotSettings.oneTime()));
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(network, host.toBuilder());
        b.allowSshFrom = allowSshFrom;
        b.sshFromAnywhere = sshFromAnywhere;
        b.subnetIndex = subnetIndex;
        b.elasticIp = elasticIp;
        return b;
    }

    /** The CIDR blocks allowed to SSH; empty means no port 22 (the default). */
    public List<String> allowSshFrom() {
        return allowSshFrom;
    }

    /** Whether SSH is open to 0.0.0.0/0. Default: false. */
    public boolean sshFromAnywhere() {
        return sshFromAnywhere;
    }

    /** Which public subnet, from 0. Default: 0. */
    public int subnetIndex() {
        return subnetIndex;
    }

    /** Whether the bastion has an Elastic IP. Default: false. */
    public boolean elasticIp() {
        return elasticIp;
    }

    /** Builds {@link BastionProps}. */
    public static final class Builder extends HostProps.Builder<Builder> {
        private List<String> allowSshFrom = List.of();
        private boolean sshFromAnywhere;
        private int subnetIndex;
        private boolean elasticIp;

        private Builder(INetwork network, HostSettings.Builder host) {
            super(network, host);
        }

        /**
         * CIDR blocks allowed to SSH (port 22): values such as {@code 203.0.113.7/32}, references, or
         * a Terraform list variable's value. Default: none — no port 22 at all (use SSM).
         */
        public Builder allowSshFrom(List<String> cidrs) {
            this.allowSshFrom = Args.list(cidrs, "allowSshFrom");
            return this;
        }

        /** Opens SSH to 0.0.0.0/0. The security review flags this; prefer an allow-list or SSM. */
        public Builder allowSshFromAnywhere() {
            this.sshFromAnywhere = true;
            return this;
        }

        /** Which public subnet (availability zone). Default: 0. */
        public Builder subnetIndex(int subnetIndex) {
            this.subnetIndex = subnetIndex;
            return this;
        }

        /** A stable Elastic IP (billed like any public IPv4). Default: false. */
        public Builder elasticIp(boolean elasticIp) {
            this.elasticIp = elasticIp;
            return this;
        }

        /** The settings. */
        public BastionProps build() {
            return new BastionProps(this);
        }
    }
}
