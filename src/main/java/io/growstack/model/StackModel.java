package io.growstack.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One synthesized stack as the review, the cost estimate, the diagram and the command line read it:
 * its resources and data sources by address, variables, outputs, locals, the AWS provider
 * configurations with their regions, and whole-value reference resolution
 * ({@code ${aws_x.name.attr}}). Literal values are read with {@link Values}, so every reader tells a
 * literal from a reference the same way.
 *
 * <p>Built from a parsed {@code cdk.tf.json} ({@link #of(JsonNode)}) or, before anything is written,
 * from the resource bodies a stack renders ({@link #builder(String)}). It knows no block: only Terraform
 * JSON.
 */
public final class StackModel {
    private static final Pattern PROVIDER = Pattern.compile("^(?:\\$\\{)?aws\\.([A-Za-z0-9_-]+)}?$");

    /** One resource ({@code type} like {@code aws_vpc}) or data source ({@code type} like {@code data.aws_ami}). */
    public record Item(String type, String name, JsonNode body) {
        public Item {
            Objects.requireNonNull(type, "type must not be null");
            Objects.requireNonNull(name, "name must not be null");
            Objects.requireNonNull(body, "body must not be null");
        }

        /** The Terraform address, {@code type.name}. */
        public String address() {
            return type + "." + name;
        }

        /** Whether this is a data source. */
        public boolean isData() {
            return type.startsWith("data.");
        }

        /** The construct path cdktf records, or {@code null}. */
        public String path() {
            JsonNode path = body.path("//").path("metadata").path("path");
            return path.isTextual() ? path.asText() : null;
        }

        /** The argument {@code attribute}, or a missing node. */
        public JsonNode get(String attribute) {
            return body.path(attribute);
        }
    }

    /** A resolved reference: the item of this stack it names and the attribute read from it. */
    public record Ref(Item item, String attribute) {
    }

    /**
     * One {@code aws} provider configuration.
     *
     * @param alias  its alias, {@code null} for the default provider
     * @param region its literal region, {@code null} when not literal or not set
     * @param config the configuration as written (default tags, assume role), or a missing node
     */
    public record Provider(String alias, String region, JsonNode config) {
    }

    private final String stackName;
    private final JsonNode comment;
    private final JsonNode terraform;
    private final List<Provider> providers;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, List<Item>> byType = new LinkedHashMap<>();
    private final Map<String, JsonNode> variables;
    private final Map<String, JsonNode> outputs;
    private final Map<String, JsonNode> locals;

    private StackModel(Builder b) {
        this.stackName = b.stackName;
        this.comment = b.comment;
        this.terraform = b.terraform;
        this.providers = List.copyOf(b.providers);
        b.items.forEach(this::index);
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.outputs));
        this.locals = Collections.unmodifiableMap(new LinkedHashMap<>(b.locals));
    }

    private void index(Item item) {
        items.put(item.address(), item);
        byType.computeIfAbsent(item.type(), t -> new ArrayList<>()).add(item);
    }

    /** The model of a parsed {@code cdk.tf.json}. */
    public static StackModel of(JsonNode root) {
        Objects.requireNonNull(root, "root must not be null");
        JsonNode name = root.path("//").path("metadata").path("stackName");
        Builder b = builder(name.isTextual() ? name.asText() : null);
        b.comment = root.path("//");
        b.terraform = root.path("terraform");
        for (JsonNode config : Values.elements(root.path("provider").path("aws"))) {
            if (config.isObject()) {
                JsonNode alias = config.path("alias");
                b.providers.add(new Provider(alias.isNull() || alias.isMissingNode() ? null : alias.asText(),
                        Values.text(config.path("region")), config));
            }
        }
        addItems(b, root.path("resource"), "");
        addItems(b, root.path("data"), "data.");
        root.path("variable").fields().forEachRemaining(e -> b.variables.put(e.getKey(), e.getValue()));
        root.path("output").fields().forEachRemaining(e -> b.outputs.put(e.getKey(), e.getValue()));
        root.path("locals").fields().forEachRemaining(e -> b.locals.put(e.getKey(), e.getValue()));
        return b.build();
    }

    private static void addItems(Builder b, JsonNode section, String prefix) {
        section.fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(named -> {
            if (named.getValue().isObject()) {
                b.items.add(new Item(prefix + type.getKey(), named.getKey(), named.getValue()));
            }
        }));
    }

    /** A model built item by item, for a stack that is not synthesized yet; {@code stackName} may be null. */
    public static Builder builder(String stackName) {
        return new Builder(stackName);
    }

    /** The stack name cdktf records, or {@code stack}. */
    public String stackName() {
        return stackName != null ? stackName : "stack";
    }

    /** The stack's top-level comment ({@code "//"}: metadata, growstack's suppressions), or a missing node. */
    public JsonNode comment() {
        return comment;
    }

    /** The {@code terraform} block (backend, required providers), or a missing node. */
    public JsonNode terraform() {
        return terraform;
    }

    /** The {@code aws} provider configurations, in file order. */
    public List<Provider> providers() {
        return providers;
    }

    /** The default provider's literal region: the first configuration without an alias; {@code null} if none says. */
    public String defaultRegion() {
        for (Provider provider : providers) {
            if (provider.alias() == null) {
                return provider.region();
            }
        }
        return null;
    }

    /** The region {@code item} lives in: its aliased provider's, else the default; {@code null} if unknown. */
    public String region(Item item) {
        JsonNode provider = item.get("provider");
        if (provider.isTextual()) {
            Matcher m = PROVIDER.matcher(provider.asText());
            if (m.matches()) {
                for (Provider candidate : providers) {
                    if (m.group(1).equals(candidate.alias())) {
                        return candidate.region();
                    }
                }
                return null;
            }
        }
        return defaultRegion();
    }

    /** Every resource and data source, resources first, in file order. */
    public List<Item> items() {
        return List.copyOf(items.values());
    }

    /** The resources (no data sources), in file order. */
    public List<Item> resources() {
        return items.values().stream().filter(i -> !i.isData()).toList();
    }

    /** The items of the given types, in file order. */
    public List<Item> all(String... types) {
        List<Item> out = new ArrayList<>();
        for (String type : types) {
            out.addAll(byType.getOrDefault(type, Collections.emptyList()));
        }
        return out;
    }

    /** The item at {@code address}. */
    public Optional<Item> item(String address) {
        return Optional.ofNullable(items.get(address));
    }

    /** The stack's variables by name (their declarations). */
    public Map<String, JsonNode> variables() {
        return variables;
    }

    /** The stack's outputs by name (their declarations, {@code value} inside). */
    public Map<String, JsonNode> outputs() {
        return outputs;
    }

    /** The stack's locals by name (their expressions). */
    public Map<String, JsonNode> locals() {
        return locals;
    }

    /** What a whole-value reference points at, when it names an item of this stack; otherwise {@code null}. */
    public Ref reference(String value) {
        return Reference.parse(value)
                .flatMap(r -> item(r.address()).map(item -> new Ref(item, r.attribute())))
                .orElse(null);
    }

    /** What a whole-value reference points at, when {@code value} is one naming an item of this stack; else {@code null}. */
    public Ref reference(JsonNode value) {
        return value != null && value.isTextual() ? reference(value.asText()) : null;
    }

    /** The item of one of {@code types} that {@code value} refers to, or {@code null}. */
    public Item resolve(JsonNode value, String... types) {
        return value != null && value.isTextual() ? resolve(value.asText(), types) : null;
    }

    /** The item of one of {@code types} that {@code value} refers to, or {@code null}. */
    public Item resolve(String value, String... types) {
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

    /** Builds a {@link StackModel}. */
    public static final class Builder {
        private final String stackName;
        private JsonNode comment = MissingNode.getInstance();
        private JsonNode terraform = MissingNode.getInstance();
        private final List<Provider> providers = new ArrayList<>();
        private final List<Item> items = new ArrayList<>();
        private final Map<String, JsonNode> variables = new LinkedHashMap<>();
        private final Map<String, JsonNode> outputs = new LinkedHashMap<>();
        private final Map<String, JsonNode> locals = new LinkedHashMap<>();

        private Builder(String stackName) {
            this.stackName = stackName;
        }

        /** Adds an {@code aws} provider configuration: {@code alias} null for the default one. */
        public Builder provider(String alias, String region) {
            providers.add(new Provider(alias, region, MissingNode.getInstance()));
            return this;
        }

        /** Adds the resource at {@code address} ({@code type.name}) with the body Terraform would read. */
        public Builder resource(String address, JsonNode body) {
            Objects.requireNonNull(address, "address must not be null");
            int dot = address.indexOf('.');
            if (dot <= 0 || dot == address.length() - 1 || address.startsWith("data.")) {
                throw new IllegalArgumentException("resource address '" + address + "': expected type.name");
            }
            items.add(new Item(address.substring(0, dot), address.substring(dot + 1), body));
            return this;
        }

        /** The model. */
        public StackModel build() {
            return new StackModel(this);
        }
    }
}
