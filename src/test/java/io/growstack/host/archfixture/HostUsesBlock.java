package io.growstack.host.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class HostUsesBlock {
    private HostUsesBlock() {
    }

    /** The host layer importing a block (the network, which sits above it). */
    public static Object use() {
        return io.growstack.network.Port.tcp(22);
    }
}
