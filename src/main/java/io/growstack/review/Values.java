package io.growstack.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.core.Tokens;
import java.util.ArrayList;
import java.util.List;

/** Reads Terraform JSON values, telling literal values from absent ones and unresolved references. */
final class Values {
    /** A boolean argument: literal true or false, absent, or unknown until apply. */
    enum Tri { TRUE, FALSE, ABSENT, UNKNOWN }

    private Values() {
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** Whether the value is an interpolation ({@code ${...}}) or a cdktf token. */
    static boolean unknown(JsonNode node) {
        return node != null && node.isTextual() && Tokens.containsReference(node.asText());
    }

    static Tri bool(JsonNode node) {
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

    /** A literal string; {@code null} when absent, unknown or not a string. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() && !unknown(node) ? node.asText() : null;
    }

    /** A literal integer; {@code null} when absent or unknown (ask {@link #unknown} to tell them apart). */
    static Integer integer(JsonNode node) {
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
    static List<String> strings(JsonNode node) {
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

    /** The nested blocks {@code name} of {@code parent}: one object or a list of them; empty when absent. */
    static List<JsonNode> blocks(JsonNode parent, String name) {
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
    static boolean blocksUnknown(JsonNode parent, String name) {
        return unknown(parent.path(name)) || parent.path("dynamic").has(name);
    }

    /** The first block {@code name}, or a missing node. */
    static JsonNode block(JsonNode parent, String name) {
        List<JsonNode> blocks = blocks(parent, name);
        return blocks.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : blocks.get(0);
    }
}
