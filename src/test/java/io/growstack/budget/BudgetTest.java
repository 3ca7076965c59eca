package io.growstack.budget;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.GrowStack;
import io.growstack.aws.Eip;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.cost.CostEstimate;
import io.growstack.cost.PriceBook;
import io.growstack.cost.Usage;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetTest {
    private static final String OPS = "ops@example.com";

    private static Network natInstanceNetwork(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.plainInstance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build());
    }

    private static Network freeNetwork(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    @Test
    void anExplicitLimitWithTheDefaultAlertsAt80PercentActualAnd100PercentForecast() {
        Synthesized s = TestStacks.synthStack("budget-explicit", stack -> {
            freeNetwork(stack);
            new Budget(stack, "budget", BudgetProps.builder(List.of(OPS, "cto@example.com"))
                    .limitAmountUsd(new BigDecimal("50.00")).build());
        });
        JsonNode budget = s.resource("aws_budgets_budget", "budget_budget");
        assertThat(budget.path("name").asText()).isEqualTo("test-dev-budget");
        assertThat(budget.path("budget_type").asText()).isEqualTo("COST");
        assertThat(budget.path("limit_amount").asText()).isEqualTo("50");
        assertThat(budget.path("limit_unit").asText()).isEqualTo("USD");
        assertThat(budget.path("time_unit").asText()).isEqualTo("MONTHLY");
        JsonNode notifications = budget.path("notification");
        assertThat(notifications).hasSize(2);
        assertThat(notifications.get(0).path("notification_type").asText()).isEqualTo("ACTUAL");
        assertThat(notifications.get(0).path("threshold").asDouble()).isEqualTo(80.0);
        assertThat(notifications.get(0).path("threshold_type").asText()).isEqualTo("PERCENTAGE");
        assertThat(notifications.get(0).path("comparison_operator").asText()).isEqualTo("GREATER_THAN");
        assertThat(notifications.get(0).path("subscriber_email_addresses").toString())
                .isEqualTo("[\"ops@example.com\",\"cto@example.com\"]");
        assertThat(notifications.get(1).path("notification_type").asText()).isEqualTo("FORECASTED");
        assertThat(notifications.get(1).path("threshold").asDouble()).isEqualTo(100.0);
        assertThat(notifications.get(1).has("subscriber_sns_topic_arns")).isFalse();
        ProviderSchema.aws6().assertValid(s.json());
    }

    @Test
    void theDefaultLimitPricesEachResourceAsItIsSynthesizedCountAndOverridesIncluded() {
        Synthesized s = TestStacks.synthStack("budget-rendered", stack -> {
            freeNetwork(stack);
            // Three addresses by count and two more by an override: growstack cost prices them from the
            // synthesized JSON, and so must the budget's estimate (arguments alone would be two addresses).
            new Resource(stack, "addresses", new Eip("vpc", null, null, null), ResourceOptions.count(3));
            new Resource(stack, "standby", new Eip("vpc", null, null, null)).addOverride("count", 2);
            new Budget(stack, "budget", BudgetProps.builder(OPS).build());
        });
        double fiveAddresses = 5 * 0.005 * 730;
        assertThat(CostEstimate.of(s.json(), PriceBook.defaultBook(), Usage.none()).totals().asSet())
                .isCloseTo(fiveAddresses, within(0.001));
        assertThat(s.resource("aws_budgets_budget", "budget_budget").path("limit_amount").asText()).isEqualTo("19");
    }

    @Test
    void withoutALimitTheBudgetIsTheStacksEstimateRoundedUpIncludingResourcesAddedAfterIt() {
        Synthesized s = TestStacks.synthStack("budget-estimate", stack -> {
            Network network = natInstanceNetwork(stack);
            new Budget(stack, "budget", BudgetProps.builder(OPS)
                    .actualThresholdsPercent(List.of(50.0, 90.0)).forecastedThresholdsPercent(List.of(110.0)).build());
            new Bastion(stack, "bastion", BastionProps.builder(network).ami(TestStacks.X86_AMI).build());
        });
        double natInstance = 0.0065 * 730 + 8 * 0.0912 + 0.005 * 730;
        double spotBastion = 0.0015 * 730 + 8 * 0.0912 + 0.005 * 730;
        assertThat(natInstance + spotBastion).isBetween(14.0, 15.0);
        JsonNode budget = s.resource("aws_budgets_budget", "budget_budget");
        assertThat(budget.path("limit_amount").asText()).isEqualTo("15");
        assertThat(budget.path("notification")).extracting(n -> n.path("notification_type").asText() + " "
                + n.path("threshold").asInt()).containsExactly("ACTUAL 50", "ACTUAL 90", "FORECASTED 110");
        ProviderSchema.aws6().assertValid(s.json());
        Terraform.assertValidAndPlans(s);
    }

    @Test
    void usageCountsTowardsTheDefaultLimit() {
        Synthesized s = TestStacks.synthStack("budget-usage", stack -> {
            new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE)).build());
            new Budget(stack, "budget", BudgetProps.builder(OPS).usage(Usage.builder()
                    .typeDefault("aws_nat_gateway", "monthly_data_processed_gb", 200).build()).build());
        });
        double gateway = 0.059 * 730 + 0.005 * 730 + 200 * 0.059;
        assertThat(gateway).isBetween(58.0, 59.0);
        assertThat(s.resource("aws_budgets_budget", "budget_budget").path("limit_amount").asText()).isEqualTo("59");
    }

    @Test
    void withNothingPricedTheLimitMustBeGiven() {
        assertRejected("budget-nothing", stack -> {
            freeNetwork(stack);
            new Budget(stack, "budget", BudgetProps.builder(OPS).build());
        }, "app/budget: property 'limitAmountUsd' is missing: expected an amount in USD such as 50: nothing in the"
                + " stack so far has a price in the ap-northeast-2 price book to default it to (create the Budget"
                + " after the resources it watches, or give limitAmountUsd)");
    }

    @Test
    void anAddressThatIsNotAnEmailIsRejected() {
        assertRejected("budget-email", stack -> new Budget(stack, "budget", BudgetProps.builder("ops at example")
                        .limitAmountUsd(10).build()),
                "app/budget: property 'emails' is 'ops at example': expected an email address such as ops@example.com");
        assertRejected("budget-no-email", stack -> new Budget(stack, "budget", BudgetProps.builder(List.of())
                        .limitAmountUsd(10).build()),
                "app/budget: property 'emails' is '[]': expected 1 to 10 email addresses to alert, such as ops@example.com");
    }

    @Test
    void thresholdsAndLimitsOutsideTheirRangesAreRejected() {
        assertRejected("budget-threshold", stack -> new Budget(stack, "budget", BudgetProps.builder(OPS)
                        .limitAmountUsd(10).actualThresholdsPercent(List.of(0.0)).build()),
                "app/budget: property 'actualThresholdsPercent' is '0.0': expected a percentage of the limit above 0"
                        + " and at most 1000, such as 80");
        assertRejected("budget-too-many", stack -> new Budget(stack, "budget", BudgetProps.builder(OPS)
                        .limitAmountUsd(10).actualThresholdsPercent(List.of(50.0, 60.0, 70.0, 80.0))
                        .forecastedThresholdsPercent(List.of(90.0, 100.0)).build()),
                "app/budget: property 'thresholds' is '6 notifications': expected at most 5 actual and forecasted"
                        + " thresholds together (AWS's limit)");
        assertRejected("budget-limit", stack -> new Budget(stack, "budget", BudgetProps.builder(OPS)
                        .limitAmountUsd(new BigDecimal("-5")).build()),
                "app/budget: property 'limitAmountUsd' is '-5': expected a positive amount in USD with at most two"
                        + " decimals, such as 50");
    }
}
