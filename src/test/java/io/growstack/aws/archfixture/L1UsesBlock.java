package io.growstack.aws.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class L1UsesBlock {
    private L1UsesBlock() {
    }

    /** the typed L1 reaching up into a block. */
    public static Object use() {
        return io.growstack.network.Port.tcp(22);
    }
}
