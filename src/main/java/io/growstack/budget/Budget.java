package io.growstack.budget;

import io.growstack.aws.BudgetsBudget;
import io.growstack.core.AwsProvider;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import io.growstack.cost.CostEstimate;
import io.growstack.cost.CostOptions;
import io.growstack.cost.PriceBook;
import io.growstack.cost.Usage;
import io.growstack.model.StackModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * A monthly AWS Budgets cost budget that emails when the month's actual spend or its forecast
 * passes a share of the limit: the seed's cost discipline as an alarm.
 *
 * <p>Defaults: an email at 80 % of the limit actually spent and at 100 % forecast; the limit is the
 * stack's monthly cost estimate as set (spot where the stack sets it), rounded up to a whole
 * dollar. The estimate prices the stack's own resources as {@code growstack cost} prices the
 * synthesized JSON: each with the body it synthesizes to (arguments, meta-arguments such as
 * {@code count}, overrides), read when the stack is synthesized, so resources added after the budget
 * count too; usage-based lines count only with {@link BudgetProps.Builder#usage}.
 * Create the budget after the resources it watches, or give {@code limitAmountUsd}: with nothing
 * priced yet the constructor refuses to guess.
 *
 * <p>A budget covers the whole account unless filtered; it is free up to AWS's allowance of budgets.
 */
public class Budget extends Construct {
    /** AWS allows five notifications per budget. */
    public static final int MAX_NOTIFICATIONS = 5;
    /** AWS allows ten email subscribers per notification. */
    public static final int MAX_EMAILS = 10;
    /** Highest threshold accepted, in percent of the limit. */
    public static final double MAX_THRESHOLD_PERCENT = 1000;

    /** The longest email address accepted (RFC 5321's limit on a path). */
    public static final int MAX_EMAIL_LENGTH = 254;
    /**
     * What an accepted email address matches, whole: a regular expression in the syntax Java and
     * Terraform's RE2 share, so the budget module's validation is this rule.
     */
    public static final String EMAIL_PATTERN = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

    private static final Pattern EMAIL = Pattern.compile(EMAIL_PATTERN);
    private static final Pattern NAME = Pattern.compile("[^:\\\\]{1,100}");

    private final GrowStack stack;
    private final String name;
    private final BigDecimal explicitLimit;
    private final List<BudgetsBudget.Notification> notifications;
    private final Usage usage;
    private final PriceBook book;
    private final Resource budget;

    /** Creates the budget; throws {@link ValidationException} for bad settings. */
    public Budget(Construct scope, String id, BudgetProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        this.stack = GrowStack.of(this);
        this.name = props.budgetName != null ? props.budgetName : stack.naming().name(id);
        if (!NAME.matcher(name).matches()) {
            throw ValidationException.of(this, "budgetName", name,
                    "expected 1-100 characters without ':' or '\\' (AWS Budgets' rule)");
        }
        List<String> emails = checkEmails(props.emails);
        this.notifications = new ArrayList<>();
        addNotifications("actualThresholdsPercent", "ACTUAL", props.actualThresholdsPercent, emails);
        addNotifications("forecastedThresholdsPercent", "FORECASTED", props.forecastedThresholdsPercent, emails);
        if (notifications.isEmpty()) {
            throw ValidationException.of(this, "actualThresholdsPercent", "[] and forecastedThresholdsPercent []",
                    "expected at least one threshold, such as 80 % actual");
        }
        if (notifications.size() > MAX_NOTIFICATIONS) {
            throw ValidationException.of(this, "thresholds", notifications.size() + " notifications",
                    "expected at most " + MAX_NOTIFICATIONS + " actual and forecasted thresholds together (AWS's limit)");
        }
        this.explicitLimit = props.limitAmountUsd;
        if (explicitLimit != null && (explicitLimit.signum() <= 0 || explicitLimit.stripTrailingZeros().scale() > 2)) {
            throw ValidationException.of(this, "limitAmountUsd", explicitLimit.toPlainString(),
                    "expected a positive amount in USD with at most two decimals, such as 50");
        }
        this.usage = props.usage;
        this.book = props.priceBook != null ? props.priceBook : PriceBook.forRegion(stack.region());
        if (explicitLimit == null && estimatedLimit() == null) {
            throw ValidationException.of(this, "limitAmountUsd", null,
                    "expected an amount in USD such as 50: nothing in the stack so far has a price in the "
                            + book.region() + " price book to default it to (create the Budget after the"
                            + " resources it watches, or give limitAmountUsd)");
        }
        this.budget = Resource.deferred(this, "budget", "aws_budgets_budget", this::args, ResourceOptions.NONE);
    }

    private List<String> checkEmails(List<String> emails) {
        if (emails.isEmpty() || emails.size() > MAX_EMAILS) {
            throw ValidationException.of(this, "emails", emails,
                    "expected 1 to " + MAX_EMAILS + " email addresses to alert, such as ops@example.com");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String email : emails) {
            boolean valid = email != null && (Tokens.containsReference(email)
                    || email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches());
            if (!valid) {
                throw ValidationException.of(this, "emails", email, "expected an email address such as ops@example.com");
            }
            if (!unique.add(email)) {
                throw ValidationException.of(this, "emails", email, "expected each address once");
            }
        }
        return List.copyOf(unique);
    }

    private void addNotifications(String property, String type, List<Double> percents, List<String> emails) {
        Set<Double> seen = new LinkedHashSet<>();
        for (Double percent : percents) {
            if (percent == null || !(percent > 0 && percent <= MAX_THRESHOLD_PERCENT)) {
                throw ValidationException.of(this, property, percent,
                        "expected a percentage of the limit above 0 and at most " + (int) MAX_THRESHOLD_PERCENT
                                + ", such as 80");
            }
            if (!seen.add(percent)) {
                throw ValidationException.of(this, property, percent, "expected each threshold once");
            }
            notifications.add(new BudgetsBudget.Notification("GREATER_THAN", percent, "PERCENTAGE", type, emails,
                    List.of()));
        }
    }

    /**
     * The cost estimate of the stack as it is now: every other growstack {@link Resource} in it, with
     * the body it synthesizes to, priced from this budget's price book.
     */
    public CostEstimate estimate() {
        return CostEstimate.of(model(), book, usage, CostOptions.defaults());
    }

    /** The limit in USD: the explicit one, or the estimate rounded up to a whole dollar (as the stack is now). */
    public String limitAmount() {
        if (explicitLimit != null) {
            return explicitLimit.stripTrailingZeros().toPlainString();
        }
        BigDecimal estimated = estimatedLimit();
        if (estimated == null) {
            throw new IllegalStateException(getNode().getPath() + ": nothing in the stack has a price any more;"
                    + " give limitAmountUsd");
        }
        return estimated.toPlainString();
    }

    /** The budget name. */
    public String name() {
        return name;
    }

    /** The {@code aws_budgets_budget}. */
    public Resource budget() {
        return budget;
    }

    private BigDecimal estimatedLimit() {
        double monthly = estimate().totals().asSet();
        BigDecimal cents = BigDecimal.valueOf(monthly).setScale(2, RoundingMode.HALF_UP);
        if (cents.signum() <= 0) {
            return null;
        }
        return cents.setScale(0, RoundingMode.CEILING);
    }

    private BudgetsBudget args() {
        return new BudgetsBudget(name, "COST", limitAmount(), "USD", "MONTHLY", notifications);
    }

    /**
     * The stack as the estimator reads it: every other growstack resource with the body it synthesizes to,
     * and the providers they name.
     */
    private StackModel model() {
        StackModel.Builder model = StackModel.builder(stack.getNode().getId()).provider(null, stack.region());
        Set<String> aliases = new LinkedHashSet<>();
        for (Resource resource : stack.resources()) {
            if (resource == budget) {
                continue;
            }
            AwsProvider aws = resource.options().provider();
            if (aws != null && aws.getAlias() != null && aliases.add(aws.getAlias())) {
                model.provider(aws.getAlias(), aws.region());
            }
            model.resource(resource.address(), resource.toJson());
        }
        return model.build();
    }
}
