package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;

/**
 * Arguments of {@code aws_budgets_budget}: an AWS Budgets budget with its notifications.
 *
 * @param name         the budget name, unique in the account
 * @param budgetType   {@code COST}, {@code USAGE}, {@code RI_UTILIZATION}, ...
 * @param limitAmount  the limit as decimal text, for example {@code "47"}
 * @param limitUnit    the limit's unit, {@code USD} for a cost budget
 * @param timeUnit     {@code MONTHLY}, {@code QUARTERLY}, {@code ANNUALLY} or {@code DAILY}
 * @param notification the alerts, at most five
 */
public record BudgetsBudget(String name, String budgetType, String limitAmount, String limitUnit, String timeUnit,
                            List<Notification> notification) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_budgets_budget";
    }

    /**
     * One alert.
     *
     * @param comparisonOperator       {@code GREATER_THAN}, {@code LESS_THAN} or {@code EQUAL_TO}
     * @param threshold                the threshold, a percentage of the limit with {@code PERCENTAGE}
     * @param thresholdType            {@code PERCENTAGE} or {@code ABSOLUTE_VALUE}
     * @param notificationType         {@code ACTUAL} (spent so far) or {@code FORECASTED} (forecast for the period)
     * @param subscriberEmailAddresses who gets the email, at most ten addresses
     * @param subscriberSnsTopicArns   SNS topics to notify instead or as well
     */
    public record Notification(String comparisonOperator, Double threshold, String thresholdType,
                               String notificationType, List<String> subscriberEmailAddresses,
                               List<String> subscriberSnsTopicArns) {
    }
}
