package io.growstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.TestStacks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void synthWritesTheDefaultStackAndPrintsAOneScreenSummary() {
        Path out = TestStacks.freshDir("cli-synth");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = Main.run("synth", "--out", out.toString());
        } finally {
            System.setOut(original);
        }
        String summary = captured.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(TestStacks.files(out)).containsExactly("manifest.json", "stacks/starter/cdk.tf.json");
        assertThat(summary).contains("stack starter: 21 resources and data sources")
                .containsPattern("aws_subnet\\s+4")
                .containsPattern("aws_instance\\s+1")
                .containsPattern("synthesized in \\d+ ms");
        assertThat(summary.lines().count()).isLessThan(25);
    }
}
