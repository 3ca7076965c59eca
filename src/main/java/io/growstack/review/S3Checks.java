package io.growstack.review;

import static io.growstack.review.Values.Tri;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link SecurityRules#S3_PUBLIC_ACCESS_BLOCK} and {@link SecurityRules#S3_TLS_ONLY}. */
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
        Map<StackModel.Item, List<Policies.Policy>> policies = new HashMap<>();
        Set<StackModel.Item> unknown = new HashSet<>();
        for (StackModel.Item bucket : buckets) {
            JsonNode inline = bucket.get("policy");
            if (!Values.absent(inline)) {
                Optional<Policies.Policy> policy = Policies.read(stack, bucket, "policy", inline, Policies.Kind.RESOURCE);
                policy.ifPresentOrElse(p -> policies.computeIfAbsent(bucket, b -> new ArrayList<>()).add(p),
                        () -> unknown.add(bucket));
            }
        }
        for (StackModel.Item item : stack.all("aws_s3_bucket_policy")) {
            Target target = target(stack, buckets, item.get("bucket"));
            if (target.unknown()) {
                return;
            }
            if (target.bucket() == null) {
                continue;
            }
            Optional<Policies.Policy> policy = Policies.read(stack, item, "policy", item.get("policy"),
                    Policies.Kind.RESOURCE);
            policy.ifPresentOrElse(p -> policies.computeIfAbsent(target.bucket(), b -> new ArrayList<>()).add(p),
                    () -> unknown.add(target.bucket()));
        }
        for (StackModel.Item bucket : buckets) {
            if (unknown.contains(bucket)) {
                continue;
            }
            List<Policies.Policy> list = policies.getOrDefault(bucket, List.of());
            if (list.stream().noneMatch(S3Checks::deniesPlainHttp)) {
                findings.add(SecurityRules.S3_TLS_ONLY, bucket, list.isEmpty() ? "no bucket policy"
                        : "no bucket policy statement denies requests where aws:SecureTransport is false");
            }
        }
    }

    static boolean deniesPlainHttp(Policies.Policy policy) {
        for (Policies.Statement s : policy.statements()) {
            if (s.allow()) {
                continue;
            }
            for (Policies.Condition c : s.conditions()) {
                if ((c.operator().equals("Bool") || c.operator().equals("BoolIfExists"))
                        && c.keyIs("aws:SecureTransport") && c.values().contains("false")) {
                    return true;
                }
            }
        }
        return false;
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
