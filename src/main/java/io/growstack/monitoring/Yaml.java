package io.growstack.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The Jackson mappers of the monitoring files: same input, same bytes. */
final class Yaml {
    /** snake_case keys (Prometheus, cloud-config). */
    static final YAMLMapper SNAKE = base().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    /** Keys as written (Grafana's camelCase provisioning files). */
    static final YAMLMapper AS_IS = base().build();
    /** Compact JSON with keys as written (Grafana dashboards). */
    static final ObjectMapper JSON = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private Yaml() {
    }

    private static YAMLMapper.Builder base() {
        return io.growstack.core.Yaml.builder()
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY);
    }

    /** {@code value} as YAML text. */
    static String write(ObjectMapper mapper, Object value, String what) {
        return io.growstack.core.Yaml.write(mapper, value, what);
    }
}
