package io.growstack.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.core.Suppressions;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The suppressions a stack carries: the stack-level list {@code //.growstack.suppressions} (with a
 * construct {@code path} each, covering that construct and everything below it) and resource-level
 * lists in a resource's own {@code //.growstack.suppressions}. Entries with a short reason, an
 * unknown rule or a malformed date are ignored and reported as notes.
 */
final class SuppressionIndex {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Stack-level suppressions, by rule. */
    private final Map<String, List<Suppression>> byRule = new TreeMap<>();
    /** Resource-level suppressions, by address then rule. */
    private final Map<String, Map<String, Suppression>> byResource = new TreeMap<>();
    private final List<Suppression> all = new ArrayList<>();
    private final Set<Suppression> used = new HashSet<>();
    private final List<String> notes = new ArrayList<>();

    /** What applies to one finding: the suppression in force, and an expired one if that is all there is. */
    record Match(Suppression active, Suppression expired) {
    }

    SuppressionIndex(StackModel stack) {
        for (JsonNode entry : stack.comment().path("growstack").path("suppressions")) {
            String path = Values.text(entry.path("path"));
            if (path == null) {
                notes.add("a stack-level suppression without a path is ignored: " + entry);
                continue;
            }
            Suppression s = read(entry, path);
            if (s != null) {
                byRule.computeIfAbsent(s.rule(), r -> new ArrayList<>()).add(s);
            }
        }
        for (StackModel.Item item : stack.items()) {
            for (JsonNode entry : item.body().path("//").path("growstack").path("suppressions")) {
                Suppression s = read(entry, item.address());
                if (s != null) {
                    byResource.computeIfAbsent(item.address(), a -> new TreeMap<>()).put(s.rule(), s);
                }
            }
        }
    }

    private Suppression read(JsonNode entry, String scope) {
        String rule = Values.text(entry.path("rule"));
        String reason = Values.text(entry.path("reason"));
        String expires = Values.text(entry.path("expires"));
        String where = "suppression of " + rule + " at " + scope;
        if (rule == null || SecurityRules.byId(rule).isEmpty()) {
            notes.add(where + " names no known rule and is ignored");
            return null;
        }
        if (reason == null || reason.trim().length() < Suppressions.MIN_REASON_LENGTH) {
            notes.add(where + " is ignored: its reason must have at least " + Suppressions.MIN_REASON_LENGTH
                    + " characters");
            return null;
        }
        LocalDate date = null;
        if (expires != null) {
            try {
                date = LocalDate.parse(expires, DATE);
            } catch (DateTimeParseException e) {
                notes.add(where + " is ignored: expires '" + expires + "' is not a date such as 2026-06-30");
                return null;
            }
        }
        Suppression s = new Suppression(rule, reason.trim(), date, scope);
        all.add(s);
        return s;
    }

    /** The suppression that covers {@code finding} on {@code today}: the most specific one in force. */
    Match match(Findings.Raw finding, LocalDate today) {
        List<Suppression> candidates = new ArrayList<>();
        Suppression own = byResource.getOrDefault(finding.address(), Map.of()).get(finding.rule().id());
        if (own != null) {
            candidates.add(own);
        }
        if (finding.path() != null) {
            byRule.getOrDefault(finding.rule().id(), List.of()).stream()
                    .filter(s -> finding.path().equals(s.scope()) || finding.path().startsWith(s.scope() + "/"))
                    .sorted(Comparator.comparingInt((Suppression s) -> s.scope().length()).reversed())
                    .forEach(candidates::add);
        }
        Suppression expired = null;
        for (Suppression s : candidates) {
            used.add(s);
            if (s.holdsOn(today)) {
                return new Match(s, null);
            }
            if (expired == null) {
                expired = s;
            }
        }
        return new Match(null, expired);
    }

    /** Notes about ignored suppressions and suppressions that matched no finding. */
    List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        for (Suppression s : all) {
            if (!used.contains(s)) {
                out.add("suppression of " + s.rule() + " at " + s.scope() + " matched no finding");
            }
        }
        return out;
    }
}
