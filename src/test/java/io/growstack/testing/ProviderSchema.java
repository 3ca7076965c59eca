package io.growstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
  * Checks a cdktf-synthesized stack ({@code cdk.tf.json}) against a compact Terraform provider
  * schema committed under {@code src/test/resources/provider-schema/} (see {@code SOURCE.md} there
  * and {@code tools/provider-schema/}).
  *
  * <p>Only what is <em>written</em> is checked: every {@code resource.<type>.<name>} and
  * {@code data.<type>.<name>} must use a type known to the fixture, only known arguments and blocks
  * (at any depth), all required arguments and blocks, values of the right shape and a block count
  * within {@code max_items}. Computed-only attributes are not in the fixture, so writing one is
  * reported as an unknown argument, as Terraform would.
  *
  * <p>Value rules (they follow Terraform's own conversions, checked with {@code terraform validate}):
  *
  * <ul>
  *   <li>{@code null} counts as "not set" (and so a required argument set to null is missing).
  *   <li>A string containing {@code ${} or {@code %{} is a template, known only at plan time: it is
  *       accepted wherever a string, number or bool is expected. A string that is <em>only</em> one
  *       interpolation ({@code "${aws_vpc.main.id}"}) can also yield a list, set, map or object, so
  *       it is accepted for any attribute type without looking further. Any other string where a
  *       collection or object is expected is a violation.
  *   <li>{@code string}: a JSON string, number or bool (Terraform converts the latter two); an
  *       object or array is a violation.
  *   <li>{@code number}: a JSON number, or a string Terraform converts to a number ({@code "8"},
  *       {@code "-1.5"}, {@code "1e3"}; no blanks); a bool is a violation.
  *   <li>{@code bool}: {@code true}/{@code false}, or the strings {@code "true"}, {@code "false"},
  *       {@code "1"}, {@code "0"}; a number is a violation.
  *   <li>{@code list(T)}/{@code set(T)}: a JSON array whose elements are T; {@code map(T)}: a JSON
  *       object whose values are T; {@code any}: anything.
  *   <li>Blocks: a JSON object (one block) or an array of objects (Terraform JSON accepts both); an
  *       expression string is a violation (Terraform rejects it: use {@code dynamic}). A required
  *       block needs at least one element; {@code max_items} (and at most one element for
  *       {@code single} nesting) is enforced. {@code dynamic.<block>.content} is checked like the
  *       block.
  *   <li>Object-typed attributes (e.g. {@code aws_security_group.ingress}): Terraform's JSON syntax
  *       always reads them as attributes, so the value must be an array for list/set types, and
  *       when the fixture says {@code json_requires_all_fields} every field must be present in each
  *       element (null allowed) - Terraform otherwise fails with {@code attributes ... are required}.
  * </ul>
  *
  * <p>Ignored: {@code "//"} (cdktf metadata) in any block body, and the meta-arguments in {@link
  * #META_ARGUMENTS} at the top of a resource or data source.
  */
public final class ProviderSchema {

    /** Classpath resource of the hashicorp/aws 6.25.0 fixture. */
    public static final String AWS6_RESOURCE = "/provider-schema/aws-6.25.0.json";

    /**
      * Terraform meta-arguments (what cdktf's TerraformMetaArguments synthesizes); they are not part
      * of a provider schema and are not checked.
      */
    public static final Set<String> META_ARGUMENTS =
            Collections.unmodifiableSet(
                    new TreeSet<>(
                            List.of(
                                    "connection",
                                    "count",
                                    "depends_on",
                                    "for_each",
                                    "lifecycle",
                                    "provider",
                                    "provisioner")));

    private static final String CDKTF_METADATA = "//";
    private static final Pattern NUMBER =
            Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> BOOL_STRINGS = Set.of("true", "false", "1", "0");

    private static final class Aws6Holder {
        static final ProviderSchema INSTANCE = load(AWS6_RESOURCE);
    }

    private final JsonNode root;

    private ProviderSchema(JsonNode root) {
        this.root = root;
    }

    /** The hashicorp/aws 6.25.0 schema, loaded once from {@value #AWS6_RESOURCE}. */
    public static ProviderSchema aws6() {
        return Aws6Holder.INSTANCE;
    }

    /** Loads a schema fixture in the format written by {@code tools/provider-schema/extract.mjs}. */
    public static ProviderSchema load(String classpathResource) {
        try (InputStream in = ProviderSchema.class.getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + classpathResource);
            }
            return new ProviderSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classpathResource, e);
        }
    }

    /** The provider source address, e.g. {@code hashicorp/aws}. */
    public String provider() {
        return root.path("provider").asText();
    }

    /** The provider version the fixture describes, e.g. {@code 6.25.0}. */
    public String version() {
        return root.path("version").asText();
    }

    /** Where the fixture was extracted from, e.g. {@code @cdktf/provider-aws@21.22.1}. */
    public String source() {
        return root.path("source").asText();
    }

    /** Resource types in the fixture, sorted. */
    public Set<String> resourceTypes() {
        return names(root.path("resources"));
    }

    /** Data source types in the fixture (without the {@code data.} prefix), sorted. */
    public Set<String> dataSourceTypes() {
        return names(root.path("data_sources"));
    }

    /**
      * Checks every resource and data source of a synthesized stack.
      *
      * @param synthesizedStack the parsed {@code cdk.tf.json}
      * @return human-readable violations, {@code "<address>: <path>: <problem>"}, empty when valid
      */
    public List<String> check(JsonNode synthesizedStack) {
        List<String> violations = new ArrayList<>();
        checkSection(synthesizedStack.path("resource"), "resources", "", "resource", violations);
        checkSection(synthesizedStack.path("data"), "data_sources", "data.", "data source", violations);
        return violations;
    }

    /**
      * Throws an {@link AssertionError} listing every violation found by {@link #check(JsonNode)}.
      */
    public void assertValid(JsonNode synthesizedStack) {
        List<String> violations = check(synthesizedStack);
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "synthesized stack does not match "
                            + provider()
                            + " "
                            + version()
                            + " ("
                            + violations.size()
                            + " violation"
                            + (violations.size() == 1 ? "" : "s")
                            + "):\n  "
                            + String.join("\n  ", violations));
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void checkSection(
            JsonNode section, String schemaKey, String prefix, String what, List<String> out) {
        if (section.isMissingNode() || section.isNull()) {
            return;
        }
        if (!section.isObject()) {
            out.add(prefix + "*: " + what + " section must be a JSON object");
            return;
        }
        for (Map.Entry<String, JsonNode> byType : fields(section)) {
            String type = byType.getKey();
            JsonNode schema = root.path(schemaKey).get(type);
            for (Map.Entry<String, JsonNode> byName : fields(byType.getValue())) {
                String address = prefix + type + "." + byName.getKey();
                if (schema == null) {
                    out.add(
                            address
                                    + ": unknown "
                                    + what
                                    + " type \""
                                    + type
                                    + "\" (not in the "
                                    + provider()
                                    + " "
                                    + version()
                                    + " schema fixture)");
                    continue;
                }
                JsonNode body = byName.getValue();
                if (!body.isObject()) {
                    out.add(address + ": " + what + " body must be a JSON object");
                    continue;
                }
                checkBody(address, "", body, schema, true, out);
            }
            if (!byType.getValue().isObject()) {
                out.add(prefix + type + ": must map names to " + what + " bodies");
            }
        }
    }

    /** Checks one block body (a resource, a data source or a nested block). */
    private void checkBody(
            String address,
            String path,
            JsonNode body,
            JsonNode schema,
            boolean topLevel,
            List<String> out) {
        JsonNode attributes = schema.path("attributes");
        JsonNode blocks = schema.path("blocks");
        Set<String> dynamicBlocks = new TreeSet<>();
        for (Map.Entry<String, JsonNode> field : fields(body)) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            String here = join(path, key);
            if (key.equals(CDKTF_METADATA) || (topLevel && META_ARGUMENTS.contains(key))) {
                continue;
            }
            if (key.equals("dynamic") && !attributes.has(key) && !blocks.has(key)) {
                checkDynamic(address, path, value, attributes, blocks, dynamicBlocks, out);
                continue;
            }
            if (attributes.has(key)) {
                checkAttribute(address, here, value, attributes.get(key), out);
            } else if (blocks.has(key)) {
                checkBlock(address, here, value, blocks.get(key), out);
            } else {
                out.add(
                        address
                                + ": "
                                + here
                                + ": unknown argument or block"
                                + suggestion(key, attributes, blocks));
            }
        }
        for (Map.Entry<String, JsonNode> attribute : fields(attributes)) {
            if (attribute.getValue().path("required").asBoolean() && isUnset(body.get(attribute.getKey()))
                    && !dynamicBlocks.contains(attribute.getKey())) {
                out.add(address + ": " + join(path, attribute.getKey()) + ": missing required argument");
            }
        }
        for (Map.Entry<String, JsonNode> block : fields(blocks)) {
            JsonNode value = body.get(block.getKey());
            boolean empty = isUnset(value) || (value.isArray() && value.isEmpty());
            if (block.getValue().path("required").asBoolean()
                    && empty
                    && !dynamicBlocks.contains(block.getKey())) {
                out.add(
                        address + ": " + join(path, block.getKey()) + ": missing required block (at least 1)");
            }
        }
    }

    private void checkDynamic(
            String address,
            String path,
            JsonNode value,
            JsonNode attributes,
            JsonNode blocks,
            Set<String> dynamicBlocks,
            List<String> out) {
        String here = join(path, "dynamic");
        if (!value.isObject()) {
            out.add(address + ": " + here + ": must be a JSON object of dynamic blocks");
            return;
        }
        for (Map.Entry<String, JsonNode> dyn : fields(value)) {
            String name = dyn.getKey();
            String dynPath = join(here, name);
            JsonNode blockSchema = blocks.get(name);
            JsonNode objectAttribute = attributes.get(name);
            if (blockSchema == null && objectAttribute != null && objectAttribute.has("object")) {
                blockSchema = objectAttribute.get("object");
            }
            if (blockSchema == null) {
                out.add(
                        address
                                + ": "
                                + dynPath
                                + ": unknown block for dynamic"
                                + suggestion(name, attributes, blocks));
                continue;
            }
            dynamicBlocks.add(name);
            Iterable<JsonNode> specs =
                    dyn.getValue().isArray() ? dyn.getValue() : List.of(dyn.getValue());
            for (JsonNode spec : specs) {
                if (!spec.isObject()) {
                    out.add(address + ": " + dynPath + ": dynamic block must be a JSON object");
                    continue;
                }
                if (isUnset(spec.get("for_each"))) {
                    out.add(address + ": " + dynPath + ".for_each: missing required argument");
                }
                JsonNode content = spec.get("content");
                if (content == null || !content.isObject()) {
                    out.add(address + ": " + dynPath + ".content: missing block content");
                } else {
                    checkBody(address, join(dynPath, "content"), content, blockSchema, false, out);
                }
            }
        }
    }

    private void checkBlock(
            String address, String path, JsonNode value, JsonNode schema, List<String> out) {
        if (value == null || value.isNull()) {
            return;
        }
        String nesting = schema.path("nesting").asText("list");
        if (nesting.equals("map")) {
            if (!value.isObject()) {
                out.add(address + ": " + path + ": block map must be a JSON object of labelled blocks");
                return;
            }
            for (Map.Entry<String, JsonNode> labelled : fields(value)) {
                checkOneBlock(address, join(path, labelled.getKey()), labelled.getValue(), schema, out);
            }
            return;
        }
        if (value.isObject()) {
            checkBody(address, path, value, schema, false, out);
            return;
        }
        if (!value.isArray()) {
            out.add(
                    address
                            + ": "
                            + path
                            + ": block must be a JSON object or an array of objects, found "
                            + describe(value)
                            + (value.isTextual() ? " (an expression cannot produce a block; use dynamic)" : ""));
            return;
        }
        int max = nesting.equals("single") ? 1 : schema.path("max_items").asInt(0);
        if (max > 0 && value.size() > max) {
            out.add(
                    address
                            + ": "
                            + path
                            + ": too many blocks: "
                            + value.size()
                            + " given, at most "
                            + max
                            + " allowed");
        }
        for (int i = 0; i < value.size(); i++) {
            checkOneBlock(address, path + "[" + i + "]", value.get(i), schema, out);
        }
    }

    private void checkOneBlock(
            String address, String path, JsonNode value, JsonNode schema, List<String> out) {
        if (!value.isObject()) {
            out.add(address + ": " + path + ": block must be a JSON object, found " + describe(value));
            return;
        }
        checkBody(address, path, value, schema, false, out);
    }

    private void checkAttribute(
            String address, String path, JsonNode value, JsonNode schema, List<String> out) {
        if (value == null || value.isNull()) {
            return;
        }
        checkValue(address, path, value, Type.parse(schema.path("type").asText("any")), schema, out);
        JsonNode maxItems = schema.get("max_items");
        if (maxItems != null && value.isArray() && value.size() > maxItems.asInt()) {
            out.add(
                    address
                            + ": "
                            + path
                            + ": too many elements: "
                            + value.size()
                            + " given, at most "
                            + maxItems.asInt()
                            + " allowed");
        }
    }

    private void checkValue(
            String address, String path, JsonNode value, Type type, JsonNode schema, List<String> out) {
        if (value == null || value.isNull() || type.kind.equals("any")) {
            return;
        }
        if (value.isTextual() && isWholeInterpolation(value.asText())) {
            return; // known only at plan time; may be any type
        }
        switch (type.kind) {
            case "string":
                if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
                    out.add(problem(address, path, "a string", value));
                }
                break;
            case "number":
                if (!(value.isNumber()
                        || (value.isTextual()
                                && (isTemplate(value.asText()) || NUMBER.matcher(value.asText()).matches())))) {
                    out.add(problem(address, path, "a number", value));
                }
                break;
            case "bool":
                if (!(value.isBoolean()
                        || (value.isTextual()
                                && (isTemplate(value.asText()) || BOOL_STRINGS.contains(value.asText()))))) {
                    out.add(problem(address, path, "a bool", value));
                }
                break;
            case "list":
            case "set":
                if (!value.isArray()) {
                    out.add(problem(address, path, "a " + type.kind + " (JSON array)", value));
                    break;
                }
                for (int i = 0; i < value.size(); i++) {
                    checkValue(address, path + "[" + i + "]", value.get(i), type.element, schema, out);
                }
                break;
            case "map":
                if (!value.isObject()) {
                    out.add(problem(address, path, "a map (JSON object)", value));
                    break;
                }
                for (Map.Entry<String, JsonNode> entry : fields(value)) {
                    checkValue(address, path + "[\"" + entry.getKey() + "\"]", entry.getValue(),
                            type.element, schema, out);
                }
                break;
            case "object":
                checkObject(address, path, value, schema, out);
                break;
            default:
                out.add(address + ": " + path + ": fixture has unsupported type " + type);
        }
    }

    /** An element of an object-typed attribute such as {@code aws_security_group.ingress}. */
    private void checkObject(
            String address, String path, JsonNode value, JsonNode schema, List<String> out) {
        if (!value.isObject()) {
            out.add(problem(address, path, "an object", value));
            return;
        }
        JsonNode object = schema.path("object");
        JsonNode attributes = object.path("attributes");
        JsonNode blocks = object.path("blocks");
        boolean allRequired = schema.path("json_requires_all_fields").asBoolean();
        for (Map.Entry<String, JsonNode> field : fields(value)) {
            String key = field.getKey();
            String here = join(path, key);
            if (attributes.has(key)) {
                checkAttribute(address, here, field.getValue(), attributes.get(key), out);
            } else if (blocks.has(key)) {
                checkBlock(address, here, field.getValue(), blocks.get(key), out);
            } else {
                out.add(address + ": " + here + ": unknown field" + suggestion(key, attributes, blocks));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> attribute : fields(attributes)) {
            String key = attribute.getKey();
            boolean absent =
                    allRequired
                            ? !value.has(key)
                            : attribute.getValue().path("required").asBoolean() && isUnset(value.get(key));
            if (absent) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            out.add(
                    address
                            + ": "
                            + path
                            + ": missing field"
                            + (missing.size() == 1 ? " " : "s ")
                            + String.join(", ", missing)
                            + (allRequired
                                    ? " (Terraform JSON needs every field of this object type; use null for unset)"
                                    : ""));
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** A Terraform type expression as written in the fixture: string, list(string), map(bool), ... */
    private static final class Type {
        final String kind;
        final Type element;

        private Type(String kind, Type element) {
            this.kind = kind;
            this.element = element;
        }

        static Type parse(String text) {
            int open = text.indexOf('(');
            if (open < 0) {
                return new Type(text, null);
            }
            String kind = text.substring(0, open);
            String inner = text.substring(open + 1, text.length() - 1);
            return new Type(kind, parse(inner));
        }

        @Override
        public String toString() {
            return element == null ? kind : kind + "(" + element + ")";
        }
    }

    private static boolean isTemplate(String s) {
        return s.contains("${") || s.contains("%{");
    }

    /**
      * True when the whole string is a single {@code ${...}} interpolation, whose value keeps its own
      * type (list, map, ...) instead of being converted to a string.
      */
    static boolean isWholeInterpolation(String s) {
        if (!s.startsWith("${") || !s.endsWith("}")) {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 2; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i == s.length() - 1;
                }
                depth--;
            }
        }
        return false;
    }

    private static boolean isUnset(JsonNode value) {
        return value == null || value.isNull();
    }

    private static String problem(String address, String path, String expected, JsonNode value) {
        return address + ": " + path + ": expected " + expected + ", found " + describe(value);
    }

    private static String describe(JsonNode value) {
        String kind;
        if (value.isObject()) {
            kind = "a JSON object";
        } else if (value.isArray()) {
            kind = "a JSON array";
        } else if (value.isTextual()) {
            kind = "the string";
        } else if (value.isBoolean()) {
            kind = "the bool";
        } else if (value.isNumber()) {
            kind = "the number";
        } else {
            kind = "a JSON " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
        String text = value.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return kind + " " + text;
    }

    private static String suggestion(String key, JsonNode attributes, JsonNode blocks) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (JsonNode names : List.of(attributes, blocks)) {
            for (Iterator<String> it = names.fieldNames(); it.hasNext(); ) {
                String candidate = it.next();
                int d = distance(key, candidate);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = candidate;
                }
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4)
                ? " (did you mean \"" + best + "\"?)"
                : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> result = new TreeSet<>();
        node.fieldNames().forEachRemaining(result::add);
        return Collections.unmodifiableSet(result);
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node::fields;
    }
}
