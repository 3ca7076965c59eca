package io.growstack.review.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class ReviewUsesBlock {
    private ReviewUsesBlock() {
    }

    /** the review importing a block. */
    public static Object use() {
        return io.growstack.network.Port.tcp(443);
    }
}
