package io.growstack.compute;

import io.growstack.host.HostSetters;
import io.growstack.host.HostSettings;
import io.growstack.network.INetwork;
import java.util.Objects;

/**
 * What the props of every block that runs a growstack host in a network share: the network and one
 * {@link HostSettings} value, seeded with the block's defaults and filled by the {@link HostSetters}.
 */
public abstract class HostProps {
    final INetwork network;
    final HostSettings host;

    /** Takes the network and host settings from {@code builder}. */
    protected HostProps(Builder<?> builder) {
        this.network = Objects.requireNonNull(builder.network, "network must not be null");
        this.host = builder.host.build();
    }

    /** The network. */
    public INetwork network() {
        return network;
    }

    /** The host settings: instance type, image, root volume, key pair, credits, role, purchase, user data. */
    public HostSettings host() {
        return host;
    }

    /** The instance type (of {@link #host()}). */
    public String instanceType() {
        return host.instanceType();
    }

    /**
     * The part of every such props builder that holds the network and the host settings.
     *
     * @param <B> the concrete builder, returned by every setter for chaining
     */
    public abstract static class Builder<B extends Builder<B>> implements HostSetters<B> {
        private final INetwork network;
        private HostSettings.Builder host;

        /** A builder for a host in {@code network} with the block's {@code defaults}. */
        protected Builder(INetwork network, HostSettings.Builder defaults) {
            this.network = network;
            this.host = defaults;
        }

        /** A builder with the network and host settings of {@code props}. */
        protected Builder(HostProps props) {
            this(props.network, props.host.toBuilder());
        }

        @Override
        public final HostSettings.Builder hostSettings() {
            return host;
        }

        /** All host settings at once, replacing the block's defaults (for a block composed of another). */
        public B host(HostSettings settings) {
            this.host = Objects.requireNonNull(settings, "settings must not be null").toBuilder();
            @SuppressWarnings("unchecked")
            B self = (B) this;
            return self;
        }
    }
}
