package io.growstack.cost;

import io.growstack.model.StackModel.Item;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

/** Prices S3 buckets, CloudFront distributions and the stack's data transfer, all by usage. */
final class ContentPricer {
    private final FreeTier freeTier;

    ContentPricer(PriceContext context) {
        this.freeTier = context.freeTier();
    }

    void bucket(Item item, Lines lines) {
        lines.usageLine("storage", "Standard storage", "GB-months", "storage_gb", 1, "s3.standard.storage", false,
                null);
        lines.usageLine("tier1_requests", "PUT, COPY, POST, LIST requests", "1k requests", "monthly_tier_1_requests",
                0.001, "s3.standard.tier1_requests", false, null);
        lines.usageLine("tier2_requests", "GET requests", "1k requests", "monthly_tier_2_requests", 0.001,
                "s3.standard.tier2_requests", false, null);
    }

    void distribution(Item item, Lines lines) {
        pastFreeTier(lines, new Metered("data_out", "Data transfer out to internet (Asia Pacific)", "GB",
                        "monthly_data_transfer_to_internet_gb", 1, "cloudfront.data_out.asia_pacific"),
                FreeTier.CLOUDFRONT_GB, "the first 1 TB a month is free",
                (used, freeUsed) -> Money.trim(freeUsed) + " GB of them in the always-free tier");
        pastFreeTier(lines, new Metered("https_requests", "HTTPS requests (Asia Pacific)", "10k requests",
                        "monthly_https_requests", 10_000, "cloudfront.https_requests.asia_pacific"),
                FreeTier.CLOUDFRONT_REQUESTS, "the first 10 million a month are free",
                (used, freeUsed) -> Money.trim(used) + " requests, " + Money.trim(freeUsed)
                        + " of them in the always-free tier");
    }

    /** The stack's traffic: out to the internet (past the free GB) and between zones, from usage. */
    void dataTransfer(Lines lines) {
        pastFreeTier(lines, new Metered("internet_out", "Outbound to the internet (from EC2, NAT, load balancers)",
                        "GB", "monthly_outbound_internet_gb", 1, "data_transfer.internet_out"),
                FreeTier.INTERNET_GB, "the first 100 GB a month are free",
                (used, freeUsed) -> Money.trim(freeUsed) + " GB of them free");
        lines.usageLine("cross_az", "Between availability zones (billed on both sides)", "GB",
                "monthly_intra_region_gb", 2, "data_transfer.cross_az", false,
                "each GB crossing zones is billed out and in");
    }

    /** A usage-priced line: its key and name, the unit priced, the usage key and how much usage makes one unit. */
    private record Metered(String key, String name, String unit, String usageKey, double usedPerUnit,
                           String priceKey) {
    }

    /**
     * Prices {@code line} past what is left of the free allowance {@code freeKey} when its usage is given
     * ({@code note} says how much was free), else adds the usage line that asks for it.
     */
    private void pastFreeTier(Lines lines, Metered line, String freeKey, String unknownNote,
                              BiFunction<Double, Double, String> note) {
        OptionalDouble usage = lines.usage(line.usageKey());
        if (usage.isEmpty()) {
            lines.usageLine(line.key(), line.name(), line.unit(), line.usageKey(), 1 / line.usedPerUnit(),
                    line.priceKey(), false, unknownNote);
            return;
        }
        double used = usage.getAsDouble();
        double freeUsed = freeTier.take(freeKey, used);
        double perUnit = line.usedPerUnit();
        lines.tiered(line.key(), line.name(), line.unit(), used / perUnit, (used - freeUsed) / perUnit, line.priceKey(),
                note.apply(used, freeUsed));
    }
}
