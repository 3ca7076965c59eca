package io.growstack.host;

import io.growstack.core.Ami;

/**
 * The machine settings of a props builder whose block runs EC2 (instance type, image, root volume,
 * key pair, CPU credits), written once here instead of in every props class. A builder implements
 * {@link #hostSettings()}; the setters fill the {@link HostSettings} its props compose.
 *
 * @param <B> the props builder, returned by every setter for chaining
 */
public interface MachineSetters<B extends MachineSetters<B>> {
    /** The host settings this builder fills, seeded with its block's defaults. */
    HostSettings.Builder hostSettings();

    /** The EC2 instance type; its architecture picks the default image. Default: the block's. */
    default B instanceType(String instanceType) {
        hostSettings().instanceType(instanceType);
        return self();
    }

    /**
     * An explicit image, whose architecture must match the instance type's. Default: the latest Amazon
     * Linux 2023 for the type's architecture, pinned in the context ({@code growstack:amis}) or read from SSM.
     */
    default B ami(Ami ami) {
        hostSettings().ami(ami);
        return self();
    }

    /** The root volume's size in GiB (encrypted gp3), 8..16384. Default: {@value HostSettings#DEFAULT_ROOT_VOLUME_GB}. */
    default B rootVolumeGb(int rootVolumeGb) {
        hostSettings().rootVolumeGb(rootVolumeGb);
        return self();
    }

    /** An existing EC2 key pair for SSH. Default: none (SSM Session Manager, EC2 Instance Connect). */
    default B keyName(String keyName) {
        hostSettings().keyName(keyName);
        return self();
    }

    /** {@code standard} or {@code unlimited} CPU credits on burstable (t) types. Default: {@value HostSettings#DEFAULT_CPU_CREDITS}. */
    default B cpuCredits(String cpuCredits) {
        hostSettings().cpuCredits(cpuCredits);
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
