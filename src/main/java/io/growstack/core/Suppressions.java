package io.growstack.core;

import com.hashicorp.cdktf.TerraformElement;
import com.hashicorp.cdktf.TerraformStack;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Accepts a security review finding for a construct and everything below it, with a written reason
 * and an optional expiry date, in the spirit of cdk-nag's {@code NagSuppressions}:
 *
 * <pre>{@code
 * Suppressions.add(service.getHttpListener(), "GS-ELB-001",
 *         "HTTP only until the certificate for shop.example.com is issued", "2026-06-30");
 * }</pre>
 *
 * <p>A suppression on a block applies to every resource the block made (any resource whose construct
 * path starts with the block's path); one on a {@link Resource} applies to that resource alone.
 *
 * <p>Suppressions are written into the synthesized {@code cdk.tf.json}, so the pull request that adds
 * one shows it to its reviewers. They live in the stack's top-level {@code "//"} comment, which
 * Terraform ignores, sorted by construct path and rule so the output is the same whatever order they
 * were added in:
 *
 * <pre>{@code
 * "//": {
 *   "growstack": {
 *     "suppressions": [
 *       {"expires": "2026-06-30", "path": "shop/service/http-listener", "reason": "HTTP only until ...", "rule": "GS-ELB-001"}
 *     ]
 *   },
 *   "metadata": { ... cdktf's own ... }
 * }
 * }</pre>
 *
 * <p>Why there and not on each resource with {@code addOverride("//.growstack...")}: cdktf 0.19 keeps
 * overrides on {@code "//"} but also lists every overridden resource type in the stack's
 * {@code //.metadata.overrides} (one {@code "//"} entry per resource), and a construct-level
 * suppression would have to be copied to each resource below it, missing resources added after the
 * call. Construct metadata ({@code node.addMetadata}) never reaches {@code cdk.tf.json} at all. One
 * hidden element per stack renders the list at synth time instead; it adds nothing else to the JSON.
 * The review also reads resource-level suppressions written by hand as
 * {@code "//": {"growstack": {"suppressions": [{"rule": ..., "reason": ..., "expires": ...}]}}}.
 *
 * <p>Synth never compares the expiry with the clock, so the output stays byte-identical from day to
 * day; the review decides, with the date it is given, whether a suppression still holds (it holds up
 * to and including its expiry date).
 */
public final class Suppressions {
    /** The shortest reason accepted, in characters after trimming. */
    public static final int MIN_REASON_LENGTH = 10;
    /** The id of the hidden element under each stack that renders the suppressions. */
    public static final String ELEMENT_ID = "growstack-suppressions";

    private static final Pattern RULE = Pattern.compile("GS-[A-Z0-9]+-\\d{3}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Suppressions() {
    }

    /** Suppresses {@code ruleId} (such as {@code GS-ELB-001}) on {@code scope} and below, without expiry. */
    public static void add(IConstruct scope, String ruleId, String reason) {
        Args.notNull(scope, "scope");
        add(scope, ruleId, reason, (LocalDate) null);
    }

    /**
     * Suppresses {@code ruleId} on {@code scope} and below until {@code expires}, an ISO date such as
     * {@code 2026-06-30} (inclusive); {@code null} for no expiry.
     */
    public static void add(IConstruct scope, String ruleId, String reason, String expires) {
        Args.notNull(scope, "scope");
        add(scope, ruleId, reason, expires == null ? null : parseDate(scope.getNode().getPath(), expires));
    }

    /** Suppresses {@code ruleId} on {@code scope} and below until {@code expires} (inclusive); {@code null} for none. */
    public static void add(IConstruct scope, String ruleId, String reason, LocalDate expires) {
        Args.notNull(scope, "scope");
        String path = scope.getNode().getPath();
        add(path, stackOf(scope, path), ruleId, reason, expires);
    }

    /** Suppresses {@code ruleId} on one growstack resource, without expiry. */
    public static void add(Resource resource, String ruleId, String reason) {
        Args.notNull(resource, "resource");
        add(resource.path(), resource.stack(), ruleId, reason, null);
    }

    /** Suppresses {@code ruleId} on one growstack resource until {@code expires}, an ISO date; {@code null} for none. */
    public static void add(Resource resource, String ruleId, String reason, String expires) {
        Args.notNull(resource, "resource");
        add(resource.path(), resource.stack(), ruleId, reason,
                expires == null ? null : parseDate(resource.path(), expires));
    }

    private static void add(String path, TerraformStack stack, String ruleId, String reason, LocalDate expires) {
        if (ruleId == null || !RULE.matcher(ruleId).matches()) {
            throw new ValidationException(path, "suppression.rule", ruleId,
                    "expected a review rule id such as GS-ELB-001 (growstack review lists them)");
        }
        if (reason == null || reason.trim().length() < MIN_REASON_LENGTH) {
            throw new ValidationException(path, "suppression.reason", reason, "expected at least "
                    + MIN_REASON_LENGTH + " characters saying why " + ruleId + " is acceptable here");
        }
        Element element = (Element) stack.getNode().tryFindChild(ELEMENT_ID);
        if (element == null) {
            element = new Element(stack);
        }
        element.add(new Entry(path, ruleId, reason.trim(), expires));
    }

    private static LocalDate parseDate(String path, String expires) {
        try {
            return LocalDate.parse(expires, DATE);
        } catch (DateTimeParseException e) {
            throw new ValidationException(path, "suppression.expires", expires,
                    "expected an ISO date such as 2026-06-30");
        }
    }

    private static TerraformStack stackOf(IConstruct scope, String path) {
        List<IConstruct> scopes = scope.getNode().getScopes();
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (scopes.get(i) instanceof TerraformStack stack) {
                return stack;
            }
        }
        throw new ValidationException(path.isEmpty() ? "app" : path, "suppression.scope", path,
                "expected a construct inside a stack");
    }

    /** One suppression as written to the JSON. */
    private record Entry(String path, String rule, String reason, LocalDate expires) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            if (expires != null) {
                json.put("expires", DATE.format(expires));
            }
            json.put("path", path);
            json.put("reason", reason);
            json.put("rule", rule);
            return json;
        }
    }

    /** Renders the stack's suppressions into its top-level {@code "//"} at synth time. */
    private static final class Element extends TerraformElement {
        private final List<Entry> entries = new ArrayList<>();

        Element(Construct stack) {
            super(stack, ELEMENT_ID);
        }

        void add(Entry entry) {
            for (Entry existing : entries) {
                if (existing.path().equals(entry.path()) && existing.rule().equals(entry.rule())) {
                    throw new ValidationException(entry.path(), "suppression.rule", entry.rule(),
                            "expected one suppression of each rule per construct; it is already suppressed here"
                                    + " because '" + existing.reason() + "'");
                }
            }
            entries.add(entry);
        }

        @Override
        public Object toTerraform() {
            List<Map<String, Object>> sorted = entries.stream()
                    .sorted(Comparator.comparing(Entry::path).thenComparing(Entry::rule))
                    .map(Entry::toJson)
                    .toList();
            return Map.of("//", Map.of("growstack", Map.of("suppressions", sorted)));
        }
    }
}
