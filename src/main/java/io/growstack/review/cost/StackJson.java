package io.growstack.review.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthesized stack's resources by address, with whole-value reference lookup and each
 * resource's provider region. Read-only; the estimator's view of {@code cdk.tf.json}.
 */
final class StackJson {
    private static final Pattern REFERENCE = Pattern.compile(
            "^\\$\\{((?:data\\.)?[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*)\\.([A-Za-z0-9_\\[\\].]+)}$");
    private static final Pattern PROVIDER = Pattern.compile("^(?:\\$\\{)?aws\\.([A-Za-z0-9_-]+)}?$");

    private final JsonNode root;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, String> regionByAlias = new LinkedHashMap<>();
    private final String defaultRegion;

    /** One resource; {@code name} is null for a stack-wide pseudo resource such as {@code data_transfer}. */
    record Item(String type, String name, JsonNode body) {
        String address() {
            return name == null ? type : type + "." + name;
        }

        JsonNode get(String attribute) {
            return body.path(attribute);
        }

        /** The construct path cdktf records, or {@code null}. */
        String path() {
            JsonNode path = body.path("//").path("metadata").path("path");
            return path.isTextual() ? path.asText() : null;
        }
    }

    StackJson(JsonNode root) {
        this.root = root;
        root.path("resource").fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(named -> {
            if (named.getValue().isObject()) {
                Item item = new Item(type.getKey(), named.getKey(), named.getValue());
                items.put(item.address(), item);
            }
        }));
        String region = null;
        JsonNode providers = root.path("provider").path("aws");
        List<JsonNode> configs = new ArrayList<>();
        if (providers.isArray()) {
            providers.forEach(configs::add);
        } else if (providers.isObject()) {
            configs.add(providers);
        }
        for (JsonNode config : configs) {
            String configRegion = literal(config.path("region"));
            if (config.hasNonNull("alias")) {
                regionByAlias.put(config.path("alias").asText(), configRegion);
            } else if (region == null) {
                region = configRegion;
            }
        }
        this.defaultRegion = region;
    }

    /** The stack name cdktf records, or {@code stack}. */
    String stackName() {
        JsonNode name = root.path("//").path("metadata").path("stackName");
        return name.isTextual() ? name.asText() : "stack";
    }

    /** The default provider's region, or {@code null} when the stack does not say. */
    String defaultRegion() {
        return defaultRegion;
    }

    /** The region {@code item} lives in: its aliased provider's, else the default; {@code null} if unknown. */
    String region(Item item) {
        JsonNode provider = item.get("provider");
        if (provider.isTextual()) {
            Matcher m = PROVIDER.matcher(provider.asText());
            if (m.matches()) {
                return regionByAlias.get(m.group(1));
            }
        }
        return defaultRegion;
    }

    /** Every resource, by address. */
    List<Item> items() {
        List<Item> out = new ArrayList<>(items.values());
        out.sort(Comparator.comparing(Item::address));
        return out;
    }

    /** The resources of {@code type}, by address. */
    List<Item> all(String type) {
        return items().stream().filter(i -> i.type().equals(type)).toList();
    }

    boolean has(String address) {
        return items.containsKey(address);
    }

    /** The resource of one of {@code types} that a whole-value reference {@code ${type.name.attr}} names, or null. */
    Item resolve(JsonNode value, String... types) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value.asText());
        if (!m.matches()) {
            return null;
        }
        Item item = items.get(m.group(1));
        if (item == null) {
            return null;
        }
        for (String type : types) {
            if (item.type().equals(type)) {
                return item;
            }
        }
        return null;
    }

    /** The attribute a whole-value reference reads ({@code id}, {@code primary_network_interface_id}), or null. */
    static String referencedAttribute(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value.asText());
        return m.matches() ? m.group(2) : null;
    }

    /** A literal string: {@code null} when absent, not text, or a reference. */
    static String literal(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.asText();
        return text.contains("${") ? null : text;
    }

    /** A literal whole number (also from text); {@code null} when absent or a reference. */
    static Integer integer(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asInt();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(node.asText());
        }
        return null;
    }

    /** Whether a boolean argument is literally true (JSON true or the text "true"). */
    static boolean isTrue(JsonNode node) {
        return node != null && (node.isBoolean() && node.asBoolean() || node.isTextual() && node.asText().equals("true"));
    }

    /** Whether a boolean argument is literally false. */
    static boolean isFalse(JsonNode node) {
        return node != null && (node.isBoolean() && !node.asBoolean() || node.isTextual() && node.asText().equals("false"));
    }

    /** The nested blocks {@code name}: one object or a list of them; empty when absent. */
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

    /** The first block {@code name}, or a missing node. */
    static JsonNode block(JsonNode parent, String name) {
        List<JsonNode> blocks = blocks(parent, name);
        return blocks.isEmpty() ? MissingNode.getInstance() : blocks.get(0);
    }
}
