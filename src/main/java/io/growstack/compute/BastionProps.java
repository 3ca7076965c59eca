package io.growstack.compute;

import io.growstack.core.Ami;
import io.growstack.core.Args;
import io.growstack.network.INetwork;
import java.util.List;
import java.util.Objects;

/** Settings of a {@link Bastion}. Only the network is required. */
public final class BastionProps {
    /** The seed's bastion: the smallest x86 burstable instance. */
    public static final String DEFAULT_INSTANCE_TYPE = "t3.nano";

    final INetwork network;
    final String instanceType;
    final Ami ami;
    final SpotSettings spot;
    final List<String> sshCidrs;
    final boolean sshFromAnywhere;
    final String keyName;
    final boolean ssmSessionManager;
    final int subnetIndex;
    final boolean elasticIp;

    private BastionProps(Builder b) {
        this.network = Objects.requireNonNull(b.network, "network must not be null");
        this.instanceType = b.instanceType;
        this.ami = b.ami;
        this.spot = b.spot;
        this.sshCidrs = List.copyOf(b.sshCidrs);
        this.sshFromAnywhere = b.sshFromAnywhere;
        this.keyName = b.keyName;
        this.ssmSessionManager = b.ssmSessionManager;
        this.subnetIndex = b.subnetIndex;
        this.elasticIp = b.elasticIp;
    }

    /** A builder for a bastion in {@code network}'s public subnets. */
    public static Builder builder(INetwork network) {
        return new Builder(network);
    }

    /** Builds {@link BastionProps}. */
    public static final class Builder {
        private final INetwork network;
        private String instanceType = DEFAULT_INSTANCE_TYPE;
        private Ami ami;
        private SpotSettings spot = SpotSettings.oneTime();
        private List<String> sshCidrs = List.of();
        private boolean sshFromAnywhere;
        private String keyName;
        private boolean ssmSessionManager = true;
        private int subnetIndex;
        private boolean elasticIp;

        private Builder(INetwork network) {
            this.network = network;
        }

        /** The instance type. Default: t3.nano. */
        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        /** An explicit image. Default: the latest Amazon Linux 2023 from SSM. */
        public Builder ami(Ami ami) {
            this.ami = ami;
            return this;
        }

        /**
         * Spot settings. Default: {@link SpotSettings#oneTime()}, a one-time request that terminates on
         * interruption (the bastion keeps no state; the next apply replaces it) and ends with the instance.
         */
        public Builder spot(SpotSettings spot) {
            this.spot = Objects.requireNonNull(spot, "spot must not be null");
            return this;
        }

        /** Buy on-demand instead of spot. */
        public Builder onDemand() {
            this.spot = null;
            return this;
        }

        /**
         * CIDR blocks allowed to SSH (port 22): values such as {@code 203.0.113.7/32}, references, or
         * a Terraform list variable's value. Default: none — no port 22 at all (use SSM).
         */
        public Builder allowSshFrom(List<String> cidrs) {
            this.sshCidrs = Args.list(cidrs, "allowSshFrom");
            return this;
        }

        /** Opens SSH to 0.0.0.0/0. The security review flags this; prefer an allow-list or SSM. */
        public Builder allowSshFromAnywhere() {
            this.sshFromAnywhere = true;
            return this;
        }

        /** An existing EC2 key pair name. Default: none. */
        public Builder keyName(String keyName) {
            this.keyName = keyName;
            return this;
        }

        /** Whether SSM Session Manager can open a shell (no SSH needed). Default: true. */
        public Builder ssmSessionManager(boolean enabled) {
            this.ssmSessionManager = enabled;
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
