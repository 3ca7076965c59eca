package io.growstack.network;

import io.growstack.core.Ami;
import io.growstack.host.HostSettings;
import io.growstack.host.MachineSetters;

/**
 * Settings of the NAT instances built by {@link NatProvider#instance(NatInstanceProps)},
 * {@link NatProvider#instancePerAz(NatInstanceProps)} and {@link NatProvider#plainInstance(NatInstanceProps)}:
 * the machine settings of {@link MachineSetters} (the NAT's role, purchase and user data are its own).
 */
public final class NatInstanceProps {
    /** The seed's NAT host: about a tenth of a NAT gateway's hourly price. */
    public static final String DEFAULT_INSTANCE_TYPE = "t3.nano";
    /** Root volume size; Amazon Linux 2023 images need 8 GiB. */
    public static final int DEFAULT_ROOT_VOLUME_GB = HostSettings.DEFAULT_ROOT_VOLUME_GB;

    private final HostSettings host;

    private NatInstanceProps(Builder builder) {
        this.host = builder.host.build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The host settings: type, image, root volume, key pair and CPU credits. */
    public HostSettings host() {
        return host;
    }

    /** The EC2 instance type. Default: {@value #DEFAULT_INSTANCE_TYPE}. */
    public String instanceType() {
        return host.instanceType();
    }

    /** The image; {@code null} means the latest Amazon Linux 2023 for the type's architecture (from SSM). */
    public Ami ami() {
        return host.ami();
    }

    /** Root volume size in GiB. Default: {@value #DEFAULT_ROOT_VOLUME_GB}. */
    public int rootVolumeGb() {
        return host.rootVolumeGb();
    }

    /** Builds {@link NatInstanceProps}. */
    public static final class Builder implements MachineSetters<Builder> {
        // The NAT role is its own (it attaches the interface); no SSM Session Manager on it.
        private final HostSettings.Builder host = HostSettings.builder(DEFAULT_INSTANCE_TYPE).ssmSessionManager(false);

        private Builder() {
        }

        @Override
        public HostSettings.Builder hostSettings() {
            return host;
        }

        /** The settings. */
        public NatInstanceProps build() {
            return new NatInstanceProps(this);
        }
    }
}
