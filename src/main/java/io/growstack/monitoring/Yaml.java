package io.growstack.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
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
        return YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY);
    }

    /** {@code value} as YAML text. */
    static String write(ObjectMapper mapper, Object value, String what) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + what, e);
        }
    }
}
