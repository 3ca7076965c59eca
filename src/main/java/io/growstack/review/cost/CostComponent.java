package io.growstack.review.cost;

/**
 * One cost line of a resource, such as a NAT gateway's hours or an instance's root volume.
 *
 * <p>Three monthly costs: {@code onDemand} (list price, even where the stack buys spot),
 * {@code asSet} (spot where the stack sets it, else on-demand) and {@code committed} (as set, with
 * the 1-year no-upfront commitment discount on on-demand EC2 instance hours). All three are
 * {@code null} unless {@link #status()} is {@link Status#PRICED}.
 *
 * @param key             a stable id of the line within its resource ({@code instance_hours}, {@code public_ipv4})
 * @param name            what it is, as the table shows it
 * @param unit            the unit of the quantity: {@code hours}, {@code GB-months}, {@code GB}, ...
 * @param monthlyQuantity units a month; {@code null} when it depends on usage nobody gave
 * @param unitPrice       USD per unit as set (the spot price for spot); {@code null} when not found
 * @param onDemand        monthly USD at on-demand prices
 * @param asSet           monthly USD as the stack buys it
 * @param committed       monthly USD with the commitment what-if
 * @param status          priced, depends on usage, or price not found
 * @param pricing         how the stack buys it
 * @param usageBased      whether the quantity comes from the usage file
 * @param detail          more about the line (spot range, capacity range, free tier, why no price), or {@code null}
 * @param priceKey        the price book key used, or {@code null}
 * @param confidence      the figure's confidence ({@code H}, {@code M}), or {@code null}
 */
public record CostComponent(String key, String name, String unit, Double monthlyQuantity, Double unitPrice,
                            Double onDemand, Double asSet, Double committed, Status status, Pricing pricing,
                            boolean usageBased, String detail, String priceKey, String confidence) {
    /** Whether a line could be priced. */
    public enum Status {
        /** Priced from the book. */
        PRICED("priced"),
        /** A usage-based line without usage: no cost shown or counted. */
        DEPENDS_ON_USAGE("depends on usage"),
        /** The book has no price for it (region, instance type, service): never shown as 0. */
        PRICE_NOT_FOUND("price not found");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The words the table and JSON use. */
        public String label() {
            return label;
        }
    }

    /** How the stack buys the line. */
    public enum Pricing {
        /** List price. */
        ON_DEMAND("on-demand"),
        /** EC2 Spot, where the stack sets {@code market_type = "spot"}. */
        SPOT("spot");

        private final String label;

        Pricing(String label) {
            this.label = label;
        }

        /** The words the table and JSON use. */
        public String label() {
            return label;
        }
    }
}
