package io.growstack.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML style of every file growstack generates (cloud-config, Prometheus and Grafana files,
 * appspec, GitHub workflows): Jackson, never string templates; no document marker; quotes only
 * where YAML needs them, but always around numbers-as-strings and the words YAML 1.1 readers take
 * for booleans ({@code "on"}); multi-line strings as literal blocks; list items indented.
 */
public final class Yaml {
    private Yaml() {
    }

    /** A mapper builder with growstack's YAML style; callers add naming, inclusion or line splitting. */
    public static YAMLMapper.Builder builder() {
        return YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR);
    }

    /** {@code value} as text through {@code mapper}; {@code what} names it in the error. */
    public static String write(ObjectMapper mapper, Object value, String what) {
        Args.notNull(mapper, "mapper");
        Args.notNull(what, "what");
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + what, e);
        }
    }
}
