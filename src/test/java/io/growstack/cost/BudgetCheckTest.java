package io.growstack.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.cli.CostCommand;
import io.growstack.core.Synthesizer;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.budget.Budget;
import io.growstack.budget.BudgetProps;
import io.growstack.review.Review;
import io.growstack.testing.TestStacks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A budget below the stack's estimate alerts every month: the estimate and the review say so. The
 * stack is one single-AZ db.t4g.micro (0.025·730 + 20·0.131 + the $0.40 secret RDS keeps = $21.27).
 */
class BudgetCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DATABASE = 0.025 * 730 + 20 * 0.131 + 0.40;
    private static final String WARNING = "budget aws_budgets_budget.budget_budget: its limit $10.00 a month is"
            + " below the estimate of this stack, $21.27 a month as set, so it alerts every month; raise it (growstack:"
            + " BudgetProps.builder(...).limitAmountUsd(...), or leave it out to get the estimate; Terraform:"
            + " limit_amount) or cut the cost";

    private static JsonNode stack(String name, Long limit) {
        return TestStacks.synthStack(name, stack -> {
            Network network = new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.none()).build());
            new Database(stack, "db", DatabaseProps.builder(network).build());
            BudgetProps.Builder props = BudgetProps.builder("ops@example.com");
            new Budget(stack, "budget", limit == null ? props.build() : props.limitAmountUsd(limit).build());
        }).json();
    }

    @Test
    void aBudgetBelowTheEstimateIsAWarningOfTheEstimateAndANoteOfTheReview() {
        JsonNode json = stack("budget-below", 10L);
        CostEstimate estimate = CostEstimate.of(json, PriceBook.defaultBook(), Usage.none());
        assertThat(estimate.totals().asSet()).isCloseTo(DATABASE, org.assertj.core.api.Assertions.within(0.005));
        assertThat(estimate.warnings()).containsExactly(WARNING);
        assertThat(estimate.toTable()).contains("warning: " + WARNING);
        assertThat(Review.of(json, LocalDate.of(2026, 1, 15)).notes()).contains(WARNING);
        CostComponent budget = estimate.resource("aws_budgets_budget.budget_budget").orElseThrow().component("budget");
        assertThat(budget.asSet()).as("one of the account's two free budgets").isZero();
        assertThat(estimate.notPriced()).isEmpty();
    }

    @Test
    void theDefaultLimitIsTheEstimateRoundedUpAndDrawsNoWarning() {
        JsonNode json = stack("budget-default", null);
        assertThat(BudgetCheck.limits(json)).extracting(BudgetCheck.Limit::limitUsd).containsExactly(22.0);
        assertThat(CostEstimate.of(json, PriceBook.defaultBook(), Usage.none()).warnings()).isEmpty();
        assertThat(BudgetCheck.warnings(json)).isEmpty();
    }

    @Test
    void onlyUnfilteredMonthlyUsdCostBudgetsWithALiteralLimitAreJudged() throws Exception {
        JsonNode json = JSON.readTree("""
                {"resource": {"aws_budgets_budget": {
                  "judged": {"budget_type": "COST", "limit_amount": "150", "limit_unit": "USD", "time_unit": "MONTHLY"},
                  "variable": {"budget_type": "COST", "limit_amount": "${var.limit}", "limit_unit": "USD",
                               "time_unit": "MONTHLY"},
                  "filtered": {"budget_type": "COST", "limit_amount": "5", "limit_unit": "USD", "time_unit": "MONTHLY",
                               "cost_filter": [{"name": "TagKeyValue", "values": ["user:Environment$dev"]}]},
                  "yearly": {"budget_type": "COST", "limit_amount": "100", "limit_unit": "USD", "time_unit": "ANNUALLY"},
                  "usage": {"budget_type": "USAGE", "limit_amount": "3", "limit_unit": "GB", "time_unit": "MONTHLY"}}}}
                """);
        assertThat(BudgetCheck.limits(json)).containsExactly(new BudgetCheck.Limit("aws_budgets_budget.judged", 150));
        assertThat(BudgetCheck.warnings(json, 246.12, "v4")).singleElement().asString()
                .startsWith("budget aws_budgets_budget.judged: its limit $150.00 a month is below the estimate of v4,"
                        + " $246.12");
        assertThat(BudgetCheck.warnings(json, 150, "v4")).as("at the limit is not below it").isEmpty();
        // Five budgets: the account's first two are free, each further one is $0.02 a day.
        assertThat(CostEstimate.of(json, PriceBook.defaultBook(), Usage.none()).totals().asSet())
                .isCloseTo(3 * 0.02 * 730 / 24, org.assertj.core.api.Assertions.within(0.005));
    }

    @Test
    void anAccountBudgetInItsOwnStackIsJudgedAgainstTheStacksEstimatedTogether() {
        Path out = TestStacks.freshDir("budget-account");
        Synthesizer.synth(out, app -> {
            io.growstack.core.GrowStack account = TestStacks.stack(app, "account");
            new Budget(account, "budget", BudgetProps.builder("ops@example.com").limitAmountUsd(20).build());
            io.growstack.core.GrowStack dev = TestStacks.stack(app, "dev");
            Network network = new Network(dev, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.none()).build());
            new Database(dev, "db", DatabaseProps.builder(network).build());
        });
        StringWriter stdout = new StringWriter();
        CommandLine command = new CommandLine(new CostCommand());
        command.setOut(new PrintWriter(stdout, true));
        assertThat(command.execute("--out", out.toString())).isZero();
        assertThat(stdout.toString()).as("its own stack costs nothing: no warning there")
                .doesNotContain("below the estimate of this stack")
                .contains("warning: budget aws_budgets_budget.budget_budget: its limit $20.00 a month is below the"
                        + " estimate of the 2 stacks together, $21.27 a month as set");
    }
}
