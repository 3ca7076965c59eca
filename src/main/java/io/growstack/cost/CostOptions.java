package io.growstack.cost;

import java.time.LocalDate;

/**
 * Settings of an estimate: the commitment what-if discount and the day prices are as of.
 *
 * @param commitmentDiscount the 1-year no-upfront discount on on-demand EC2 instance hours, 0..1;
 *                           {@code null} for the price book's ({@value #DEFAULT_COMMITMENT_DISCOUNT})
 * @param asOf               the day charges are judged on (RDS Extended Support starts on a date);
 *                           {@code null} for the price book's date, so the same input gives the same output
 */
public record CostOptions(Double commitmentDiscount, LocalDate asOf) {
    /** The commitment discount the facts support (Standard RI / EC2 Instance Savings Plan class, 1 year). */
    public static final double DEFAULT_COMMITMENT_DISCOUNT = 0.35;

    public CostOptions {
        if (commitmentDiscount != null && !(commitmentDiscount >= 0 && commitmentDiscount < 1)) {
            throw new IllegalArgumentException("commitment discount " + commitmentDiscount
                    + ": expected a fraction from 0 to below 1, such as 0.35");
        }
    }

    /** The price book's defaults. */
    public static CostOptions defaults() {
        return new CostOptions(null, null);
    }

    /** A copy with another commitment discount, such as 0.28 for a Convertible RI. */
    public CostOptions withCommitmentDiscount(double discount) {
        return new CostOptions(discount, asOf);
    }

    /** A copy judged on {@code day}. */
    public CostOptions withAsOf(LocalDate day) {
        return new CostOptions(commitmentDiscount, day);
    }
}
