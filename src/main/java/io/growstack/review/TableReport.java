package io.growstack.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-screen table: per stack, its profile, open findings grouped by severity (a finding its profile
 * lowered says so and why), then suppressed ones and notes.
 */
final class TableReport {
    private TableReport() {
    }

    static String render(List<Review> reviews) {
        StringBuilder out = new StringBuilder();
        Map<String, Rule> seen = new LinkedHashMap<>();
        long high = 0;
        long medium = 0;
        long low = 0;
        long suppressed = 0;
        for (Review review : reviews) {
            out.append("stack ").append(review.stackName());
            if (review.artifact() != null) {
                out.append(" (").append(review.artifact()).append(')');
            }
            out.append(": ").append(review.openCount(Severity.HIGH)).append(" high, ")
                    .append(review.openCount(Severity.MEDIUM)).append(" medium, ")
                    .append(review.openCount(Severity.LOW)).append(" low open; ")
                    .append(review.suppressed().size()).append(" suppressed\n");
            out.append("  profile: ").append(review.profile().label()).append(" (").append(review.profileSource())
                    .append(')').append(review.openCount(Severity.INFO) > 0
                            ? "; " + review.openCount(Severity.INFO) + " info" : "").append('\n');
            for (Severity severity : Severity.values()) {
                List<Finding> open = review.open().stream().filter(f -> f.severity() == severity).toList();
                if (open.isEmpty()) {
                    continue;
                }
                out.append("  ").append(severity.name()).append('\n');
                for (Finding f : open) {
                    seen.putIfAbsent(f.rule().id(), f.rule());
                    out.append(String.format("    %-10s %s: %s%s%s%n", f.rule().id(), f.address(), f.message(),
                            f.relaxed() == null ? "" : " [" + f.rule().severity().name() + " in prod; " + f.relaxed() + "]",
                            f.expiredSuppression() == null ? ""
                                    : " [suppression expired " + f.expiredSuppression().expires() + "]"));
                }
            }
            if (!review.suppressed().isEmpty()) {
                out.append("  SUPPRESSED\n");
                for (Finding f : review.suppressed()) {
                    Suppression s = f.suppression();
                    out.append(String.format("    %-10s %s: \"%s\"%s%n", f.rule().id(), f.address(),
                            oneLine(s.reason()), s.expires() == null ? "" : " until " + s.expires()));
                }
            }
            for (String note : review.notes()) {
                out.append("  note: ").append(note).append('\n');
            }
            high += review.openCount(Severity.HIGH);
            medium += review.openCount(Severity.MEDIUM);
            low += review.openCount(Severity.LOW);
            suppressed += review.suppressed().size();
        }
        if (!seen.isEmpty()) {
            out.append("fixes\n");
            seen.values().stream().sorted(java.util.Comparator.comparing(Rule::id)).forEach(rule ->
                    out.append(String.format("  %-10s %s: %s%n", rule.id(), rule.title(), rule.fix())));
        }
        out.append(String.format("review: %d high, %d medium, %d low open, %d suppressed -> %s%n", high, medium, low,
                suppressed, high > 0 ? "FAILED (unsuppressed high findings)" : "passed"));
        return out.toString();
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
