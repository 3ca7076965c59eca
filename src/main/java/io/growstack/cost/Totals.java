package io.growstack.cost;

/**
 * The monthly totals of an estimate over its priced lines.
 *
 * @param onDemand         USD a month at on-demand prices
 * @param asSet            USD a month as the stack buys (spot where set)
 * @param committed        USD a month as set, with the 1-year commitment on on-demand EC2 hours
 * @param dependsOnUsage   usage-based lines without usage (not counted)
 * @param priceNotFound    lines whose price the book lacks (not counted)
 * @param notPriced        resources of types the book does not cover (not counted)
 */
public record Totals(double onDemand, double asSet, double committed, int dependsOnUsage, int priceNotFound,
                     int notPriced) {
    /** Whether every line and resource has a price (nothing left out of the totals). */
    public boolean complete() {
        return dependsOnUsage == 0 && priceNotFound == 0 && notPriced == 0;
    }
}
