package io.growstack.review.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.cli.DiagramCommand;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code growstack diagram} on a hand-written stack file. */
class DiagramCommandTest {
    private static final Path STACK = Path.of("src/test/resources/review/diagram/delivery.json");

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine command = new CommandLine(new DiagramCommand());
        command.setOut(new PrintWriter(stdout, true));
        command.setErr(new PrintWriter(stderr, true));
        int status = command.execute(args);
        return new Run(status, stdout.toString(), stderr.toString());
    }

    @Test
    void dotPrintsTheGraphvizText() {
        Run run = run("--stack-file", STACK.toString(), "--dot");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("digraph \"delivery\" {")
                .contains("\"github\" -> \"aws_codedeploy_app.app\" [label=\"deploy\"];");
    }

    @Test
    void outputWritesAnSvgLaidOutByGraphviz() throws IOException {
        Tools.require("dot", "Graphviz lays out the diagram");
        Path svg = TestStacks.freshDir("cli-diagram").resolve("architecture.svg");
        Run run = run("--stack-file", STACK.toString(), "--output", svg.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("growstack diagram: wrote " + svg);
        assertThat(Files.readString(svg)).contains("<svg").contains("<title>aws_autoscaling_group.app</title>");
    }

    @Test
    void withNothingToDrawItExitsTwo() {
        Run run = run("--out", TestStacks.freshDir("cli-diagram-empty").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no synthesized stack under").contains("run growstack synth first");
    }
}
