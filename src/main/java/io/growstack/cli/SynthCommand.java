package io.growstack.cli;

import com.hashicorp.cdktf.App;
import io.growstack.core.Synthesizer;
import io.growstack.core.ValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code growstack synth}: writes {@code <out>/stacks/<stack>/cdk.tf.json} and prints a summary. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize the stack to Terraform JSON (atomically; terraform's own files are left alone).")
final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main parent;

    @Option(names = "--example", paramLabel = "NAME",
            description = "Example to synthesize: v1-single-server, v2-managed-database, v3-private-network,"
                    + " v3-lean-nat, v4-high-availability (default), v5-next.")
    String example;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder. Default: $CDKTF_OUTDIR when cdktf runs us, else cdktf.out.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path target = out != null ? out : Path.of(System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out"));
        Consumer<App> program = parent.program();
        if (program == null) {
            String name = example != null ? example : Examples.DEFAULT;
            program = Examples.find(name).orElse(null);
            if (program == null && example != null) {
                stderr.println("growstack: example '" + example + "' is not on the classpath; examples: "
                        + String.join(", ", Examples.CLASSES.keySet())
                        + " (run from the growstack repository with mvn -q compile exec:java)");
                return 2;
            }
            if (program == null) {
                program = new StarterProgram();
            }
        }
        Synthesizer.Result result;
        try {
            result = Synthesizer.synth(target, ProjectContext.read(Path.of("cdktf.json")), program);
        } catch (ValidationException e) {
            stderr.println("growstack: " + e.getMessage());
            stderr.println("nothing was written");
            return 2;
        }
        for (Map.Entry<String, Path> stack : result.stacks().entrySet()) {
            Map<String, Integer> counts = result.resourcesByType().get(stack.getKey());
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            stdout.printf("stack %s: %d resources and data sources -> %s%n", stack.getKey(), total,
                    relative(stack.getValue()));
            counts.forEach((type, count) -> stdout.printf("  %-45s %3d%n", type, count));
        }
        stdout.printf("synthesized in %d ms%n", result.millis());
        stdout.flush();
        return 0;
    }

    private static Path relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }
}
