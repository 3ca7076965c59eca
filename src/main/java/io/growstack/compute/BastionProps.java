package io.growstack.compute;

import io.growstack.core.Args;
import io.growstack.host.HostSettings;
import io.growstack.host.SpotSettings;
import io.growstack.network.INetwork;
import java.util.List;

/** Settings of a {@link Bastion}. Only the network is required; the host settings come from {@link io.growstack.host.HostSetters}. */
public final class BastionProps extends PublicHostProps {
    /** The seed's bastion: the smallest x86 burstable instance. */
    public static final String DEFAULT_INSTANCE_TYPE = "t3.nano";

    final boolean sshFromAnywhere;

    private BastionProps(Builder b) {
        super(b);
        this.sshFromAnywhere = b.sshFromAnywhere;
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
        return new Builder(this);
    }

    /** Whether SSH is open to 0.0.0.0/0. Default: false. */
    public boolean sshFromAnywhere() {
        return sshFromAnywhere;
    }

    /** Builds {@link BastionProps}. */
    public static final class Builder extends PublicHostProps.Builder<Builder> {
        private boolean sshFromAnywhere;

        private Builder(INetwork network, HostSettings.Builder host) {
            super(network, host);
        }

        private Builder(BastionProps props) {
            super(props);
            this.sshFromAnywhere = props.sshFromAnywhere;
        }

        /** Opens SSH to 0.0.0.0/0. The security review flags this; prefer an allow-list or SSM. */
        public Builder allowSshFromAnywhere() {
            this.sshFromAnywhere = true;
            return this;
        }

        /** The settings. */
        public BastionProps build() {
            return new BastionProps(this);
        }
    }
}
