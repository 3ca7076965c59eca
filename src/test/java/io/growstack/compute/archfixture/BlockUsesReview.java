package io.growstack.compute.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class BlockUsesReview {
    private BlockUsesReview() {
    }

    /** a block reaching up into the review. */
    public static Object use() {
        return io.growstack.review.Severity.LOW;
    }
}
