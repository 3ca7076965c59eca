package io.growstack.cost.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class CostUsesBudget {
    private CostUsesBudget() {
    }

    /** the estimator reaching up into the budget block that asks it. */
    public static Object use() {
        return io.growstack.budget.BudgetProps.DEFAULT_ACTUAL_THRESHOLDS_PERCENT;
    }
}
