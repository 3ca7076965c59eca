package io.growstack.modules;

import io.growstack.budget.Budget;
import io.growstack.budget.BudgetProps;
import io.growstack.core.Variable;
import java.math.BigDecimal;

/** The monthly AWS Budgets cost budget with its email alerts. */
final class BudgetModule implements ModuleDefinition {
    /** The budget's construct id, so the name is {@code <project>-<environment>-budget} as Java names it. */
    static final String ID = "budget";
    /**
     * The limit the block is built with, standing for {@code var.limit_amount_usd}: a valid amount
     * no real stack's estimate would round up to, so it occurs nowhere else.
     */
    private static final BigDecimal LIMIT = new BigDecimal("987654.32");

    @Override
    public String name() {
        return "budget";
    }

    @Override
    public String summary() {
        return "A monthly AWS Budgets cost budget of `limit_amount_usd` that emails `emails` when the month's actual"
                + " spend passes " + percents(BudgetProps.DEFAULT_ACTUAL_THRESHOLDS_PERCENT) + " % of the limit and"
                + " when its forecast passes " + percents(BudgetProps.DEFAULT_FORECASTED_THRESHOLDS_PERCENT) + " %.";
    }

    @Override
    public String design() {
        return "`limit_amount_usd` is required and has no default: the Java block defaults it to the stack's"
                + " monthly estimate, which prices the whole Java stack from growstack's price book, and a module"
                + " sees none of the resources beside it. Pass what `growstack cost` says of the synthesized stack"
                + " (or your bill), rounded up. It is validated as the Java API validates it: above 0, at most two"
                + " decimals. `emails` takes 1 to " + Budget.MAX_EMAILS + " addresses, each once, matching the Java"
                + " API's address pattern. The budget has no cost filter, so it watches the whole account, as the"
                + " Java block's does: one per account is enough. Other thresholds, `budgetName`, usage and the price"
                + " book are Java only.";
    }

    @Override
    public void define(ModuleContext module) {
        module.variable(Variable.builder("limit_amount_usd", "number")
                .description("The monthly limit in USD, such as 50 (the Java block defaults it to the stack's cost"
                        + " estimate; a module cannot price what is beside it)")
                .validation("var.limit_amount_usd > 0 && can(regex(\"^[0-9]+(\\\\.[0-9]{1,2})?$\","
                                + " tostring(var.limit_amount_usd)))",
                        "limit_amount_usd must be a positive amount in USD with at most two decimals, such as 50."));
        module.substituteWhole(LIMIT.toPlainString(), "var.limit_amount_usd");
        Variable emails = module.variable(Variable.builder("emails", "list(string)")
                .description("Email addresses that get the alerts, such as [\"ops@example.com\"]")
                .validation("length(var.emails) >= 1 && length(var.emails) <= " + Budget.MAX_EMAILS,
                        "emails must hold 1 to " + Budget.MAX_EMAILS + " addresses (AWS's limit per notification).")
                .validation("alltrue([for e in var.emails : length(e) <= " + Budget.MAX_EMAIL_LENGTH
                                + " && can(regex(\"^" + hclString(Budget.EMAIL_PATTERN) + "$\", e))])",
                        "Each entry of emails must be an email address such as ops@example.com.")
                .validation("length(distinct(var.emails)) == length(var.emails)",
                        "emails must name each address once."));
        Budget budget = new Budget(module.stack(), ID, BudgetProps.builder(emails.listRef())
                .limitAmountUsd(LIMIT).build());
        module.output("budget_name", budget.budget().attr("name"), "Name of the budget, unique in the account");
        module.output("budget_id", budget.budget().attr("id"), "Id of the budget (account id:budget name)");
    }

    // An HCL string literal reads a backslash as an escape, so the pattern's own backslashes are doubled.
    private static String hclString(String pattern) {
        return pattern.replace("\\", "\\\\");
    }

    private static String percents(java.util.List<Double> percents) {
        return String.join(" and ", percents.stream().map(p -> BigDecimal.valueOf(p).stripTrailingZeros()
                .toPlainString()).toList());
    }
}
