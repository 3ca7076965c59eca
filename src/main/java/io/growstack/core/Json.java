package io.growstack.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one Jackson setup that renders typed arguments and JSON documents (IAM policies) the way
 * Terraform reads them: snake_case names, nulls and empty collections left out, stable order.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .build();
    // Policy documents use AWS's own PascalCase keys in AWS's usual order, so they are neither renamed
    // nor sorted: build them from ordered maps (PolicyStatement does), never from Map.of with more than
    // one entry, whose order changes from one JVM to the next.
    private static final ObjectMapper DOCUMENTS = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    // Rendered bodies are already Terraform's names and values: read as they are, nothing renamed or dropped.
    private static final ObjectMapper TREES = new ObjectMapper();

    private static final Set<Class<?>> PREFETCHED = ConcurrentHashMap.newKeySet();
    private static final ExecutorService PREFETCH = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "growstack-json-prefetch");
        thread.setDaemon(true);
        return thread;
    });

    private Json() {
    }

    /**
     * Prepares the rendering of {@code type} on a background thread: resources register while the
     * main thread mostly waits for cdktf's Node process, so the reflection over each argument type
     * (about a millisecond on a cold JVM for Jackson's) is done by the time the stack is rendered.
     */
    static void prefetch(Class<?> type) {
        if (PREFETCHED.add(type)) {
            PREFETCH.execute(() -> {
                try {
                    if (!RecordBodies.handles(type)) {
                        MAPPER.getSerializerProviderInstance().findValueSerializer(type);
                    }
                } catch (JsonMappingException | RuntimeException ignored) {
                    // Rendering reports the same problem on the main thread.
                }
            });
        }
    }

    /** Renders typed arguments to the attribute map Terraform JSON expects. */
    public static Map<String, Object> attributes(Object args) {
        return MAPPER.convertValue(args, MAP);
    }

    /**
     * The attribute map of a resource's or data source's arguments: {@link RecordBodies} for the
     * records it renders as Jackson would, Jackson for anything else.
     */
    static Map<String, Object> body(Object args) {
        return RecordBodies.handles(args.getClass()) ? RecordBodies.render(args) : attributes(args);
    }

    /** One value inside a body that {@link RecordBodies} does not render itself, as Jackson renders it. */
    static Object plainValue(Object value) {
        return MAPPER.convertValue(value, Object.class);
    }

    /** A rendered body (maps, lists, strings, numbers) as a JSON tree. */
    static JsonNode tree(Map<String, Object> rendered) {
        return TREES.valueToTree(rendered);
    }

    /** Whether {@code value} holds only maps with text keys, lists, text, numbers, booleans and nulls. */
    static boolean isPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !isPlain(entry.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof java.util.List<?> list) {
            for (Object item : list) {
                if (!isPlain(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Encodes a document (an IAM policy, a map) as compact JSON text, keys in the map's own order. */
    public static String document(Object document) {
        try {
            return DOCUMENTS.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode document " + document, e);
        }
    }
}
