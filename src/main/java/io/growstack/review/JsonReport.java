package io.growstack.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON form: every finding with its rule, fix and suppression, per stack, and a verdict. */
final class JsonReport {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonReport() {
    }

    static String render(List<Review> reviews) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "growstack review");
        root.put("today", reviews.isEmpty() ? null : reviews.get(0).today().toString());
        root.put("passed", reviews.stream().noneMatch(Review::hasOpenHigh));
        ArrayNode stacks = root.putArray("stacks");
        for (Review review : reviews) {
            ObjectNode stack = stacks.addObject();
            stack.put("stack", review.stackName());
            stack.put("file", review.artifact());
            stack.put("profile", review.profile().label());
            stack.put("profileSource", review.profileSource());
            stack.put("passed", !review.hasOpenHigh());
            ObjectNode open = stack.putObject("open");
            for (Severity severity : Severity.values()) {
                open.put(severity.label(), review.openCount(severity));
            }
            stack.put("suppressed", review.suppressed().size());
            ArrayNode findings = stack.putArray("findings");
            for (Finding f : review.findings()) {
                ObjectNode finding = findings.addObject();
                finding.put("rule", f.rule().id());
                finding.put("severity", f.severity().label());
                if (f.relaxed() != null) {
                    finding.put("ruleSeverity", f.rule().severity().label());
                    finding.put("relaxed", f.relaxed());
                }
                finding.put("title", f.rule().title());
                finding.put("address", f.address());
                finding.put("path", f.path());
                finding.put("message", f.message());
                finding.put("fix", f.rule().fix());
                finding.put("suppressed", f.suppressed());
                if (f.suppressed()) {
                    finding.set("suppression", suppression(f.suppression()));
                }
                if (f.expiredSuppression() != null) {
                    finding.set("expiredSuppression", suppression(f.expiredSuppression()));
                }
            }
            ArrayNode notes = stack.putArray("notes");
            review.notes().forEach(notes::add);
        }
        return write(root);
    }

    private static ObjectNode suppression(Suppression s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("reason", s.reason());
        node.put("expires", s.expires() == null ? null : s.expires().toString());
        node.put("scope", s.scope());
        return node;
    }

    static String write(ObjectNode root) {
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
