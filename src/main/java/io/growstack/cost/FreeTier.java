package io.growstack.cost;

import java.util.HashMap;
import java.util.Map;

/**
 * The account's always-free allowances (CloudFront GB and requests, internet GB, alarm metrics,
 * budgets) as one estimate uses them up: the first resources by address take them.
 */
final class FreeTier {
    static final String CLOUDFRONT_GB = "cloudfront.free_tier.data_out";
    static final String CLOUDFRONT_REQUESTS = "cloudfront.free_tier.https_requests";
    static final String INTERNET_GB = "data_transfer.free_tier.internet_out";
    static final String ALARMS = "cloudwatch.free_tier.alarms";
    static final String BUDGETS = "budgets.free_tier.budgets";

    private final PriceBook book;
    private final Map<String, Double> remaining = new HashMap<>();

    FreeTier(PriceBook book) {
        this.book = book;
    }

    /** What is left of the allowance {@code key} (the book's quantity; 0 when the book has none). */
    double remaining(String key) {
        return remaining.computeIfAbsent(key, k -> book.price(k).map(Price::quantity).orElse(0.0));
    }

    /** Takes up to {@code wanted} from the allowance {@code key}; returns how much it covered. */
    double take(String key, double wanted) {
        double taken = Math.min(wanted, remaining(key));
        remaining.put(key, remaining(key) - taken);
        return taken;
    }

    /** Uses {@code amount} of the allowance {@code key}, even past what is left. */
    void use(String key, double amount) {
        remaining.put(key, remaining(key) - amount);
    }
}
