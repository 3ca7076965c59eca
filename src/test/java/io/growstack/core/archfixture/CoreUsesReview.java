package io.growstack.core.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class CoreUsesReview {
    private CoreUsesReview() {
    }

    /** core reaching up into the review. */
    public static Object use() {
        return io.growstack.review.Severity.HIGH;
    }
}
