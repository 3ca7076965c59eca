package io.growstack.cli;

import io.growstack.review.Profile;
import io.growstack.review.ReportFormat;
import io.growstack.review.Review;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code growstack review}: the security review of synthesized stacks, each under its profile (dev or
 * prod, from its Environment tag or {@code --profile}). Exits 0 when no unsuppressed finding is high
 * under its profile, 1 when one is, 2 when there is nothing to review or the input is bad.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Review synthesized stacks for security findings (rules GS-*), offline.",
                "Each stack is reviewed under a profile: dev lowers a few deliberate dev trades (deletion protection,"
                        + " Multi-AZ, WAF, HTTP without a certificate), prod keeps every severity.",
                "Exit status: 0 no unsuppressed high finding under the profile, 1 at least one,"
                        + " 2 nothing to review or bad input."})
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "cdktf output folder whose stacks/<name>/cdk.tf.json are reviewed."
                    + " Default: $CDKTF_OUTDIR when set, else cdktf.out.")
    Path out;

    @Option(names = "--stack-dir", paramLabel = "DIR", description = "One stack folder holding cdk.tf.json.")
    Path stackDir;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "cdk.tf.json files to review instead.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table (default), json or sarif (GitHub code scanning).")
    ReportFormat format;

    @Option(names = "--profile", paramLabel = "PROFILE", converter = ProfileConverter.class,
            description = "dev or prod for every stack. Default: each stack's Environment tag (dev, test, qa,"
                    + " sandbox, preview... are dev; anything else, or no tag, is prod).")
    Profile profile;

    @Option(names = "--today", paramLabel = "yyyy-MM-dd", converter = DateConverter.class,
            description = "The date suppressions expire against. Default: the system clock.")
    LocalDate today;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int sources = (out != null ? 1 : 0) + (stackDir != null ? 1 : 0) + (files.isEmpty() ? 0 : 1);
        if (sources > 1) {
            stderr.println("growstack review: give one of --out, --stack-dir or FILE...");
            return 2;
        }
        List<Path> targets;
        try {
            targets = targets();
        } catch (UncheckedIOException e) {
            stderr.println("growstack review: " + e.getMessage());
            return 2;
        }
        if (targets.isEmpty()) {
            stderr.println("growstack review: no synthesized stack under " + StackFiles.outDir(out)
                    + " (expected stacks/<name>/cdk.tf.json); run growstack synth first");
            return 2;
        }
        LocalDate date = today != null ? today : LocalDate.now();
        List<Review> reviews = new ArrayList<>();
        for (Path file : targets) {
            if (!Files.isRegularFile(file)) {
                stderr.println("growstack review: " + file + " is not a file");
                return 2;
            }
            try {
                reviews.add(Review.read(file, artifact(file), date, profile));
            } catch (UncheckedIOException e) {
                stderr.println("growstack review: " + file + " is not readable Terraform JSON: "
                        + e.getCause().getMessage().lines().findFirst().orElse(""));
                return 2;
            }
        }
        stdout.print(format.render(reviews));
        stdout.flush();
        return reviews.stream().anyMatch(Review::hasOpenHigh) ? 1 : 0;
    }

    private List<Path> targets() {
        if (!files.isEmpty()) {
            return files;
        }
        return stackDir != null ? List.of(StackFiles.inDir(stackDir)) : StackFiles.under(out);
    }

    /** The file as reports show it: relative to the working folder with forward slashes, when inside it. */
    static String artifact(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }

    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected table, json or sarif, not '" + value + "'");
            }
        }
    }

    static final class ProfileConverter implements ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            return Profile.named(value).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("expected dev or prod, not '" + value + "'"));
        }
    }

    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("expected a date such as 2026-06-30, not '"
                        + value + "'");
            }
        }
    }
}
