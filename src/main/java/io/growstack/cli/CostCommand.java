package io.growstack.cli;

import io.growstack.cost.BudgetCheck;
import io.growstack.cost.CostComparison;
import io.growstack.cost.CostEstimate;
import io.growstack.cost.CostOptions;
import io.growstack.cost.PriceBook;
import io.growstack.cost.Usage;
import io.growstack.model.StackModel;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code growstack cost}: the monthly cost estimate of synthesized stacks from growstack's dated
 * price book, offline. Exits 0 with an estimate (even one with lines whose price is not found),
 * 2 when there is nothing to estimate or the input is bad.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Estimate the monthly cost of synthesized stacks (on-demand, spot as set, 1-year commitment),"
                + " offline, from growstack's dated price book.",
                "Exit status: 0 estimated, 2 nothing to estimate or bad input."})
public final class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "cdktf output folder whose stacks/<name>/cdk.tf.json are estimated."
                    + " Default: $CDKTF_OUTDIR when set, else cdktf.out.")
    Path out;

    @Option(names = "--stack-file", paramLabel = "FILE", description = "One synthesized stack (cdk.tf.json) instead.")
    Path stackFile;

    @Option(names = "--usage", paramLabel = "FILE",
            description = "Usage file (YAML: resource_type_default_usage, resource_usage) for usage-based lines.")
    Path usageFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json.")
    String format;

    @Option(names = "--compare", paramLabel = "FILE",
            description = "A baseline stack file: print each line's change from it to the stack.")
    Path compare;

    @Option(names = "--commitment-discount", paramLabel = "FRACTION",
            description = "Discount of the 1-year no-upfront commitment what-if on on-demand EC2 hours."
                    + " Default: the price book's (0.35).")
    Double commitmentDiscount;

    @Option(names = "--price-book", paramLabel = "FILE",
            description = "Another price book (YAML, growstack's format). Default: growstack's for the stack's region.")
    Path priceBook;

    /** A command ready for picocli. */
    public CostCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String mode = format.toLowerCase(Locale.ROOT);
        if (!mode.equals("table") && !mode.equals("json")) {
            stderr.println("growstack cost: --format '" + format + "': expected table or json");
            return 2;
        }
        if (out != null && stackFile != null) {
            stderr.println("growstack cost: give --out or --stack-file, not both");
            return 2;
        }
        CostOptions options;
        Usage usage;
        PriceBook book;
        List<Path> targets;
        try {
            options = commitmentDiscount == null ? CostOptions.defaults()
                    : CostOptions.defaults().withCommitmentDiscount(commitmentDiscount);
            usage = usageFile == null ? Usage.none() : Usage.read(usageFile);
            book = priceBook == null ? null : PriceBook.read(priceBook);
            targets = stackFiles(out, stackFile);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            stderr.println("growstack cost: " + StackFiles.message(e));
            return 2;
        }
        if (targets.isEmpty()) {
            stderr.println("growstack cost: no synthesized stack under " + StackFiles.outDir(out)
                    + " (expected stacks/<name>/cdk.tf.json); run growstack synth first");
            return 2;
        }
        if (compare != null && targets.size() != 1) {
            stderr.println("growstack cost: --compare needs one stack; give it with --stack-file");
            return 2;
        }
        try {
            List<CostEstimate> estimates = new ArrayList<>();
            for (Path file : targets) {
                estimates.add(estimate(file, book, usage, options));
            }
            if (compare != null) {
                CostComparison change = CostComparison.of(estimate(compare, book, usage, options), estimates.get(0));
                stdout.print(mode.equals("json") ? change.toJson() : change.toTable());
            } else {
                for (int i = 0; i < estimates.size(); i++) {
                    if (i > 0 && mode.equals("table")) {
                        stdout.println();
                    }
                    stdout.print(mode.equals("json") ? estimates.get(i).toJson() : estimates.get(i).toTable());
                }
                if (estimates.size() > 1 && mode.equals("table")) {
                    accountBudgets(stdout, targets, estimates);
                }
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            stderr.println("growstack cost: " + StackFiles.message(e));
            return 2;
        }
        stdout.flush();
        return 0;
    }

    /**
     * A budget covers the whole account unless filtered, and account-level budgets live in their own
     * stack: judge each one against the stacks estimated together too.
     */
    private static void accountBudgets(PrintWriter stdout, List<Path> targets, List<CostEstimate> estimates) {
        double total = estimates.stream().mapToDouble(e -> e.totals().asSet()).sum();
        String what = "the " + estimates.size() + " stacks together";
        for (Path file : targets) {
            BudgetCheck.warnings(StackFiles.model(file), total, what).forEach(w -> stdout.println("warning: " + w));
        }
    }

    private static CostEstimate estimate(Path file, PriceBook book, Usage usage, CostOptions options) {
        StackModel stack = StackFiles.model(file);
        return CostEstimate.of(stack, book != null ? book : PriceBook.forStack(stack), usage, options);
    }

    /** The stack files: {@code stackFile} alone, or each {@code stacks/<name>/cdk.tf.json} under the output folder. */
    static List<Path> stackFiles(Path out, Path stackFile) {
        return stackFile != null ? List.of(stackFile) : StackFiles.under(out);
    }
}
