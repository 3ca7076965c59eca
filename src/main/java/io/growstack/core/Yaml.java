package io.growstack.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one YAML style of every file growstack generates (cloud-config, Prometheus and Grafana files,
 * appspec, GitHub workflows): Jackson, never string templates; no document marker; quotes only
 * where YAML needs them, but always around numbers-as-strings and the words YAML 1.1 readers take
 * for booleans ({@code "on"}); multi-line strings as literal blocks; list items indented; empty
 * record components left out, but every map entry written as given (a workflow's
 * {@code workflow_dispatch: {}} means something); and long lines never folded: a folded line is
 * one more place where a reader and the writer may disagree, and the cloud-configs travel inside
 * the Terraform JSON, whose bytes must not move with Jackson's line width.
 */
public final class Yaml {
    /** Keys as the document spells them (maps, camelCase Grafana files, GitHub workflows). */
    public static final ObjectWriter AS_IS = builder().build().writer();
    /** Record components as snake_case keys (Prometheus, cloud-config). */
    public static final ObjectWriter SNAKE = builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build().writer();

    private Yaml() {
    }

    /** A mapper builder with growstack's YAML style; callers may add a naming strategy. */
    public static YAMLMapper.Builder builder() {
        return YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                        JsonInclude.Include.ALWAYS));
    }

    /** {@code value} as text through {@code writer}; {@code what} names it in the error. */
    public static String write(ObjectWriter writer, Object value, String what) {
        Args.notNull(writer, "writer");
        Args.notNull(what, "what");
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + what, e);
        }
    }

    /** {@code value} as text through {@code mapper}; {@code what} names it in the error. */
    public static String write(ObjectMapper mapper, Object value, String what) {
        Args.notNull(mapper, "mapper");
        return write(mapper.writer(), value, what);
    }
}
