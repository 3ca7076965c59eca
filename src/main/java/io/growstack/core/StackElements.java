package io.growstack.core;

import com.hashicorp.cdktf.TerraformElement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The one cdktf element of a {@link GrowStack} that renders every growstack {@link Resource} and
 * {@link DataSource} of the stack in one callback. cdktf resolves the tokens inside what it returns,
 * so a user's cdktf values may appear in growstack arguments and growstack references in theirs.
 *
 * <p>It also owns the address check: two construct paths that map to one Terraform address (a
 * construct {@code a_b} beside {@code a/b}) would silently merge into one resource, so the second
 * registration fails and names both paths.
 */
final class StackElements extends TerraformElement {
    /** The construct id of the element under each stack. */
    static final String ID = "growstack-resources";

    private final List<Resource> resources = new ArrayList<>();
    private final List<DataSource> dataSources = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();
    private final Map<String, Local> locals = new LinkedHashMap<>();
    private final Map<String, String> pathByAddress = new HashMap<>();
    private final Map<String, String> addressByPath = new HashMap<>();

    StackElements(Construct stack) {
        super(stack, ID);
    }

    void register(Resource resource) {
        claim(resource.address(), resource.path());
        resources.add(resource);
    }

    void register(DataSource dataSource) {
        claim(dataSource.address(), dataSource.path());
        dataSources.add(dataSource);
    }

    void register(Output output) {
        claim("output." + output.name(), output.path());
        outputs.add(output);
    }

    void register(Local local, String path) {
        claim("local." + local.name(), path);
        locals.put(local.name(), local);
    }

    private void claim(String address, String path) {
        String samePath = addressByPath.get(path);
        if (samePath != null) {
            throw new ValidationException(path, "id", path.substring(path.lastIndexOf('/') + 1),
                    "expected an id not used yet under " + path.substring(0, path.lastIndexOf('/'))
                            + " (it already holds " + samePath + ")");
        }
        String other = pathByAddress.putIfAbsent(address, path);
        if (other != null) {
            throw new ValidationException(path, "id", path.substring(path.lastIndexOf('/') + 1),
                    "expected a construct path whose Terraform address differs from that of " + other
                            + ": both become " + address + " (construct ids are joined with '_'); rename one of them");
        }
        addressByPath.put(path, address);
    }

    /** The stack's growstack resources, in the order they were created. */
    List<Resource> resources() {
        return List.copyOf(resources);
    }

    List<DataSource> dataSources() {
        return List.copyOf(dataSources);
    }

    private Object prepared;

    /**
     * Renders the stack in Java before cdktf asks for it, so a mistake found while rendering (an
     * override path that misses) is the library's own error, not one wrapped by jsii; cdktf's two
     * requests then reuse the result.
     */
    void prepare() {
        prepared = null;
        prepared = forJsii(render());
    }

    @Override
    public Object toTerraform() {
        return prepared != null ? prepared : forJsii(render());
    }

    // jsii encodes a Java map entry by entry through its own serializers (a tenth of a second for v4
    // on a cold JVM, and cdktf asks twice); a JSON tree it copies as it is, and its kernel reads a
    // plain object as a map. A body holding a jsii object (a user's cdktf value in an override)
    // stays a map, so that jsii passes that object by reference.
    private static Object forJsii(Map<String, Object> rendered) {
        return Json.isPlain(rendered) ? Json.tree(rendered) : rendered;
    }

    private Map<String, Object> render() {
        Map<String, Object> tf = new LinkedHashMap<>();
        if (!resources.isEmpty()) {
            Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
            for (Resource resource : resources) {
                byType.computeIfAbsent(resource.type(), t -> new LinkedHashMap<>())
                        .put(resource.address().substring(resource.type().length() + 1), resource.render());
            }
            tf.put("resource", byType);
        }
        if (!dataSources.isEmpty()) {
            Map<String, Map<String, Object>> byType = new LinkedHashMap<>();
            for (DataSource data : dataSources) {
                String prefix = "data." + data.type() + ".";
                byType.computeIfAbsent(data.type(), t -> new LinkedHashMap<>())
                        .put(data.address().substring(prefix.length()), data.render());
            }
            tf.put("data", byType);
        }
        if (!outputs.isEmpty()) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            Map<String, Object> byPath = new LinkedHashMap<>();
            for (Output output : outputs) {
                rendered.put(output.name(), output.render());
                nest(byPath, output.path().split("/"), output.name());
            }
            tf.put("output", rendered);
            // cdktf lists each output's construct path in the stack's comment; keep writing what it wrote.
            tf.put("//", Map.of("outputs", byPath));
        }
        if (!locals.isEmpty()) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            locals.forEach((name, local) -> rendered.put(name, local.expression()));
            tf.put("locals", rendered);
        }
        return tf;
    }

    // cdktf lists the top-level keys each resource overrides in the stack's //.metadata.overrides.
    @Override
    public Object toMetadata() {
        Map<String, List<String>> overridden = new LinkedHashMap<>();
        for (Resource resource : resources) {
            if (!resource.overrides().isEmpty()) {
                overridden.computeIfAbsent(resource.type(), t -> new ArrayList<>()).addAll(resource.overrides().keys());
            }
        }
        for (DataSource data : dataSources) {
            if (!data.overrides().isEmpty()) {
                overridden.computeIfAbsent("data." + data.type(), t -> new ArrayList<>()).addAll(data.overrides().keys());
            }
        }
        return overridden.isEmpty() ? Map.of() : Map.of("overrides", overridden);
    }

    @SuppressWarnings("unchecked")
    private static void nest(Map<String, Object> into, String[] parts, String leaf) {
        Map<String, Object> current = into;
        for (int i = 0; i < parts.length - 1; i++) {
            current = (Map<String, Object>) current.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        current.put(parts[parts.length - 1], leaf);
    }

    /** Adds cdktf's per-element {@code "//"} metadata (path and unique id) to a rendered body. */
    static Map<String, Object> withMetadata(Map<String, Object> body, String path, String uniqueId) {
        Map<String, Object> comment = new LinkedHashMap<>();
        if (body.get("//") instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> comment.put(String.valueOf(k), v));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("path", path);
        metadata.put("uniqueId", uniqueId);
        comment.put("metadata", metadata);
        body.put("//", comment);
        return body;
    }
}
