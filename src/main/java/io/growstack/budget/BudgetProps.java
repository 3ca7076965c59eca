package io.growstack.budget;

import io.growstack.cost.PriceBook;
import io.growstack.cost.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Settings of a {@link Budget}. Only the email addresses are required. */
public final class BudgetProps {
    /** An email when the month's actual spend passes 80 % of the limit. */
    public static final List<Double> DEFAULT_ACTUAL_THRESHOLDS_PERCENT = List.of(80.0);
    /** An email when the month's forecast passes 100 % of the limit. */
    public static final List<Double> DEFAULT_FORECASTED_THRESHOLDS_PERCENT = List.of(100.0);

    final List<String> emails;
    final BigDecimal limitAmountUsd;
    final List<Double> actualThresholdsPercent;
    final List<Double> forecastedThresholdsPercent;
    final String budgetName;
    final Usage usage;
    final PriceBook priceBook;

    private BudgetProps(Builder b) {
        this.emails = List.copyOf(b.emails);
        this.limitAmountUsd = b.limitAmountUsd;
        this.actualThresholdsPercent = List.copyOf(b.actualThresholdsPercent);
        this.forecastedThresholdsPercent = List.copyOf(b.forecastedThresholdsPercent);
        this.budgetName = b.budgetName;
        this.usage = b.usage;
        this.priceBook = b.priceBook;
    }

    /** A builder for a budget that emails {@code emails} (1 to 10 addresses). */
    public static Builder builder(List<String> emails) {
        return new Builder(emails);
    }

    /** A builder for a budget that emails {@code email}. */
    public static Builder builder(String email) {
        return new Builder(java.util.Collections.singletonList(email));
    }

    /** The addresses that get the alerts. */
    public List<String> emails() {
        return emails;
    }

    /** The monthly limit in USD; {@code null} means the stack's estimate, rounded up to a whole dollar. */
    public BigDecimal limitAmountUsd() {
        return limitAmountUsd;
    }

    /** Builds {@link BudgetProps}. */
    public static final class Builder {
        private final List<String> emails;
        private BigDecimal limitAmountUsd;
        private List<Double> actualThresholdsPercent = DEFAULT_ACTUAL_THRESHOLDS_PERCENT;
        private List<Double> forecastedThresholdsPercent = DEFAULT_FORECASTED_THRESHOLDS_PERCENT;
        private String budgetName;
        private Usage usage = Usage.none();
        private PriceBook priceBook;

        private Builder(List<String> emails) {
            this.emails = emails == null ? List.of() : new java.util.ArrayList<>(emails);
        }

        /**
         * The monthly limit in USD, such as {@code new BigDecimal("50")}. Default: the stack's monthly
         * estimate as set (spot where the stack sets it), rounded up to a whole dollar, computed when the
         * stack is synthesized; usage-based lines count only with {@link #usage(Usage)}.
         */
        public Builder limitAmountUsd(BigDecimal limitAmountUsd) {
            this.limitAmountUsd = limitAmountUsd;
            return this;
        }

        /** The monthly limit in whole USD. */
        public Builder limitAmountUsd(long limitAmountUsd) {
            return limitAmountUsd(BigDecimal.valueOf(limitAmountUsd));
        }

        /** Percentages of the limit whose actual spend sends an email. Default: 80. */
        public Builder actualThresholdsPercent(List<Double> percents) {
            this.actualThresholdsPercent = Objects.requireNonNull(percents, "percents must not be null");
            return this;
        }

        /** Percentages of the limit whose forecast for the month sends an email. Default: 100. */
        public Builder forecastedThresholdsPercent(List<Double> percents) {
            this.forecastedThresholdsPercent = Objects.requireNonNull(percents, "percents must not be null");
            return this;
        }

        /** The budget's name, unique in the account. Default: {@code <project>-<environment>-<id>}. */
        public Builder budgetName(String budgetName) {
            this.budgetName = budgetName;
            return this;
        }

        /** Usage for the default limit's usage-based lines (NAT GB, CloudFront traffic). Default: none. */
        public Builder usage(Usage usage) {
            this.usage = Objects.requireNonNull(usage, "usage must not be null");
            return this;
        }

        /** Prices for the default limit. Default: growstack's price book for the stack's region. */
        public Builder priceBook(PriceBook priceBook) {
            this.priceBook = priceBook;
            return this;
        }

        /** The settings. */
        public BudgetProps build() {
            return new BudgetProps(this);
        }
    }
}
