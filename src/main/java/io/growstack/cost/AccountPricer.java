package io.growstack.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel.Item;
import io.growstack.model.Values;
import java.util.List;

/**
 * Prices the account-wide services a stack uses: KMS keys, Secrets Manager secrets, CloudWatch
 * alarms, AWS Budgets and SNS (publishes, email notifications), free allowances first.
 */
final class AccountPricer {
    private final FreeTier freeTier;

    AccountPricer(PriceContext context) {
        this.freeTier = context.freeTier();
    }

    void key(Item item, Lines lines) {
        lines.fixed("key", "Customer managed key", "key-months", 1, "kms.key", false, null);
    }

    void secret(Item item, Lines lines) {
        lines.fixed("secret", "Secret", "secret-months", 1, "secretsmanager.secret", false, null);
    }

    void topic(Item item, Lines lines) {
        lines.usageLine("requests", "Publishes", "1M requests", "monthly_requests", 0.000_001,
                Values.isTrue(item.get("fifo_topic")) ? "sns.fifo.requests" : "sns.standard.requests", false,
                "keeping a topic costs nothing");
    }

    /** Email subscriptions are priced by notification; other protocols are not in the book. */
    boolean subscription(Item item, Lines lines) {
        String protocol = Values.text(item.get("protocol"));
        if (!"email".equals(protocol) && !"email-json".equals(protocol)) {
            return false;
        }
        lines.usageLine("notifications", "Email notifications", "100k notifications", "monthly_notifications",
                0.000_01, "sns.email.deliveries", false, null);
        return true;
    }

    /**
     * A CloudWatch alarm: one alarm metric (or one per metric of a {@code metric_query}), standard
     * resolution unless its period is under a minute; the account's free alarm metrics are used first.
     */
    void alarm(Item item, Lines lines) {
        List<JsonNode> queries = Values.blocks(item.body(), "metric_query");
        int metrics = queries.isEmpty() ? 1 : (int) queries.stream()
                .filter(q -> !Values.block(q, "metric").isMissingNode()).count();
        Integer period = Values.integer(item.get("period"));
        boolean highResolution = period != null && period < 60 || queries.stream().anyMatch(q -> {
            Integer p = Values.integer(Values.block(q, "metric").path("period"));
            return p != null && p < 60;
        });
        String name = "Alarm metrics (" + (highResolution ? "high" : "standard") + " resolution)";
        if (highResolution) {
            lines.notFound("alarm_metrics", name, "alarm-months", (double) metrics,
                    lines.missing("price for high-resolution alarms"));
            return;
        }
        Price price = lines.lookup("cloudwatch.alarm.standard");
        if (price == null) {
            lines.notFound("alarm_metrics", name, "alarm-months", (double) metrics,
                    lines.missing("price cloudwatch.alarm.standard"));
            return;
        }
        double freeUsed = freeTier.take(FreeTier.ALARMS, metrics);
        lines.add(CostComponent.priced("alarm_metrics", name, "alarm-months", metrics, price.usd(),
                (metrics - freeUsed) * price.usd(), price).withDetail(freeUsed == 0 ? null : Money.trim(freeUsed)
                + " of them in the always-free 10 alarm metrics a month (per account)"));
    }

    /** An AWS Budgets budget: the account's first ones are free, each further one is charged by the day. */
    void budget(Item item, Lines lines) {
        Price price = lines.lookup("budgets.budget");
        double free = freeTier.remaining(FreeTier.BUDGETS);
        if (free >= 1 || price == null && free > 0) {
            freeTier.use(FreeTier.BUDGETS, 1);
            Price allowance = lines.lookup(FreeTier.BUDGETS);
            lines.add(CostComponent.priced("budget", "Budget", "budgets", 1.0, 0.0, 0.0, allowance)
                    .withDetail("one of the account's first " + Money.trim(allowance.quantity())
                            + " active budgets, which are free"));
            return;
        }
        lines.fixed("budget", "Budget (past the free ones)", "days", lines.hours() / 24.0, "budgets.budget", false,
                null);
    }
}
