package io.growstack.host;

import io.growstack.core.Ami;
import io.growstack.core.Args;
import java.util.List;
import java.util.Objects;

/**
 * The settings every EC2 host of a block shares: instance type, image, root volume, key pair, CPU
 * credits, instance role, purchase and user data. Each block's props compose one, seeded with that
 * block's defaults (its instance type, spot for the bastion), and offer its setters through
 * {@link MachineSetters} or {@link HostSetters}; {@link Host} checks it and turns it into launch settings.
 *
 * @param instanceType      the EC2 instance type, such as {@code t4g.micro}; its architecture picks the default image
 * @param ami               the explicit image; {@code null} means the latest Amazon Linux 2023 for the type's architecture
 * @param rootVolumeGb      the encrypted gp3 root volume's size in GiB (default {@value #DEFAULT_ROOT_VOLUME_GB})
 * @param keyName           the existing EC2 key pair for SSH; {@code null} (the default) means none
 * @param cpuCredits        the CPU credit mode of burstable types (default {@value #DEFAULT_CPU_CREDITS})
 * @param ssmSessionManager whether the instance role carries the SSM Session Manager policy (default true)
 * @param managedPolicyArns extra managed policies for the instance role (default none)
 * @param spot              spot purchase; {@code null} means on demand (the default, except the bastion's)
 * @param userData          user data as given; {@code null} (the default) means none
 */
public record HostSettings(String instanceType, Ami ami, int rootVolumeGb, String keyName, String cpuCredits,
                           boolean ssmSessionManager, List<String> managedPolicyArns, SpotSettings spot,
                           String userData) {
    /** Root volume: Amazon Linux 2023 needs 8 GiB. */
    public static final int DEFAULT_ROOT_VOLUME_GB = 8;
    /** Burstable types earn and spend credits; unlimited mode bills surplus credits on a long burst. */
    public static final String DEFAULT_CPU_CREDITS = "standard";

    /** Copies the policy list, so the value stays immutable. */
    public HostSettings {
        managedPolicyArns = Args.list(managedPolicyArns, "managedPolicyArns");
    }

    /** A builder with {@code instanceType} as the block's default type and the shared defaults for the rest. */
    public static Builder builder(String instanceType) {
        return new Builder(instanceType);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        return new Builder(instanceType).ami(ami).rootVolumeGb(rootVolumeGb).keyName(keyName).cpuCredits(cpuCredits)
                .ssmSessionManager(ssmSessionManager).managedPolicyArns(managedPolicyArns).spotOrOnDemand(spot)
                .userData(userData);
    }

    /** Builds {@link HostSettings}. */
    public static final class Builder {
        private String instanceType;
        private Ami ami;
        private int rootVolumeGb = DEFAULT_ROOT_VOLUME_GB;
        private String keyName;
        private String cpuCredits = DEFAULT_CPU_CREDITS;
        private boolean ssmSessionManager = true;
        private List<String> managedPolicyArns = List.of();
        private SpotSettings spot;
        private String userData;

        private Builder(String instanceType) {
            this.instanceType = instanceType;
        }

        /** The EC2 instance type; its architecture picks the default image. */
        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        /** An explicit image, whose architecture must match the type's. Default: Amazon Linux 2023 from SSM. */
        public Builder ami(Ami ami) {
            this.ami = ami;
            return this;
        }

        /** The root volume's size in GiB (encrypted gp3), 8..16384. Default: 8. */
        public Builder rootVolumeGb(int rootVolumeGb) {
            this.rootVolumeGb = rootVolumeGb;
            return this;
        }

        /** An existing EC2 key pair for SSH. Default: none (SSM Session Manager, EC2 Instance Connect). */
        public Builder keyName(String keyName) {
            this.keyName = keyName;
            return this;
        }

        /** {@code standard} or {@code unlimited} CPU credits on burstable (t) types. Default: standard. */
        public Builder cpuCredits(String cpuCredits) {
            this.cpuCredits = cpuCredits;
            return this;
        }

        /** Whether the instance role carries the SSM Session Manager policy. Default: true. */
        public Builder ssmSessionManager(boolean enabled) {
            this.ssmSessionManager = enabled;
            return this;
        }

        /** Extra managed policies for the instance role. Default: none. */
        public Builder managedPolicyArns(List<String> arns) {
            this.managedPolicyArns = Args.list(arns, "managedPolicyArns");
            return this;
        }

        /** Buy the instance as spot. */
        public Builder spot(SpotSettings spot) {
            this.spot = Objects.requireNonNull(spot, "spot must not be null (use onDemand())");
            return this;
        }

        /** Buy the instance on demand. */
        public Builder onDemand() {
            this.spot = null;
            return this;
        }

        /** User data: a {@code #!} script or {@code #cloud-config}, at most 16 KiB; may hold Terraform references. */
        public Builder userData(String userData) {
            this.userData = userData;
            return this;
        }

        private Builder spotOrOnDemand(SpotSettings spot) {
            this.spot = spot;
            return this;
        }

        /** The settings; {@link Host#of} checks them when the block is created. */
        public HostSettings build() {
            return new HostSettings(instanceType, ami, rootVolumeGb, keyName, cpuCredits, ssmSessionManager,
                    managedPolicyArns, spot, userData);
        }
    }
}
