package io.growstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
    private record Run(int status, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void synthWritesTheDefaultExampleAndPrintsAOneScreenSummary() {
        Path out = TestStacks.freshDir("cli-synth");
        Run run = run("synth", "--out", out.toString());
        assertThat(run.status()).isZero();
        assertThat(TestStacks.files(out)).containsExactly("manifest.json", "stacks/v4-high-availability/cdk.tf.json");
        assertThat(run.out()).contains("stack v4-high-availability:")
                .containsPattern("aws_autoscaling_group\\s+3")
                .contains("review: 0 high,")
                .containsPattern("cost: \\$\\d+\\.\\d\\d/month as set")
                .contains("diagram: growstack diagram --stack-file")
                .containsPattern("synthesized in \\d+ ms");
        assertThat(run.out().lines().count()).isLessThan(60);
    }

    @Test
    void withoutNodeSynthSaysWhatIsMissingInOneLineAndWritesNothing() {
        // A child JVM, because jsii starts Node once per JVM; its main() also boots Node early.
        Path out = TestStacks.freshDir("cli-synth-no-node");
        Tools.ProcessResult run = Tools.run(Duration.ofMinutes(1),
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), Main.class.getName(), "synth", "--out", out.toString()),
                null, Map.of("PATH", "/nonexistent", "JSII_NODE", "node"));
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.stdout()).as(run.describe()).isEmpty();
        assertThat(run.stderr().strip()).isEqualTo("growstack: cannot start Node.js, which runs cdktf's JavaScript"
                + " (jsii starts it as 'node' from PATH, or $JSII_NODE): Cannot run program \"node\": error=2, No such"
                + " file or directory; install Node.js 18 or newer");
        assertThat(TestStacks.files(out)).isEmpty();
    }

    @Test
    void anotherExampleIsPickedByName() {
        Path out = TestStacks.freshDir("cli-synth-v1");
        Run run = run("synth", "--example", "v1-single-server", "--out", out.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("stack v1-single-server: 21 resources and data sources")
                .containsPattern("aws_instance\\s+1");
    }

    @Test
    void anUnknownExampleIsRefusedNamingTheExamplesAndNothingIsWritten() {
        Path out = TestStacks.freshDir("cli-synth-unknown");
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = Main.run("synth", "--example", "v9-future", "--out", out.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("example 'v9-future' is not on the classpath")
                .contains("examples: v1-single-server, v2-managed-database, v3-lean-nat, v3-private-network,"
                        + " v4-high-availability, v5-next");
        assertThat(TestStacks.files(out)).isEmpty();
    }

    @Test
    void everyExampleFolderIsRegisteredWithTheCommandLine() throws Exception {
        try (var dirs = java.nio.file.Files.list(Path.of("examples"))) {
            assertThat(Examples.available().keySet()).containsExactlyInAnyOrderElementsOf(
                    dirs.filter(java.nio.file.Files::isDirectory).map(d -> d.getFileName().toString()).toList());
        }
    }
}
