package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import io.growstack.cli.Example;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.constructs.IConstruct;

/**
 * {@link RecordBodies} renders argument records as {@link Json}'s Jackson setup does: compared as
 * JSON text in map order, on every resource and data source of every example and on the edge
 * cases of Jackson's NON_EMPTY inclusion and key order.
 */
class RecordBodiesTest {
    // Writes maps in their own order, so a difference in key order is a difference in the text.
    private static final ObjectMapper TEXT = new ObjectMapper();

    @Test
    void everyExampleResourceRendersAsJacksonRendersIt() {
        Map<String, Object> argsByAddress = new TreeMap<>();
        for (Example example : ServiceLoader.load(Example.class)) {
            App app = new App();
            example.define(app);
            for (IConstruct child : app.getNode().getChildren()) {
                if (child instanceof GrowStack stack) {
                    stack.elements().resources().forEach(r -> argsByAddress.put(example.name() + " " + r.address(), r.args()));
                    stack.elements().dataSources().forEach(d -> argsByAddress.put(example.name() + " " + d.address(), d.args()));
                }
            }
        }
        assertThat(argsByAddress).hasSizeGreaterThan(300);
        List<String> jacksonOnly = new ArrayList<>();
        argsByAddress.forEach((address, args) -> {
            if (!RecordBodies.handles(args.getClass())) {
                jacksonOnly.add(address + " (" + args.getClass().getName() + ")");
                return;
            }
            assertThat(text(RecordBodies.render(args))).as(address).isEqualTo(text(Json.attributes(args)));
        });
        assertThat(jacksonOnly).as("argument types left to Jackson").isEmpty();
    }

    public record Inner(String name, Integer size) {
    }

    public record Edge(String text, String empty, Integer zero, Long big, Double ratio, Boolean off,
                       List<String> none, List<String> withNull, List<Inner> inners, Inner allNull,
                       Map<String, String> tags, Map<String, Object> nested, Map<String, List<String>> lists,
                       Map<String, Inner> byName) {
    }

    @Test
    void theEdgesOfJacksonsInclusionAndOrderAreKept() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Zeta", "z");
        tags.put("alpha", "a");
        tags.put("Empty", "");
        tags.put("Null", null);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("b", Map.of("y", 1));
        nested.put("a", List.of());
        nested.put("c", new Inner(null, null));
        nested.put("d", Map.of());
        Edge edge = new Edge("t", "", 0, 5_000_000_000L, 0.5, false, List.of(), Arrays.asList("x", null),
                List.of(new Inner("a", 1), new Inner(null, null)), new Inner(null, null), tags, nested,
                Map.of("k", List.of()), Map.of("n", new Inner("n", 2)));
        assertThat(RecordBodies.handles(Edge.class)).isTrue();
        assertThat(text(RecordBodies.render(edge))).isEqualTo(text(Json.attributes(edge)));
        Edge nulls = new Edge(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(text(RecordBodies.render(nulls))).isEqualTo(text(Json.attributes(nulls))).isEqualTo("{}");
    }

    public record Annotated(@JsonProperty("other_name") String name) {
    }

    public record WithGetter(String name) {
        public String getExtra() {
            return "extra";
        }
    }

    record Hidden(String name) {
    }

    public record Dated(java.time.LocalDate day) {
    }

    @Test
    void whatOnlyJacksonKnowsIsLeftToJackson() {
        assertThat(RecordBodies.handles(Annotated.class)).isFalse();
        assertThat(RecordBodies.handles(WithGetter.class)).isFalse();
        assertThat(RecordBodies.handles(Hidden.class)).isFalse();
        assertThat(RecordBodies.handles(Dated.class)).isFalse();
        assertThat(RecordBodies.handles(String.class)).isFalse();
        assertThat(Json.body(new WithGetter("n"))).containsEntry("extra", "extra");
        assertThat(Json.body(new Annotated("n"))).containsOnlyKeys("other_name");
    }

    private static String text(Object value) {
        try {
            return TEXT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
