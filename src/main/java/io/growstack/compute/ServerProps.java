package io.growstack.compute;

import io.growstack.host.HostSettings;
import io.growstack.network.INetwork;
import io.growstack.network.SubnetTier;
import java.util.Objects;

/** Settings of a {@link Server}. Only the network is required; the host settings come from {@link io.growstack.host.HostSetters}. */
public final class ServerProps extends HostProps {
    /** Graviton, the seed's API host size. */
    public static final String DEFAULT_INSTANCE_TYPE = "t4g.micro";
    /** Root volume: Amazon Linux 2023 needs 8 GiB. */
    public static final int DEFAULT_ROOT_VOLUME_GB = HostSettings.DEFAULT_ROOT_VOLUME_GB;

    final SubnetTier tier;
    final int subnetIndex;
    final Boolean associatePublicIp;
    final boolean elasticIp;
    final boolean ignoreAmiChanges;
    final boolean allowAllOutbound;
    final String label;
    final boolean userDataReplaceOnChange;

    private ServerProps(Builder b) {
        super(b);
        this.tier = b.tier;
        this.subnetIndex = b.subnetIndex;
        this.associatePublicIp = b.associatePublicIp;
        this.elasticIp = b.elasticIp;
        this.ignoreAmiChanges = b.ignoreAmiChanges;
        this.allowAllOutbound = b.allowAllOutbound;
        this.label = b.label;
        this.userDataReplaceOnChange = b.userDataReplaceOnChange;
    }

    /** A builder for a server in {@code network}. */
    public static Builder builder(INetwork network) {
        return new Builder(network, HostSettings.builder(DEFAULT_INSTANCE_TYPE));
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Spot purchase settings; {@code null} means on-demand (the default). */
    public io.growstack.host.SpotSettings spot() {
        return host.spot();
    }

    /** The subnet tier. Default: private. */
    public SubnetTier tier() {
        return tier;
    }

    /** Which of the tier's subnets, from 0. Default: 0. */
    public int subnetIndex() {
        return subnetIndex;
    }

    /** Whether the instance gets a public IPv4 address; {@code null} means only in a public subnet (the default). */
    public Boolean associatePublicIp() {
        return associatePublicIp;
    }

    /** Whether an Elastic IP is attached. Default: false. */
    public boolean elasticIp() {
        return elasticIp;
    }

    /** Whether a new AMI leaves the instance alone. Default: true. */
    public boolean ignoreAmiChanges() {
        return ignoreAmiChanges;
    }

    /** Whether the security group allows all egress. Default: true. */
    public boolean allowAllOutbound() {
        return allowAllOutbound;
    }

    /** The name a composing block gives the host; {@code null} means the construct id (the default). */
    public String label() {
        return label;
    }

    /** Whether a change of user data replaces the instance. Default: false. */
    public boolean userDataReplaceOnChange() {
        return userDataReplaceOnChange;
    }

    /** Builds {@link ServerProps}. */
    public static final class Builder extends HostProps.Builder<Builder> {
        private SubnetTier tier = SubnetTier.PRIVATE;
        private int subnetIndex;
        private Boolean associatePublicIp;
        private boolean elasticIp;
        private boolean ignoreAmiChanges = true;
        private boolean allowAllOutbound = true;
        private String label;
        private boolean userDataReplaceOnChange;

        private Builder(INetwork network, HostSettings.Builder host) {
            super(network, host);
        }

        private Builder(ServerProps props) {
            super(props);
            this.tier = props.tier;
            this.subnetIndex = props.subnetIndex;
            this.associatePublicIp = props.associatePublicIp;
            this.elasticIp = props.elasticIp;
            this.ignoreAmiChanges = props.ignoreAmiChanges;
            this.allowAllOutbound = props.allowAllOutbound;
            this.label = props.label;
            this.userDataReplaceOnChange = props.userDataReplaceOnChange;
        }

        /** The subnet tier. Default: private. */
        public Builder tier(SubnetTier tier) {
            this.tier = Objects.requireNonNull(tier, "tier must not be null");
            return this;
        }

        /** Which of the tier's subnets (availability zone), from 0. Default: 0. */
        public Builder subnetIndex(int subnetIndex) {
            this.subnetIndex = subnetIndex;
            return this;
        }

        /** Whether to give the instance a public IPv4 address. Default: yes in a public subnet, no in a private one. */
        public Builder associatePublicIp(boolean associatePublicIp) {
            this.associatePublicIp = associatePublicIp;
            return this;
        }

        /** Attach an Elastic IP (a stable public address; public tier only). Default: false. */
        public Builder elasticIp(boolean elasticIp) {
            this.elasticIp = elasticIp;
            return this;
        }

        /**
         * Whether a change of user data replaces the instance. An in-place change stops and starts it
         * but cloud-init does not run again, so configuration written at boot would go stale.
         * Default: false (user data changes are applied in place).
         */
        public Builder userDataReplaceOnChange(boolean replace) {
            this.userDataReplaceOnChange = replace;
            return this;
        }

        /** Whether a new AMI leaves the instance alone. Default: true (no surprise replacement). */
        public Builder ignoreAmiChanges(boolean ignore) {
            this.ignoreAmiChanges = ignore;
            return this;
        }

        /** Whether the group allows all egress (package repositories, SSM, S3). Default: true. */
        public Builder allowAllOutbound(boolean allow) {
            this.allowAllOutbound = allow;
            return this;
        }

        /**
         * The name a composing block gives the host (for example {@code bastion}): it names the
         * security group, the role and rule ids on peers. Default: the server's construct id.
         */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** The settings. */
        public ServerProps build() {
            return new ServerProps(this);
        }
    }
}
