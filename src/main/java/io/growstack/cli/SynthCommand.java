package io.growstack.cli;

import com.hashicorp.cdktf.App;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.core.Synthesizer;
import io.growstack.cost.BudgetCheck;
import io.growstack.cost.CostEstimate;
import io.growstack.cost.CostOptions;
import io.growstack.cost.PriceBook;
import io.growstack.cost.Totals;
import io.growstack.cost.Usage;
import io.growstack.model.StackModel;
import io.growstack.review.Review;
import io.growstack.review.Severity;
import io.growstack.core.ValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private static final List<String> KNOWN_EXAMPLES = List.of("v1-single-server", "v2-managed-database",
            "v3-private-network", "v3-lean-nat", "v4-high-availability", "v5-next");

    @Option(names = "--example", paramLabel = "NAME",
            description = "Example to synthesize: v1-single-server, v2-managed-database, v3-private-network,"
                    + " v3-lean-nat, v4-high-availability (default), v5-next.")
    String example;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder. Default: cdktf.out; under cdktf synth, $CDKTF_OUTDIR.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String cdktfOutdir = System.getenv(Synthesizer.CDKTF_OUTDIR);
        if (cdktfOutdir != null) {
            // cdktf synth runs us: its folder becomes --out of a child without the variable (ChildJvm says why).
            // Set but empty counts too: cdktf's App would then write to ''.
            if (out != null && !cdktfOutdir.isEmpty()
                    && !out.toAbsolutePath().normalize().equals(Path.of(cdktfOutdir).toAbsolutePath().normalize())) {
                stderr.println("growstack: --out " + out + " and CDKTF_OUTDIR=" + cdktfOutdir + " disagree; give one");
                return 2;
            }
            List<String> args = new ArrayList<>(List.of("synth"));
            if (example != null) {
                args.addAll(List.of("--example", example));
            }
            if (out != null || !cdktfOutdir.isEmpty()) {
                args.addAll(List.of("--out", out != null ? out.toString() : cdktfOutdir));
            }
            stdout.flush();
            return ChildJvm.run(parent.mainClass(), args);
        }
        Path target = out != null ? out : Path.of("cdktf.out");
        Consumer<App> program = parent.program();
        if (program == null) {
            Map<String, Example> examples = Examples.available();
            String name = example != null ? example : Examples.DEFAULT;
            Example chosen = examples.get(name);
            if (chosen == null) {
                stderr.println("growstack: example '" + name + "' is not on the classpath; " + (examples.isEmpty()
                        ? "no examples are. growstack's examples (" + String.join(", ", KNOWN_EXAMPLES) + ") are built by "
                                + Examples.BUILD_COMMAND + " and run there by mvn -q -B compile exec:java or growstack synth"
                        : "examples: " + String.join(", ", examples.keySet())));
                return 2;
            }
            program = chosen::define;
        } else if (example != null) {
            stderr.println("growstack: --example picks one of growstack's examples; this program synthesizes its own"
                    + " stacks (run growstack synth --example " + example + " from the growstack repository)");
            return 2;
        }
        Synthesizer.Result result;
        try {
            result = Synthesizer.synth(target, ProjectContext.read(Path.of("cdktf.json")), program, SynthCommand::warmUp);
        } catch (ValidationException e) {
            stderr.println("growstack: " + e.getMessage());
            stderr.println("nothing was written");
            return 2;
        } catch (io.growstack.core.CdktfRuntime.Unavailable e) {
            stderr.println("growstack: " + e.getMessage());
            return 1;
        }
        for (Map.Entry<String, Path> stack : result.stacks().entrySet()) {
            Map<String, Integer> counts = result.resourcesByType().get(stack.getKey());
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            stdout.printf("stack %s: %d resources and data sources -> %s%n", stack.getKey(), total,
                    relative(stack.getValue()));
            counts.forEach((type, count) -> stdout.printf("  %-45s %3d%n", type, count));
            summarize(stdout, stack.getValue(), result.document(stack.getKey()));
        }
        stdout.printf("synthesized in %d ms%n", result.millis());
        stdout.flush();
        return 0;
    }

    // The one-screen explanation of what was just written: exposure, money, and how to see it.
    private static void summarize(PrintWriter stdout, Path stackJson, JsonNode json) {
        Review review = Review.of(json);
        stdout.printf("  review: %d high, %d medium, %d low open; %d suppressed (growstack review)%n",
                review.openCount(Severity.HIGH), review.openCount(Severity.MEDIUM), review.openCount(Severity.LOW),
                review.suppressed().size());
        StackModel model = StackModel.of(json);
        Totals totals = CostEstimate.of(model, PriceBook.forStack(model), Usage.none(), CostOptions.defaults()).totals();
        stdout.printf("  cost: $%.2f/month as set, $%.2f on-demand, $%.2f with a 1-year commitment;"
                        + " %d lines depend on usage, %d unpriced (growstack cost)%n", totals.asSet(), totals.onDemand(),
                totals.committed(), totals.dependsOnUsage(), totals.priceNotFound() + totals.notPriced());
        BudgetCheck.warnings(model, totals.asSet(), "this stack")
                .forEach(w -> stdout.println("  warning: " + w));
        stdout.printf("  diagram: growstack diagram --stack-file %s --output architecture.svg%n", relative(stackJson));
    }

    // Runs while cdktf's Node process boots: the summary's rules, estimator and price book load here,
    // on the second core, instead of after the synth on the critical path.
    private static void warmUp() {
        JsonNode sample = new ObjectMapper().createObjectNode();
        Review.of(sample);
        CostEstimate.of(sample, PriceBook.forRegion(PriceBook.DEFAULT_REGION), Usage.none()).totals();
    }

    private static Path relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }
}
