package io.growstack.cost;

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
    /** A line priced from the book: the same monthly {@code cost} on-demand, as set and committed. */
    static CostComponent priced(String key, String name, String unit, double quantity, double unitPrice, double cost,
                                Price source) {
        return new CostComponent(key, name, unit, quantity, unitPrice, cost, cost, cost, Status.PRICED,
                Pricing.ON_DEMAND, false, null, source.key(), source.confidence());
    }

    /** A spot line: {@code asSet} at the spot {@code unitPrice}, {@code onDemand} at the list price. */
    static CostComponent spot(String key, String name, String unit, double quantity, double unitPrice,
                              double onDemand, Price source, String detail) {
        double asSet = quantity * unitPrice;
        return new CostComponent(key, name, unit, quantity, unitPrice, onDemand, asSet, asSet, Status.PRICED,
                Pricing.SPOT, false, detail, source.key(), source.confidence());
    }

    /** A usage-based line nobody gave usage for: its unit price when the book has one, no cost. */
    static CostComponent dependsOnUsage(String key, String name, String unit, Price price, String detail) {
        return new CostComponent(key, name, unit, null, price == null ? null : price.usd(), null, null, null,
                Status.DEPENDS_ON_USAGE, Pricing.ON_DEMAND, true, detail, price == null ? null : price.key(),
                price == null ? null : price.confidence());
    }

    /** A line the book has no price for ({@code quantity} may be unknown): never counted as 0. */
    static CostComponent notFound(String key, String name, String unit, Double quantity, String reason) {
        return new CostComponent(key, name, unit, quantity, null, null, null, null, Status.PRICE_NOT_FOUND,
                Pricing.ON_DEMAND, false, reason, null, null);
    }

    /** This line with another committed cost (the commitment what-if of compute hours). */
    CostComponent committedAt(double cost) {
        return new CostComponent(key, name, unit, monthlyQuantity, unitPrice, onDemand, asSet, cost, status, pricing,
                usageBased, detail, priceKey, confidence);
    }

    /** This line, its quantity coming from the usage file. */
    CostComponent fromUsage() {
        return new CostComponent(key, name, unit, monthlyQuantity, unitPrice, onDemand, asSet, committed, status,
                pricing, true, detail, priceKey, confidence);
    }

    /** This line with {@code more} appended to its detail ({@code null} adds nothing). */
    CostComponent withDetail(String more) {
        if (more == null) {
            return this;
        }
        return new CostComponent(key, name, unit, monthlyQuantity, unitPrice, onDemand, asSet, committed, status,
                pricing, usageBased, detail == null ? more : detail + "; " + more, priceKey, confidence);
    }

    /** This line for {@code times} identical resources ({@code count}). */
    CostComponent times(int times) {
        return new CostComponent(key, name, unit, monthlyQuantity == null ? null : monthlyQuantity * times, unitPrice,
                multiply(onDemand, times), multiply(asSet, times), multiply(committed, times), status, pricing,
                usageBased, detail, priceKey, confidence).withDetail("count " + times);
    }

    private static Double multiply(Double value, int times) {
        return value == null ? null : value * times;
    }

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
