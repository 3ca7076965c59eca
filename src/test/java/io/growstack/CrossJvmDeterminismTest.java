package io.growstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Same program, two fresh JVMs, identical bytes. A test inside one JVM cannot catch what varies
 * between runs (hash seeds, Map.of order, temp paths), so this one starts the CLI twice.
 */
class CrossJvmDeterminismTest {
    @Test
    void twoJvmsSynthesizeTheSameBytes() throws Exception {
        Path first = TestStacks.freshDir("cross-jvm-1");
        Path second = TestStacks.freshDir("cross-jvm-2");
        for (Path out : List.of(first, second)) {
            Tools.ProcessResult r = Tools.run(Duration.ofMinutes(2), List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "io.growstack.cli.Main", "synth", "--example", "v2-managed-database", "--out", out.toString()),
                    null, Map.of("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1",
                            "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20"));
            assertThat(r.ok()).as(r.describe()).isTrue();
        }
        List<String> files = TestStacks.files(first);
        assertThat(files).contains("stacks/v2-managed-database/cdk.tf.json");
        assertThat(TestStacks.files(second)).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }
}
