package io.growstack.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The YAML writer of the generated delivery files, in growstack's one YAML style
 * ({@link io.growstack.core.Yaml}); maps keep their insertion order and long lines may fold.
 */
final class Yaml {
    private static final ObjectMapper MAPPER = io.growstack.core.Yaml.builder().build();

    private Yaml() {
    }

    /** {@code document} (maps, lists, strings, numbers) as YAML text. */
    static String write(Object document) {
        return io.growstack.core.Yaml.write(MAPPER, document, "YAML for " + document);
    }
}
