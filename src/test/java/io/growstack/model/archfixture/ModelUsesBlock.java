package io.growstack.model.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class ModelUsesBlock {
    private ModelUsesBlock() {
    }

    /** the stack model knowing a block. */
    public static Object use() {
        return io.growstack.network.Port.tcp(443);
    }
}
