package io.growstack.review;

import static io.growstack.model.Values.Tri;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link SecurityRules#S3_PUBLIC_ACCESS_BLOCK}, {@link SecurityRules#S3_TLS_ONLY},
 * {@link SecurityRules#S3_NO_ACCESS_LOGS} and {@link SecurityRules#S3_NOT_VERSIONED}.
 */
final class S3Checks implements Check {
    static final List<String> SWITCHES = List.of("block_public_acls", "block_public_policy", "ignore_public_acls",
            "restrict_public_buckets");

    /** The bucket a {@code bucket} argument names: resolved, unknown, or outside the stack. */
    private record Target(StackModel.Item bucket, boolean unknown) {
    }

    @Override
    public void run(StackModel stack, Findings findings) {
        List<StackModel.Item> buckets = stack.all("aws_s3_bucket");
        if (buckets.isEmpty()) {
            return;
        }
        publicAccessBlocks(stack, buckets, findings);
        tlsOnly(stack, buckets, findings);
        accessLogs(stack, buckets, findings);
        versioning(stack, buckets, findings);
    }

    private static void accessLogs(StackModel stack, List<StackModel.Item> buckets, Findings findings) {
        Set<StackModel.Item> logged = new HashSet<>();
        Set<StackModel.Item> logBuckets = new HashSet<>();
        for (StackModel.Item logging : stack.all("aws_s3_bucket_logging")) {
            Target source = target(stack, buckets, logging.get("bucket"));
            if (source.unknown()) {
                return;
            }
            if (source.bucket() != null) {
                logged.add(source.bucket());
            }
            Target destination = target(stack, buckets, logging.get("target_bucket"));
            if (destination.bucket() != null) {
                logBuckets.add(destination.bucket());
            }
        }
        for (StackModel.Item lb : stack.all("aws_lb", "aws_alb")) {
            addLogBucket(stack, buckets, Values.block(lb.body(), "access_logs").path("bucket"), logBuckets);
        }
        for (StackModel.Item distribution : stack.all("aws_cloudfront_distribution")) {
            JsonNode domain = Values.block(distribution.body(), "logging_config").path("bucket");
            StackModel.Ref ref = Values.unknown(domain) ? stack.reference(domain.asText()) : null;
            if (ref != null && ref.item().type().equals("aws_s3_bucket")) {
                logBuckets.add(ref.item());
            } else if (Values.text(domain) != null) {
                String name = Values.text(domain).replaceFirst("\\.s3(\\.[a-z0-9-]+)?\\.amazonaws\\.com$", "");
                buckets.stream().filter(b -> name.equals(Values.text(b.get("bucket")))).forEach(logBuckets::add);
            }
        }
        for (StackModel.Item bucket : buckets) {
            if (logged.contains(bucket) || logBuckets.contains(bucket) || Values.blocksUnknown(bucket.body(), "logging")
                    || !Values.blocks(bucket.body(), "logging").isEmpty()) {
                continue;
            }
            findings.add(SecurityRules.S3_NO_ACCESS_LOGS, bucket, "no aws_s3_bucket_logging refers to this bucket");
        }
    }

    private static void addLogBucket(StackModel stack, List<StackModel.Item> buckets, JsonNode value,
                                     Set<StackModel.Item> logBuckets) {
        if (Values.absent(value)) {
            return;
        }
        Target target = target(stack, buckets, value);
        if (target.bucket() != null) {
            logBuckets.add(target.bucket());
        }
    }

    private static void versioning(StackModel stack, List<StackModel.Item> buckets, Findings findings) {
        Map<StackModel.Item, String> status = new HashMap<>();
        for (StackModel.Item item : stack.all("aws_s3_bucket_versioning")) {
            Target target = target(stack, buckets, item.get("bucket"));
            if (target.unknown()) {
                return;
            }
            if (target.bucket() == null) {
                continue;
            }
            JsonNode value = Values.block(item.body(), "versioning_configuration").path("status");
            String shown = Values.unknown(value) ? null : Values.absent(value) ? "not set" : value.asText();
            if (shown == null || "Enabled".equals(shown)) {
                status.put(target.bucket(), "Enabled");
            } else {
                status.putIfAbsent(target.bucket(), shown);
            }
        }
        for (StackModel.Item bucket : buckets) {
            Tri inline = Values.bool(Values.block(bucket.body(), "versioning").path("enabled"));
            if (inline == Tri.TRUE || inline == Tri.UNKNOWN || Values.blocksUnknown(bucket.body(), "versioning")) {
                continue;
            }
            String state = status.get(bucket);
            if (state == null) {
                findings.add(SecurityRules.S3_NOT_VERSIONED, bucket, "no aws_s3_bucket_versioning refers to this bucket");
            } else if (!state.equals("Enabled")) {
                findings.add(SecurityRules.S3_NOT_VERSIONED, bucket, "its versioning status is " + state);
            }
        }
    }

    private static void publicAccessBlocks(StackModel stack, List<StackModel.Item> buckets, Findings findings) {
        for (StackModel.Item account : stack.all("aws_s3_account_public_access_block")) {
            if (SWITCHES.stream().allMatch(s -> Values.bool(account.get(s)) == Tri.TRUE)) {
                return;
            }
        }
        Map<StackModel.Item, List<String>> offByBucket = new HashMap<>();
        Set<StackModel.Item> unknown = new HashSet<>();
        for (StackModel.Item block : stack.all("aws_s3_bucket_public_access_block")) {
            Target target = target(stack, buckets, block.get("bucket"));
            if (target.unknown()) {
                return;
            }
            if (target.bucket() == null) {
                continue;
            }
            List<String> off = new ArrayList<>();
            for (String s : SWITCHES) {
                Tri value = Values.bool(block.get(s));
                if (value == Tri.UNKNOWN) {
                    unknown.add(target.bucket());
                } else if (value != Tri.TRUE) {
                    off.add(s);
                }
            }
            List<String> previous = offByBucket.get(target.bucket());
            if (previous == null || off.size() < previous.size()) {
                offByBucket.put(target.bucket(), off);
            }
        }
        for (StackModel.Item bucket : buckets) {
            if (unknown.contains(bucket)) {
                continue;
            }
            List<String> off = offByBucket.get(bucket);
            if (off == null) {
                findings.add(SecurityRules.S3_PUBLIC_ACCESS_BLOCK, bucket,
                        "no aws_s3_bucket_public_access_block refers to this bucket");
            } else if (!off.isEmpty()) {
                findings.add(SecurityRules.S3_PUBLIC_ACCESS_BLOCK, bucket,
                        "its public access block leaves " + String.join(", ", off) + " off");
            }
        }
    }

    private static void tlsOnly(StackModel stack, List<StackModel.Item> buckets, Findings findings) {
        ResourcePolicies policies = ResourcePolicies.inline(stack, buckets);
        for (StackModel.Item item : stack.all("aws_s3_bucket_policy")) {
            Target target = target(stack, buckets, item.get("bucket"));
            if (target.unknown()) {
                return;
            }
            if (target.bucket() == null) {
                continue;
            }
            policies.read(stack, item, item.get("policy"), target.bucket());
        }
        policies.flagNotTlsOnly(SecurityRules.S3_TLS_ONLY, buckets, "bucket", findings);
    }

    /** Which bucket of the stack {@code value} names: by reference, or by literal bucket name. */
    private static Target target(StackModel stack, List<StackModel.Item> buckets, JsonNode value) {
        StackModel.Item referenced = stack.resolve(value, "aws_s3_bucket");
        if (referenced != null) {
            return new Target(referenced, false);
        }
        if (Values.unknown(value) || Values.absent(value)) {
            return new Target(null, true);
        }
        String name = Values.text(value);
        for (StackModel.Item bucket : buckets) {
            if (name != null && name.equals(Values.text(bucket.get("bucket")))) {
                return new Target(bucket, false);
            }
        }
        boolean unnamed = buckets.stream().anyMatch(b -> Values.text(b.get("bucket")) == null);
        return new Target(null, unnamed);
    }
}
