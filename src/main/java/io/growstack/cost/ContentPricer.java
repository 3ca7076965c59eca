package io.growstack.cost;

import io.growstack.model.StackModel.Item;
import java.util.OptionalDouble;

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
        OptionalDouble gb = lines.usage("monthly_data_transfer_to_internet_gb");
        String name = "Data transfer out to internet (Asia Pacific)";
        if (gb.isEmpty()) {
            lines.usageLine("data_out", name, "GB", "monthly_data_transfer_to_internet_gb", 1,
                    "cloudfront.data_out.asia_pacific", false, "the first 1 TB a month is free");
        } else {
            double used = gb.getAsDouble();
            double freeUsed = freeTier.take(FreeTier.CLOUDFRONT_GB, used);
            lines.tiered("data_out", name, "GB", used, used - freeUsed, "cloudfront.data_out.asia_pacific",
                    Money.trim(freeUsed) + " GB of them in the always-free tier");
        }
        OptionalDouble requests = lines.usage("monthly_https_requests");
        String requestName = "HTTPS requests (Asia Pacific)";
        if (requests.isEmpty()) {
            lines.usageLine("https_requests", requestName, "10k requests", "monthly_https_requests", 0.0001,
                    "cloudfront.https_requests.asia_pacific", false, "the first 10 million a month are free");
        } else {
            double used = requests.getAsDouble();
            double freeUsed = freeTier.take(FreeTier.CLOUDFRONT_REQUESTS, used);
            lines.tiered("https_requests", requestName, "10k requests", used / 10_000, (used - freeUsed) / 10_000,
                    "cloudfront.https_requests.asia_pacific",
                    Money.trim(used) + " requests, " + Money.trim(freeUsed) + " of them in the always-free tier");
        }
    }

    /** The stack's traffic: out to the internet (past the free GB) and between zones, from usage. */
    void dataTransfer(Lines lines) {
        OptionalDouble out = lines.usage("monthly_outbound_internet_gb");
        String outName = "Outbound to the internet (from EC2, NAT, load balancers)";
        if (out.isEmpty()) {
            lines.usageLine("internet_out", outName, "GB", "monthly_outbound_internet_gb", 1,
                    "data_transfer.internet_out", false, "the first 100 GB a month are free");
        } else {
            double used = out.getAsDouble();
            double freeUsed = freeTier.take(FreeTier.INTERNET_GB, used);
            lines.tiered("internet_out", outName, "GB", used, used - freeUsed, "data_transfer.internet_out",
                    Money.trim(freeUsed) + " GB of them free");
        }
        lines.usageLine("cross_az", "Between availability zones (billed on both sides)", "GB",
                "monthly_intra_region_gb", 2, "data_transfer.cross_az", false,
                "each GB crossing zones is billed out and in");
    }
}
