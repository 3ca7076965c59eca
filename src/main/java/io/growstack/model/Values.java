package io.growstack.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.growstack.core.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Terraform JSON values, telling literal values from absent ones and from values known only at
 * apply: an interpolation ({@code ${...}}) or a cdktf token not yet resolved ({@code TfToken[...]},
 * which a stack's rendered resources hold before cdktf writes them).
 */
public final class Values {
    /** A boolean argument: literal true or false, absent, or unknown until apply. */
    public enum Tri { TRUE, FALSE, ABSENT, UNKNOWN }

    private Values() {
    }

    /** Whether the value is not there (missing or JSON null). */
    public static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** Whether the value is text holding an interpolation or a cdktf token. */
    public static boolean unknown(JsonNode node) {
        return node != null && node.isTextual() && Tokens.containsReference(node.asText());
    }

    /** A boolean: JSON true/false or the text "true"/"false" (Terraform converts it). */
    public static Tri bool(JsonNode node) {
        if (absent(node)) {
            return Tri.ABSENT;
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? Tri.TRUE : Tri.FALSE;
        }
        if (node.isTextual() && node.asText().equals("true")) {
            return Tri.TRUE;
        }
        if (node.isTextual() && node.asText().equals("false")) {
            return Tri.FALSE;
        }
        return Tri.UNKNOWN;
    }

    /** Whether the value is literally true. */
    public static boolean isTrue(JsonNode node) {
        return bool(node) == Tri.TRUE;
    }

    /** Whether the value is literally false. */
    public static boolean isFalse(JsonNode node) {
        return bool(node) == Tri.FALSE;
    }

    /** A literal string; {@code null} when absent, unknown or not a string. */
    public static String text(JsonNode node) {
        return node != null && node.isTextual() && !unknown(node) ? node.asText() : null;
    }

    /** A literal string, or {@code fallback} when there is none. */
    public static String text(JsonNode node, String fallback) {
        String literal = text(node);
        return literal == null ? fallback : literal;
    }

    /**
     * A literal whole number, from a JSON number or its text (Terraform converts {@code "-1"} as it does
     * {@code -1}); {@code null} when absent or unknown (ask {@link #unknown} to tell them apart).
     */
    public static Integer integer(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        if (node.isTextual() && node.asText().matches("-?\\d{1,9}")) {
            return Integer.parseInt(node.asText());
        }
        return null;
    }

    /** A string or a list of strings as a list (references kept as written); empty otherwise. */
    public static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (absent(node)) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(e -> {
                if (e.isValueNode() && !e.isNull()) {
                    out.add(e.asText());
                }
            });
        } else if (node.isValueNode()) {
            out.add(node.asText());
        }
        return out;
    }

    /** A list's elements, or the value itself when it is one object or scalar; empty when absent. */
    public static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject() || node.isValueNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    /** The nested blocks {@code name} of {@code parent}: one object or a list of them; empty when absent. */
    public static List<JsonNode> blocks(JsonNode parent, String name) {
        JsonNode value = parent.path(name);
        List<JsonNode> out = new ArrayList<>();
        if (value.isObject()) {
            out.add(value);
        } else if (value.isArray()) {
            value.forEach(e -> {
                if (e.isObject()) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    /** Whether the blocks {@code name} are computed: a reference, or a {@code dynamic} block. */
    public static boolean blocksUnknown(JsonNode parent, String name) {
        return unknown(parent.path(name)) || parent.path("dynamic").has(name);
    }

    /** The first block {@code name}, or a missing node. */
    public static JsonNode block(JsonNode parent, String name) {
        List<JsonNode> blocks = blocks(parent, name);
        return blocks.isEmpty() ? MissingNode.getInstance() : blocks.get(0);
    }
}
