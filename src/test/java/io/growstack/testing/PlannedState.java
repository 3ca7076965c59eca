package io.growstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Terraform state (format version 4) for a synthesized stack, built without AWS: from what
 * {@code terraform plan} says the resources will be, with every value only known after apply filled
 * in by type (ARNs look like ARNs, ids are unique strings), then planned again against that state
 * until the plan is empty, so every reference between resources agrees. The result is what the state
 * would hold after {@code terraform apply}; tests then edit it as AWS would change it.
 */
public final class PlannedState {
    public static final String PROVIDER = "registry.terraform.io/hashicorp/aws";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ROUNDS = 4;

    private final Path dir;
    private JsonNode resourceSchemas;
    private int rounds;

    public PlannedState(Path dir) {
        this.dir = dir;
    }

    /** The state after apply, as the offline override's local backend file holds it (also written there). */
    public ObjectNode converge() {
        resourceSchemas = read(ok(run("terraform", "providers", "schema", "-json")).stdout())
                .path("provider_schemas").path(PROVIDER).path("resource_schemas");
        ObjectNode state = null;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            JsonNode plan = planJson("round-" + round);
            if (state != null && changes(plan).isEmpty()) {
                rounds = round;
                return state;
            }
            state = fromPlan(plan, state);
            write(state);
        }
        JsonNode plan = planJson("final");
        if (!changes(plan).isEmpty()) {
            throw new AssertionError("the planned state did not converge: " + changes(plan));
        }
        return state;
    }

    /** How many plans {@link #converge()} needed. */
    public int rounds() {
        return rounds;
    }

    /** Writes {@code state} where the test override's local backend reads it. */
    public void write(ObjectNode state) {
        try {
            Files.writeString(dir.resolve(io.growstack.terraform.Terraform.OFFLINE_STATE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code terraform plan -refresh=false -out} then {@code terraform show -json} of that plan. */
    public JsonNode planJson(String name) {
        String file = name + ".tfplan";
        ok(run("terraform", "plan", "-refresh=false", "-input=false", "-lock=false", "-no-color", "-out=" + file));
        return read(ok(run("terraform", "show", "-json", "-no-color", file)).stdout());
    }

    /** Address → actions of every resource change that is not a no-op. */
    public static Map<String, List<String>> changes(JsonNode plan) {
        Map<String, List<String>> changes = new java.util.TreeMap<>();
        for (JsonNode change : plan.path("resource_changes")) {
            List<String> actions = new ArrayList<>();
            change.path("change").path("actions").forEach(a -> actions.add(a.asText()));
            if (!actions.equals(List.of("no-op")) && !actions.equals(List.of("read"))) {
                changes.put(change.path("address").asText(), actions);
            }
        }
        return changes;
    }

    /** The one managed resource {@code address} in {@code state}: its instance's attributes. */
    public static ObjectNode attributes(ObjectNode state, String address) {
        int dot = address.indexOf('.');
        for (JsonNode resource : state.path("resources")) {
            if (resource.path("type").asText().equals(address.substring(0, dot))
                    && resource.path("name").asText().equals(address.substring(dot + 1))) {
                return (ObjectNode) resource.path("instances").get(0).path("attributes");
            }
        }
        throw new AssertionError("no " + address + " in the state");
    }

    private ObjectNode fromPlan(JsonNode plan, ObjectNode prior) {
        ObjectNode state = NODES.objectNode();
        state.put("version", 4);
        state.put("terraform_version", "1.10.0");
        state.put("serial", prior == null ? 1 : prior.path("serial").asInt() + 1);
        state.put("lineage", "00000000-0000-4000-8000-000000000001");
        state.putObject("outputs");
        ArrayNode resources = state.putArray("resources");
        for (JsonNode change : plan.path("resource_changes")) {
            if (!change.path("mode").asText().equals("managed")) {
                continue;
            }
            String type = change.path("type").asText();
            String address = change.path("address").asText();
            JsonNode schema = resourceSchemas.path(type);
            JsonNode priorAttributes = prior == null ? null : priorAttributes(prior, address);
            JsonNode after = change.path("change").path("after");
            JsonNode unknown = change.path("change").path("after_unknown");
            JsonNode attributes = fill(after, unknown, priorAttributes, schemaType(schema.path("block")), address, "");
            ObjectNode resource = resources.addObject();
            resource.put("mode", "managed");
            resource.put("type", type);
            resource.put("name", change.path("name").asText());
            resource.put("provider", "provider[\"" + PROVIDER + "\"]");
            ObjectNode instance = resource.putArray("instances").addObject();
            instance.put("schema_version", schema.path("version").asInt(0));
            instance.set("attributes", attributes);
            instance.putArray("sensitive_attributes");
        }
        // An unknown argument that is one reference takes the referenced value now, not a round later:
        // some resources (the security group rules) cannot even plan a difference there.
        for (int pass = 0; pass < 2; pass++) {
            for (JsonNode resource : plan.path("configuration").path("root_module").path("resources")) {
                if (!resource.path("mode").asText().equals("managed")) {
                    continue;
                }
                ObjectNode attributes = attributes(state, resource.path("address").asText());
                resource.path("expressions").fields().forEachRemaining(e -> {
                    JsonNode current = attributes.path(e.getKey());
                    boolean emptyList = current.isArray() && current.isEmpty();
                    if (!current.isNull() && !emptyList) {
                        return;
                    }
                    List<JsonNode> values = new ArrayList<>();
                    for (JsonNode reference : e.getValue().path("references")) {
                        String[] parts = reference.asText().split("\\.");
                        if (parts.length == 3) {
                            try {
                                JsonNode value = attributes(state, parts[0] + "." + parts[1]).path(parts[2]);
                                if (!value.isMissingNode() && !value.isNull()) {
                                    values.add(value);
                                }
                            } catch (AssertionError notManaged) {
                                // A data source or a local: left to the next round.
                            }
                        }
                    }
                    if (emptyList && !values.isEmpty()) {
                        ArrayNode list = attributes.putArray(e.getKey());
                        values.forEach(list::add);
                    } else if (current.isNull() && values.size() == 1) {
                        attributes.set(e.getKey(), values.get(0));
                    }
                });
            }
        }
        return state;
    }

    private static JsonNode priorAttributes(ObjectNode prior, String address) {
        try {
            return attributes(prior, address).deepCopy();
        } catch (AssertionError e) {
            return null;
        }
    }

    /** The block's type as Terraform's JSON type expression: ["object", {name: type}]. */
    private static JsonNode schemaType(JsonNode block) {
        ObjectNode fields = NODES.objectNode();
        block.path("attributes").fields().forEachRemaining(e -> fields.set(e.getKey(), e.getValue().path("type")));
        block.path("block_types").fields().forEachRemaining(e -> {
            JsonNode inner = schemaType(e.getValue().path("block"));
            String nesting = e.getValue().path("nesting_mode").asText();
            fields.set(e.getKey(), nesting.equals("single") || nesting.equals("group") ? inner
                    : NODES.arrayNode().add(nesting.equals("map") ? "map" : "list").add(inner));
        });
        return NODES.arrayNode().add("object").add(fields);
    }

    /** {@code after}, with every unknown value taken from the prior state or made up from its type. */
    private static JsonNode fill(JsonNode after, JsonNode unknown, JsonNode prior, JsonNode type, String address,
                                 String path) {
        if (unknown.isBoolean() && unknown.asBoolean()) {
            return prior != null && !prior.isMissingNode() && !prior.isNull() ? prior : fake(type, address, path);
        }
        if (type.isArray() && type.get(0).asText().equals("object") && (after.isObject() || unknown.isObject())) {
            ObjectNode result = after.isObject() ? ((ObjectNode) after).deepCopy() : NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = type.get(1).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode u = unknown.path(field.getKey());
                if (u.isMissingNode() || u.isBoolean() && !u.asBoolean()) {
                    continue;
                }
                result.set(field.getKey(), fill(after.path(field.getKey()), u,
                        prior == null ? null : prior.path(field.getKey()), field.getValue(), address,
                        path + "." + field.getKey()));
            }
            return result;
        }
        if (type.isArray() && (type.get(0).asText().equals("list") || type.get(0).asText().equals("set"))
                && unknown.isArray()) {
            ArrayNode result = NODES.arrayNode();
            for (int i = 0; i < Math.max(after.size(), unknown.size()); i++) {
                result.add(fill(after.path(i), unknown.path(i), prior == null ? null : prior.path(i), type.get(1),
                        address, path + "[" + i + "]"));
            }
            return result;
        }
        return after.isMissingNode() ? NODES.nullNode() : after;
    }

    /**
     * A value for an attribute AWS would compute. Only what other resources refer to needs one: ids in
     * the provider's shapes, ARNs, domain names, version numbers. Everything else stays empty, as a
     * provider default would read back, so no plan-time check of the provider finds a made-up value.
     */
    private static JsonNode fake(JsonNode type, String address, String path) {
        String safe = address.replaceAll("[^A-Za-z0-9-]", "-");
        if (type.isTextual()) {
            if (type.asText().equals("number")) {
                return path.endsWith("_version") ? NODES.numberNode(1) : NODES.nullNode();
            }
            if (!type.asText().equals("string")) {
                return NODES.nullNode();
            }
            if (path.equals(".id")) {
                return NODES.textNode(id(address));
            }
            if (path.endsWith("arn")) {
                return NODES.textNode("arn:aws:fake:ap-northeast-2:123456789012:" + safe + path);
            }
            if (path.endsWith("domain_name")) {
                return NODES.textNode(safe + ".fake.ap-northeast-2.amazonaws.com");
            }
            return NODES.nullNode();
        }
        return switch (type.get(0).asText()) {
            case "list", "set", "tuple" -> NODES.arrayNode();
            case "map" -> NODES.objectNode();
            default -> NODES.nullNode();
        };
    }

    /** Ids in the shape the provider validates where other resources refer to them ({@code lt-0123...}). */
    private static String id(String address) {
        String type = address.substring(0, address.indexOf('.'));
        String prefix = ID_PREFIXES.get(type);
        if (prefix == null) {
            return "fake-" + address.replaceAll("[^A-Za-z0-9-]", "-");
        }
        return prefix + String.format("%017x", address.hashCode() & 0xffffffffL).substring(0, 17);
    }

    private static final Map<String, String> ID_PREFIXES = Map.ofEntries(
            Map.entry("aws_launch_template", "lt-"), Map.entry("aws_vpc", "vpc-"), Map.entry("aws_subnet", "subnet-"),
            Map.entry("aws_security_group", "sg-"), Map.entry("aws_internet_gateway", "igw-"),
            Map.entry("aws_route_table", "rtb-"), Map.entry("aws_instance", "i-"), Map.entry("aws_vpc_endpoint", "vpce-"),
            Map.entry("aws_eip", "eipalloc-"), Map.entry("aws_nat_gateway", "nat-"),
            Map.entry("aws_vpc_security_group_ingress_rule", "sgr-"),
            Map.entry("aws_vpc_security_group_egress_rule", "sgr-"), Map.entry("aws_network_interface", "eni-"),
            Map.entry("aws_flow_log", "fl-"), Map.entry("aws_cloudfront_origin_access_control", "E"),
            Map.entry("aws_cloudfront_distribution", "E"));

    // The shared harness's offline environment (plugin cache, mock credentials, no checkpoint).
    private Tools.ProcessResult run(String... command) {
        return io.growstack.testing.Terraform.run(dir, java.util.Arrays.copyOfRange(command, 1, command.length));
    }

    private static Tools.ProcessResult ok(Tools.ProcessResult result) {
        if (!result.ok()) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs init for the stack (with the test override already written). */
    public static void init(Path dir) {
        Tools.ProcessResult init = Terraform.init(dir);
        if (!init.ok()) {
            throw new AssertionError(init.describe());
        }
    }
}
