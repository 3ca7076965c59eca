package io.growstack.compute;

import io.growstack.core.Ami;
import io.growstack.core.Args;
import io.growstack.network.INetwork;
import io.growstack.network.SubnetTier;
import java.util.List;
import java.util.Objects;

/** Settings of a {@link Server}. Only the network is required. */
public final class ServerProps {
    /** Graviton, the seed's API host size. */
    public static final String DEFAULT_INSTANCE_TYPE = "t4g.micro";
    /** Root volume: Amazon Linux 2023 needs 8 GiB. */
    public static final int DEFAULT_ROOT_VOLUME_GB = 8;

    final INetwork network;
    final SubnetTier tier;
    final int subnetIndex;
    final String instanceType;
    final Ami ami;
    final String userData;
    final int rootVolumeGb;
    final Boolean associatePublicIp;
    final boolean elasticIp;
    final String keyName;
    final boolean ssmSessionManager;
    final List<String> managedPolicyArns;
    final SpotSettings spot;
    final boolean ignoreAmiChanges;
    final boolean allowAllOutbound;
    final String label;
    final boolean userDataReplaceOnChange;

    private ServerProps(Builder b) {
        this.network = Objects.requireNonNull(b.network, "network must not be null");
        this.tier = b.tier;
        this.subnetIndex = b.subnetIndex;
        this.instanceType = b.instanceType;
        this.ami = b.ami;
        this.userData = b.userData;
        this.rootVolumeGb = b.rootVolumeGb;
        this.associatePublicIp = b.associatePublicIp;
        this.elasticIp = b.elasticIp;
        this.keyName = b.keyName;
        this.ssmSessionManager = b.ssmSessionManager;
        this.managedPolicyArns = List.copyOf(b.managedPolicyArns);
        this.spot = b.spot;
        this.ignoreAmiChanges = b.ignoreAmiChanges;
        this.allowAllOutbound = b.allowAllOutbound;
        this.label = b.label;
        this.userDataReplaceOnChange = b.userDataReplaceOnChange;
    }

    /** A builder for a server in {@code network}. */
    public static Builder builder(INetwork network) {
        return new Builder(network);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(network);
        b.tier = tier;
        b.subnetIndex = subnetIndex;
        b.instanceType = instanceType;
        b.ami = ami;
        b.userData = userData;
        b.rootVolumeGb = rootVolumeGb;
        b.associatePublicIp = associatePublicIp;
        b.elasticIp = elasticIp;
        b.keyName = keyName;
        b.ssmSessionManager = ssmSessionManager;
        b.managedPolicyArns = managedPolicyArns;
        b.spot = spot;
        b.ignoreAmiChanges = ignoreAmiChanges;
        b.allowAllOutbound = allowAllOutbound;
        b.label = label;
        b.userDataReplaceOnChange = userDataReplaceOnChange;
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

    /** The subnet tier. Default: private. */
    public SubnetTier tier() {
        return tier;
    }

    /** Spot purchase settings; {@code null} means on-demand (the default). */
    public SpotSettings spot() {
        return spot;
    }

    /** Builds {@link ServerProps}. */
    public static final class Builder {
        private final INetwork network;
        private SubnetTier tier = SubnetTier.PRIVATE;
        private int subnetIndex;
        private String instanceType = DEFAULT_INSTANCE_TYPE;
        private Ami ami;
        private String userData;
        private int rootVolumeGb = DEFAULT_ROOT_VOLUME_GB;
        private Boolean associatePublicIp;
        private boolean elasticIp;
        private String keyName;
        private boolean ssmSessionManager = true;
        private List<String> managedPolicyArns = List.of();
        private SpotSettings spot;
        private boolean ignoreAmiChanges = true;
        private boolean allowAllOutbound = true;
        private String label;
        private boolean userDataReplaceOnChange;

        private Builder(INetwork network) {
            this.network = network;
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

        /** The instance type. Default: t4g.micro. */
        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        /** An explicit image. Default: the latest Amazon Linux 2023 for the type's architecture, from SSM. */
        public Builder ami(Ami ami) {
            this.ami = ami;
            return this;
        }

        /** User data: a {@code #!} script or {@code #cloud-config}; may hold Terraform references. */
        public Builder userData(String userData) {
            this.userData = userData;
            return this;
        }

        /** Root volume size in GiB (encrypted gp3). Default: 8. */
        public Builder rootVolumeGb(int rootVolumeGb) {
            this.rootVolumeGb = rootVolumeGb;
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

        /** An existing EC2 key pair for SSH. Default: none (use SSM Session Manager). */
        public Builder keyName(String keyName) {
            this.keyName = keyName;
            return this;
        }

        /** Whether the role carries the SSM Session Manager policy. Default: true. */
        public Builder ssmSessionManager(boolean enabled) {
            this.ssmSessionManager = enabled;
            return this;
        }

        /** Extra managed policies for the instance role. Default: none. */
        public Builder managedPolicyArns(List<String> arns) {
            this.managedPolicyArns = Args.list(arns, "managedPolicyArns");
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

        /** Buy the instance as spot. Default: on-demand. */
        public Builder spot(SpotSettings spot) {
            this.spot = spot;
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
