package io.growstack.network;

import io.growstack.core.Ami;

/**
 * Settings of the NAT instances built by {@link NatProvider#instance(NatInstanceProps)},
 * {@link NatProvider#instancePerAz(NatInstanceProps)} and {@link NatProvider#plainInstance(NatInstanceProps)}.
 */
public final class NatInstanceProps {
    /** The seed's NAT host: about a tenth of a NAT gateway's hourly price. */
    public static final String DEFAULT_INSTANCE_TYPE = "t3.nano";
    /** Root volume size; Amazon Linux 2023 images need 8 GiB. */
    public static final int DEFAULT_ROOT_VOLUME_GB = 8;

    private final String instanceType;
    private final Ami ami;
    private final int rootVolumeGb;

    private NatInstanceProps(Builder builder) {
        this.instanceType = builder.instanceType;
        this.ami = builder.ami;
        this.rootVolumeGb = builder.rootVolumeGb;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The EC2 instance type. Default: {@value #DEFAULT_INSTANCE_TYPE}. */
    public String instanceType() {
        return instanceType;
    }

    /** The image; {@code null} means the latest Amazon Linux 2023 for the type's architecture (from SSM). */
    public Ami ami() {
        return ami;
    }

    /** Root volume size in GiB. Default: {@value #DEFAULT_ROOT_VOLUME_GB}. */
    public int rootVolumeGb() {
        return rootVolumeGb;
    }

    /** Builds {@link NatInstanceProps}. */
    public static final class Builder {
        private String instanceType = DEFAULT_INSTANCE_TYPE;
        private Ami ami;
        private int rootVolumeGb = DEFAULT_ROOT_VOLUME_GB;

        private Builder() {
        }

        /** The EC2 instance type. Default: t3.nano. */
        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        /** An explicit image, for an offline plan or a pinned host. Default: Amazon Linux 2023 from SSM. */
        public Builder ami(Ami ami) {
            this.ami = ami;
            return this;
        }

        /** Root volume size in GiB. Default: 8. */
        public Builder rootVolumeGb(int rootVolumeGb) {
            this.rootVolumeGb = rootVolumeGb;
            return this;
        }

        /** The settings. */
        public NatInstanceProps build() {
            return new NatInstanceProps(this);
        }
    }
}
