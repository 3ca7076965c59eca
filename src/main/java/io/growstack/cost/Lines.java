package io.growstack.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/**
 * The cost lines of the one resource being priced (or of the stack's data transfer), with the ways a
 * line is priced from the book: fixed, scaled, tiered, usage-based, or not found.
 */
final class Lines {
    private final PriceContext context;
    private final String address;
    private final String type;
    private final boolean stackWide;
    private final String region;
    private final List<CostComponent> lines = new ArrayList<>();

    /**
     * The lines of {@code address} of {@code type} in {@code region}; {@code stackWide} for a pseudo
     * resource such as the data transfer, which the usage file names only by its address.
     */
    Lines(PriceContext context, String address, String type, boolean stackWide, String region) {
        this.context = context;
        this.address = address;
        this.type = type;
        this.stackWide = stackWide;
        this.region = region;
    }

    List<CostComponent> all() {
        return List.copyOf(lines);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    int hours() {
        return context.hours();
    }

    void add(CostComponent line) {
        lines.add(line);
    }

    /** Replaces the first line (a group's hours line gains its capacity range). */
    void updateFirst(UnaryOperator<CostComponent> change) {
        lines.set(0, change.apply(lines.get(0)));
    }

    /** The usage {@code key} given for this resource or its type. */
    OptionalDouble usage(String key) {
        return context.usage(address, type, key);
    }

    /** The book's price {@code key} when the resource is in the book's region, else null. */
    Price lookup(String key) {
        if (!region.equals(context.book().region())) {
            return null;
        }
        return context.book().price(key).orElse(null);
    }

    /** Why a price is missing: the region, or the book lacking {@code what}. */
    String missing(String what) {
        PriceBook book = context.book();
        if (!region.equals(book.region())) {
            return "no prices for region " + region + " (the price book covers " + book.region() + ")";
        }
        if (book.prices().isEmpty()) {
            return "no price book for region " + region;
        }
        return "the " + book.region() + " price book has no " + what;
    }

    /** {@code quantity} units at the book's {@code priceKey}; {@code compute} lines get the commitment what-if. */
    void fixed(String key, String name, String unit, double quantity, String priceKey, boolean compute,
               String detail) {
        Price price = priceOrNotFound(key, name, unit, quantity, priceKey);
        if (price != null) {
            fixed(key, name, unit, quantity, price, compute, detail);
        }
    }

    /** {@code quantity} units at {@code price}; {@code compute} lines get the commitment what-if. */
    void fixed(String key, String name, String unit, double quantity, Price price, boolean compute, String detail) {
        double cost = quantity * price.usd();
        CostComponent line = CostComponent.priced(key, name, unit, quantity, price.usd(), cost, price);
        lines.add((compute ? line.committedAt(cost * (1 - context.discount())) : line).withDetail(detail));
    }

    /** A line whose unit price is the book's times {@code factor} (Multi-AZ). */
    void scaledFixed(String key, String name, String unit, double quantity, Price price, double factor,
                     String detail) {
        double unitPrice = price.usd() * factor;
        lines.add(CostComponent.priced(key, name, unit, quantity, unitPrice, quantity * unitPrice, price)
                .withDetail(detail));
    }

    /**
     * A usage-based line of {@code quantity} units (as the usage file gives them, shown in the quantity
     * column) of which {@code billable} are charged (the rest fall in a free tier the detail names), priced
     * up to the tier the book covers; anything beyond it is a separate "price not found" line.
     */
    void tiered(String key, String name, String unit, double quantity, double billable, String priceKey,
                String detail) {
        Price price = priceOrNotFound(key, name, unit, quantity, priceKey);
        if (price == null) {
            return;
        }
        double covered = price.upTo() == null ? billable : Math.min(billable, price.upTo());
        double shown = quantity - (billable - covered);
        lines.add(CostComponent.priced(key, name, unit, shown, price.usd(), covered * price.usd(), price)
                .fromUsage().withDetail(detail));
        if (covered < billable) {
            notFound(key + "_beyond_tier", name + " beyond " + Money.trim(price.upTo()) + " " + unit, unit,
                    billable - covered, "the price book has only the first tier's price");
        }
    }

    /**
     * A usage-based line: {@code usageKey} from the usage file times {@code perUnit} units; without
     * usage it depends on usage and is not counted.
     */
    void usageLine(String key, String name, String unit, String usageKey, double perUnit, String priceKey,
                   boolean compute, String detail) {
        OptionalDouble given = usage(usageKey);
        Price price = lookup(priceKey);
        if (given.isEmpty()) {
            String how = "give " + usageKey + " for " + address + (stackWide ? "" : " or " + type)
                    + " in the usage file";
            String priceText = price == null ? missing("price " + priceKey)
                    : Money.usd(price.usd()) + " per " + singular(unit);
            lines.add(CostComponent.dependsOnUsage(key, name, unit, price,
                    priceText + "; " + how + (detail == null ? "" : "; " + detail)));
            return;
        }
        double quantity = given.getAsDouble() * perUnit;
        if (price == null) {
            lines.add(CostComponent.notFound(key, name, unit, quantity, missing("price " + priceKey)).fromUsage());
            return;
        }
        double cost = quantity * price.usd();
        CostComponent line = CostComponent.priced(key, name, unit, quantity, price.usd(), cost, price).fromUsage();
        lines.add((compute ? line.committedAt(cost * (1 - context.discount())) : line).withDetail(detail));
    }

    /** The book's {@code priceKey}; without it a "price not found" line is added and the answer is null. */
    private Price priceOrNotFound(String key, String name, String unit, double quantity, String priceKey) {
        Price price = lookup(priceKey);
        if (price == null) {
            notFound(key, name, unit, quantity, missing("price " + priceKey));
        }
        return price;
    }

    void notFound(String key, String name, String unit, Double quantity, String reason) {
        lines.add(CostComponent.notFound(key, name, unit, quantity, reason));
    }

    private static String singular(String unit) {
        return switch (unit) {
            case "hours" -> "hour";
            case "GB-months" -> "GB-month";
            case "vCPU-hours" -> "vCPU-hour";
            case "LCU-hours" -> "LCU-hour";
            case "key-months" -> "key-month";
            case "secret-months" -> "secret-month";
            case "alarm-months" -> "alarm-month";
            default -> unit;
        };
    }
}
