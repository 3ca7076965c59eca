package io.growstack.cost;

import io.growstack.model.StackModel;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What every pricer of one estimate shares: the stack, the book, the usage (and which of it was
 * used), the commitment discount, the day charges are judged on, and the free tier as it is used up.
 */
final class PriceContext {
    private final StackModel stack;
    private final PriceBook book;
    private final Usage usage;
    private final double discount;
    private final LocalDate asOf;
    private final FreeTier freeTier;
    private final Set<String> usedUsage = new LinkedHashSet<>();

    PriceContext(StackModel stack, PriceBook book, Usage usage, CostOptions options) {
        this.stack = stack;
        this.book = book;
        this.usage = usage;
        this.discount = options.commitmentDiscount() != null ? options.commitmentDiscount()
                : book.price("ec2.commitment.1yr_no_upfront").map(Price::factor)
                        .orElse(CostOptions.DEFAULT_COMMITMENT_DISCOUNT);
        this.asOf = options.asOf() != null ? options.asOf() : book.asOf() != null ? book.asOf() : LocalDate.now();
        this.freeTier = new FreeTier(book);
    }

    StackModel stack() {
        return stack;
    }

    PriceBook book() {
        return book;
    }

    Usage usage() {
        return usage;
    }

    double discount() {
        return discount;
    }

    LocalDate asOf() {
        return asOf;
    }

    int hours() {
        return book.hoursPerMonth();
    }

    FreeTier freeTier() {
        return freeTier;
    }

    /** The usage {@code key} of {@code address} (or of its type), noting that it was used. */
    OptionalDouble usage(String address, String type, String key) {
        OptionalDouble value = usage.value(address, type, key);
        if (value.isPresent()) {
            usedUsage.add(address + "|" + key);
            usedUsage.add(type + "|" + key);
        }
        return value;
    }

    /** Whether some line read the usage {@code key} given for {@code addressOrType}. */
    boolean used(String addressOrType, String key) {
        return usedUsage.contains(addressOrType + "|" + key);
    }
}
