package io.growstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.growstack.core.GrowStack;
import io.growstack.core.Synthesizer;
import io.growstack.core.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Asserts that bad input fails at construction with one message and that nothing is written. */
public final class Rejections {
    private Rejections() {
    }

    /** Building the stack with {@code build} throws exactly {@code message} and writes no file. */
    public static void assertRejected(String name, Consumer<GrowStack> build, String message) {
        Path out = TestStacks.freshDir("rejected-" + name);
        assertThatThrownBy(() -> Synthesizer.synth(out, app -> build.accept(TestStacks.stack(app, "app"))))
                .isInstanceOf(ValidationException.class)
                .hasMessage(message);
        assertThat(TestStacks.files(out)).as("files written by a rejected synth").isEmpty();
        try (var siblings = Files.list(out.getParent())) {
            String staging = "." + out.getFileName() + ".staging-";
            assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(staging)))
                    .as("staging folders left behind").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(Files.exists(out.resolve("manifest.json"))).isFalse();
    }
}
