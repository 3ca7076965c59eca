package io.growstack.review.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<Limit> out = new ArrayList<>();
        stack.path("resource").path("aws_budgets_budget").fields().forEachRemaining(e -> {
            JsonNode body = e.getValue();
            String limit = StackJson.literal(body.path("limit_amount"));
            boolean cost = "COST".equals(StackJson.literal(body.path("budget_type")));
            boolean monthly = "MONTHLY".equals(StackJson.literal(body.path("time_unit")));
            boolean usd = "USD".equals(StackJson.literal(body.path("limit_unit")));
            boolean filtered = body.has("cost_filter") || body.has("cost_filters");
            if (limit != null && limit.matches("\\d+(\\.\\d+)?") && cost && monthly && usd && !filtered) {
                out.add(new Limit("aws_budgets_budget." + e.getKey(), Double.parseDouble(limit)));
            }
        });
        return out;
    }

    /**
     * A warning for each budget of {@code stack} whose limit is below {@code estimate} (the monthly cost
     * as set); {@code what} names what was estimated, such as {@code "this stack"}.
     */
    public static List<String> warnings(JsonNode stack, double estimate, String what) {
        List<String> out = new ArrayList<>();
        for (Limit limit : limits(stack)) {
            if (limit.limitUsd() < estimate) {
                out.add(String.format(Locale.ROOT, "budget %s: its limit $%,.2f a month is below the estimate of %s,"
                                + " $%,.2f a month as set, so it alerts every month; raise it (growstack:"
                                + " BudgetProps.builder(...).limitAmountUsd(...), or leave it out to get the estimate; Terraform: limit_amount)"
                                + " or cut the cost", limit.address(), limit.limitUsd(), what, estimate));
            }
        }
        return out;
    }

    /** The warnings for one stack against its own estimate with growstack's price book for its region. */
    public static List<String> warnings(JsonNode stack) {
        if (limits(stack).isEmpty()) {
            return List.of();
        }
        String region = new StackJson(stack).defaultRegion();
        CostEstimate estimate = CostEstimate.of(stack, PriceBook.forRegion(region != null ? region
                : PriceBook.DEFAULT_REGION), Usage.none());
        return warnings(stack, estimate.totals().asSet(), "this stack");
    }
}
