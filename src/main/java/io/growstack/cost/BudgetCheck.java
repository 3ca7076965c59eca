package io.growstack.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a stack's AWS Budgets cost budgets leave room for what the stack is estimated to cost: a
 * monthly budget below the estimate alerts every month, so an alarm nobody heeds. Only unfiltered,
 * monthly, USD cost budgets with a literal limit are judged (a filtered one watches part of the bill,
 * a variable's limit is unknown). {@code growstack cost}, {@code growstack review} and the synth
 * summary print these warnings.
 */
public final class BudgetCheck {
    /** One budget the check can judge: its address and monthly limit in USD. */
    public record Limit(String address, double limitUsd) {
    }

    private BudgetCheck() {
    }

    /** The judgeable budgets of a parsed {@code cdk.tf.json}, in file order. */
    public static List<Limit> limits(JsonNode stack) {
        return limits(StackModel.of(stack));
    }

    /** The judgeable budgets of {@code stack}, in file order. */
    public static List<Limit> limits(StackModel stack) {
        List<Limit> out = new ArrayList<>();
        for (StackModel.Item budget : stack.all("aws_budgets_budget")) {
            String limit = Values.text(budget.get("limit_amount"));
            boolean cost = "COST".equals(Values.text(budget.get("budget_type")));
            boolean monthly = "MONTHLY".equals(Values.text(budget.get("time_unit")));
            boolean usd = "USD".equals(Values.text(budget.get("limit_unit")));
            boolean filtered = budget.body().has("cost_filter") || budget.body().has("cost_filters");
            if (limit != null && limit.matches("\\d+(\\.\\d+)?") && cost && monthly && usd && !filtered) {
                out.add(new Limit(budget.address(), Double.parseDouble(limit)));
            }
        }
        return out;
    }

    /**
     * A warning for each budget of {@code stack} whose limit is below {@code estimate} (the monthly cost
     * as set); {@code what} names what was estimated, such as {@code "this stack"}.
     */
    public static List<String> warnings(JsonNode stack, double estimate, String what) {
        return warnings(StackModel.of(stack), estimate, what);
    }

    /** As {@link #warnings(JsonNode, double, String)}, for a stack model. */
    public static List<String> warnings(StackModel stack, double estimate, String what) {
        List<String> out = new ArrayList<>();
        for (Limit limit : limits(stack)) {
            if (limit.limitUsd() < estimate) {
                out.add("budget " + limit.address() + ": its limit " + Money.monthly(limit.limitUsd())
                        + " a month is below the estimate of " + what + ", " + Money.monthly(estimate)
                        + " a month as set, so it alerts every month; raise it (growstack:"
                        + " BudgetProps.builder(...).limitAmountUsd(...), or leave it out to get the estimate;"
                        + " Terraform: limit_amount) or cut the cost");
            }
        }
        return out;
    }

    /** The warnings for one stack against its own estimate with growstack's price book for its region. */
    public static List<String> warnings(JsonNode stack) {
        return warnings(StackModel.of(stack));
    }

    /** As {@link #warnings(JsonNode)}, for a stack model. */
    public static List<String> warnings(StackModel stack) {
        if (limits(stack).isEmpty()) {
            return List.of();
        }
        CostEstimate estimate = CostEstimate.of(stack, PriceBook.forStack(stack), Usage.none(), CostOptions.defaults());
        return warnings(stack, estimate.totals().asSet(), "this stack");
    }
}
