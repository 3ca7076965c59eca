package io.growstack.review.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class ReviewUsesBudget {
    private ReviewUsesBudget() {
    }

    /** the review importing the budget block instead of reading the JSON. */
    public static Object use() {
        return io.growstack.budget.BudgetProps.DEFAULT_FORECASTED_THRESHOLDS_PERCENT;
    }
}
