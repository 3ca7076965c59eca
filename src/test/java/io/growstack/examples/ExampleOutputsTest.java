package io.growstack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.cli.Example;
import io.growstack.testing.ExampleStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each template README's "Outputs (`terraform output`):" paragraph names exactly the outputs its stacks have. */
class ExampleOutputsTest {
    private static final String HEADING = "Outputs (`terraform output`):";
    private static final Pattern NAME = Pattern.compile("`([a-z][a-z0-9_]*)`");

    static Stream<Example> examples() {
        return ServiceLoader.load(Example.class).stream().map(ServiceLoader.Provider::get);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theReadmeListsTheRealOutputs(Example example) throws IOException {
        String readme = Files.readString(Path.of("examples", example.name(), "README.md"));
        int start = readme.indexOf(HEADING);
        assertThat(start).as(example.name() + "/README.md has an outputs paragraph starting " + HEADING).isNotNegative();
        int end = readme.indexOf("\n\n", start);
        Matcher names = NAME.matcher(readme.substring(start + HEADING.length(), end < 0 ? readme.length() : end));
        TreeSet<String> listed = new TreeSet<>();
        while (names.find()) {
            listed.add(names.group(1));
        }
        TreeSet<String> actual = new TreeSet<>();
        ExampleStacks.synthAll(example.name(), example::define).values()
                .forEach(stack -> stack.json().path("output").fieldNames().forEachRemaining(actual::add));
        assertThat(listed).as(example.name() + "/README.md outputs").isEqualTo(actual);
    }
}
