package io.growstack.budget.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class BudgetUsesReview {
    private BudgetUsesReview() {
    }

    /** the budget block reaching up into the review. */
    public static Object use() {
        return io.growstack.review.Severity.LOW;
    }
}
