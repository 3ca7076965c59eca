package io.growstack.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The resources and data sources of one synthesized stack, indexed by address, with reference lookup. */
final class StackModel {
    /** A whole-value reference {@code ${type.name.attribute}} or {@code ${data.type.name.attribute}}. */
    private static final Pattern REFERENCE = Pattern.compile(
            "^\\$\\{((?:data\\.)?[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*)\\.([A-Za-z0-9_]+)}$");

    private final JsonNode root;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, List<Item>> byType = new LinkedHashMap<>();

    /** One resource ({@code type} like {@code aws_vpc}) or data source ({@code type} like {@code data.aws_x}). */
    record Item(String type, String name, JsonNode body) {
        String address() {
            return type + "." + name;
        }

        /** The construct path cdktf records, or {@code null}. */
        String path() {
            JsonNode path = body.path("//").path("metadata").path("path");
            return path.isTextual() ? path.asText() : null;
        }

        JsonNode get(String attribute) {
            return body.path(attribute);
        }
    }

    /** A resolved reference: the item and the attribute read from it. */
    record Ref(Item item, String attribute) {
    }

    StackModel(JsonNode root) {
        this.root = root;
        index(root.path("resource"), "");
        index(root.path("data"), "data.");
    }

    private void index(JsonNode section, String prefix) {
        section.fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(named -> {
            if (named.getValue().isObject()) {
                Item item = new Item(prefix + type.getKey(), named.getKey(), named.getValue());
                items.put(item.address(), item);
                byType.computeIfAbsent(item.type(), t -> new ArrayList<>()).add(item);
            }
        }));
    }

    JsonNode root() {
        return root;
    }

    /** The stack name cdktf records, or {@code stack}. */
    String stackName() {
        JsonNode name = root.path("//").path("metadata").path("stackName");
        return name.isTextual() ? name.asText() : "stack";
    }

    /**
     * The {@code Environment} tag of the AWS provider's {@code default_tags} (GrowStack writes it from its
     * naming), or {@code null} when no provider sets a literal one. With several AWS providers that disagree,
     * {@code null}: the stack has no one environment.
     */
    String environmentTag() {
        java.util.Set<String> found = new java.util.TreeSet<>();
        JsonNode aws = root.path("provider").path("aws");
        List<JsonNode> providers = new ArrayList<>();
        if (aws.isArray()) {
            aws.forEach(providers::add);
        } else if (aws.isObject()) {
            providers.add(aws);
        }
        for (JsonNode provider : providers) {
            for (JsonNode defaults : Values.blocks(provider, "default_tags")) {
                String value = Values.text(defaults.path("tags").path("Environment"));
                if (value != null) {
                    found.add(value);
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    Iterable<Item> items() {
        return items.values();
    }

    /** The items of the given types, in file order. */
    List<Item> all(String... types) {
        List<Item> out = new ArrayList<>();
        for (String type : types) {
            out.addAll(byType.getOrDefault(type, Collections.emptyList()));
        }
        return out;
    }

    /** What a whole-value reference points at, when it names an item of this stack; otherwise {@code null}. */
    Ref reference(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        Item item = items.get(m.group(1));
        return item == null ? null : new Ref(item, m.group(2));
    }

    /** The item of one of {@code types} that {@code value} refers to, or {@code null}. */
    Item resolve(JsonNode value, String... types) {
        return value != null && value.isTextual() ? resolve(value.asText(), types) : null;
    }

    /** The item of one of {@code types} that {@code value} refers to, or {@code null}. */
    Item resolve(String value, String... types) {
        Ref ref = reference(value);
        if (ref == null) {
            return null;
        }
        for (String type : types) {
            if (ref.item().type().equals(type)) {
                return ref.item();
            }
        }
        return null;
    }
}
