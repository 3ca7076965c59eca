package io.growstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.cost.BudgetCheck;
import io.growstack.cost.CostComparison;
import io.growstack.cost.CostEstimate;
import io.growstack.cost.CostOptions;
import io.growstack.cost.PriceBook;
import io.growstack.cost.Usage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
            stderr.println("growstack cost: " + message(e));
            return 2;
        }
        if (targets.isEmpty()) {
            stderr.println("growstack cost: no synthesized stack under " + outDir(out)
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
            stderr.println("growstack cost: " + message(e));
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
            BudgetCheck.warnings(read(file), total, what).forEach(w -> stdout.println("warning: " + w));
        }
    }

    private static CostEstimate estimate(Path file, PriceBook book, Usage usage, CostOptions options) {
        JsonNode stack = read(file);
        if (book != null) {
            return CostEstimate.of(stack, book, usage, options);
        }
        JsonNode region = stack.path("provider").path("aws").path(0).path("region");
        return CostEstimate.of(stack, PriceBook.forRegion(region.isTextual() && !region.asText().contains("${")
                ? region.asText() : PriceBook.DEFAULT_REGION), usage, options);
    }

    /** Parses a stack file; a missing or broken one is an {@link UncheckedIOException} naming it. */
    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException(file + " is not a file"));
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            if (json == null || !json.isObject()) {
                throw new IOException("expected a JSON object");
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + " is not readable Terraform JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e));
        }
    }

    static String message(RuntimeException e) {
        return e instanceof UncheckedIOException && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }

    /** The cdktf output folder: the given one, else $CDKTF_OUTDIR, else cdktf.out. */
    static Path outDir(Path out) {
        return out != null ? out : Path.of(System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out"));
    }

    /** The stack files: {@code stackFile} alone, or each {@code stacks/<name>/cdk.tf.json} under the output folder. */
    static List<Path> stackFiles(Path out, Path stackFile) {
        if (stackFile != null) {
            return List.of(stackFile);
        }
        Path stacks = outDir(out).resolve("stacks");
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(stacks)) {
            return found;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stacks, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve("cdk.tf.json"))) {
                    found.add(dir.resolve("cdk.tf.json"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + stacks, e);
        }
        found.sort(null);
        return found;
    }
}
