package io.growstack.cli;

import io.growstack.review.diagram.Diagram;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code growstack diagram}: the architecture diagram of synthesized stacks as SVG, laid out by
 * Graphviz {@code dot}, or the DOT text itself. Exits 0 when written, 2 when there is nothing to
 * draw, the input is bad, or Graphviz is missing.
 */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = {"Draw synthesized stacks: VPC, zones, subnets, hosts, load balancers, databases and the"
                + " traffic their security groups and routes allow (SVG via Graphviz dot, or DOT).",
                "Exit status: 0 written, 2 nothing to draw, bad input or no Graphviz."})
public final class DiagramCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "cdktf output folder whose stacks/<name>/cdk.tf.json are drawn."
                    + " Default: $CDKTF_OUTDIR when set, else cdktf.out.")
    Path out;

    @Option(names = "--stack-file", paramLabel = "FILE", description = "One synthesized stack (cdk.tf.json) instead.")
    Path stackFile;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to write (one stack). Default: <stack>.svg in the working folder;"
                    + " with --dot, standard output.")
    Path output;

    @Option(names = "--dot", description = "Write the Graphviz DOT text instead of SVG (no Graphviz needed).")
    boolean dot;

    /** A command ready for picocli. */
    public DiagramCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (out != null && stackFile != null) {
            stderr.println("growstack diagram: give --out or --stack-file, not both");
            return 2;
        }
        List<Path> targets;
        try {
            targets = CostCommand.stackFiles(out, stackFile);
        } catch (UncheckedIOException e) {
            stderr.println("growstack diagram: " + StackFiles.message(e));
            return 2;
        }
        if (targets.isEmpty()) {
            stderr.println("growstack diagram: no synthesized stack under " + StackFiles.outDir(out)
                    + " (expected stacks/<name>/cdk.tf.json); run growstack synth first");
            return 2;
        }
        if (output != null && targets.size() != 1) {
            stderr.println("growstack diagram: --output takes one stack; " + targets.size()
                    + " were found, so give --stack-file or leave --output out (one <stack>.svg each)");
            return 2;
        }
        try {
            for (Path file : targets) {
                Diagram diagram = Diagram.of(StackFiles.model(file));
                if (dot && output == null) {
                    stdout.print(diagram.dot());
                    continue;
                }
                Path target = output != null ? output : Path.of(stackName(file) + (dot ? ".dot" : ".svg"));
                String text = dot ? diagram.dot() : diagram.svg();
                Path parent = target.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(target, text, StandardCharsets.UTF_8);
                stdout.println("growstack diagram: wrote " + target);
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            stderr.println("growstack diagram: " + StackFiles.message(e));
            return 2;
        } catch (IOException e) {
            stderr.println("growstack diagram: cannot write " + output + ": " + e.getMessage());
            return 2;
        }
        stdout.flush();
        return 0;
    }

    /** The stack folder's name for {@code stacks/<name>/cdk.tf.json}, else the file name without extension. */
    private static String stackName(Path file) {
        Path name = file.getFileName();
        if (name.toString().equals("cdk.tf.json") && file.getParent() != null) {
            return file.getParent().getFileName().toString();
        }
        String text = name.toString();
        return text.endsWith(".json") ? text.substring(0, text.length() - ".json".length()).replace(".tf", "") : text;
    }
}
