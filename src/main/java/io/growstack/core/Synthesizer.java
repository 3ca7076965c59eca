package io.growstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Synthesizes a cdktf program atomically: into a temporary folder beside the output folder first
 * (cdktf's {@code App} creates its outdir as soon as it exists), then moving the generated files
 * into place. A program that throws leaves the output folder as it was, and publishing is all or
 * nothing across the stacks of one synth. Files Terraform owns next to the generated JSON
 * ({@code .terraform/}, state, the lock file, overrides) are never touched, and neither is a stack
 * this program does not define.
 *
 * <p>cdktf's {@code App} (in jsii's Node child, which inherits this process's environment) writes
 * to {@code $CDKTF_OUTDIR} whenever it is set, ignoring the staging folder; so synth refuses to run
 * with it set. {@code io.growstack.cli.Main} turns it into {@code --out} for a child process
 * without it, which is how {@code cdktf synth} runs growstack.
 */
public final class Synthesizer {
    /** The variable cdktf's CLI sets for the app, and cdktf's App prefers to its configured outdir. */
    public static final String CDKTF_OUTDIR = "CDKTF_OUTDIR";
    private static final ObjectMapper READER = new ObjectMapper();

    private Synthesizer() {
    }

    /** What one synth produced. */
    public record Result(Path outDir, Map<String, Path> stacks, Map<String, Map<String, Integer>> resourcesByType,
                         long millis, Map<String, JsonNode> documents) {
        /** The synthesized JSON of stack {@code name}, as written (read once, for callers that explain it). */
        public JsonNode document(String name) {
            return documents.get(name);
        }

        /** Total resources and data sources across stacks. */
        public int resourceCount() {
            return resourcesByType.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }
    }

    /** Runs {@code program} against a fresh {@link App} and writes its stacks under {@code outDir}. */
    public static Result synth(Path outDir, Consumer<App> program) {
        Args.notNull(outDir, "outDir");
        Args.notNull(program, "program");
        return synth(outDir, Map.of(), program);
    }

    /**
     * Like {@link #synth(Path, Consumer)} with cdktf context values, for example
     * {@link GrowStack#CONTEXT_ZONES} and {@link GrowStack#CONTEXT_AMIS} to pin zones and images.
     */
    public static Result synth(Path outDir, Map<String, Object> context, Consumer<App> program) {
        return synth(outDir, context, program, null);
    }

    /**
     * Like {@link #synth(Path, Map, Consumer)}; {@code warmUp} (may be {@code null}) runs on a second
     * thread while cdktf's Node process starts, for callers that read the output afterwards (the
     * command line's summary loads its review and cost classes there).
     */
    public static Result synth(Path outDir, Map<String, Object> context, Consumer<App> program, Runnable warmUp) {
        Args.notNull(outDir, "outDir");
        Args.notNull(context, "context");
        Args.notNull(program, "program");
        String cdktfOutdir = System.getenv(CDKTF_OUTDIR);
        if (cdktfOutdir != null) {
            throw new IllegalStateException(CDKTF_OUTDIR + " is set (" + cdktfOutdir + "): cdktf's App would write"
                    + " there instead of the staging folder; run the program through io.growstack.cli.Main"
                    + " (it re-runs itself without the variable, writing to that folder) or unset it");
        }
        long start = System.nanoTime();
        Warmup.start(warmUp);
        Path out = outDir.toAbsolutePath().normalize();
        Path staging = null;
        try {
            Files.createDirectories(out.getParent());
            staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".staging-");
            AppConfig.Builder config = AppConfig.builder().outdir(staging.toString()).stackTraces(false);
            if (!context.isEmpty()) {
                config.context(new java.util.TreeMap<>(context));
            }
            App app;
            try {
                CdktfRuntime.awaitStarted();
                app = new App(config.build());
            } catch (RuntimeException e) {
                throw CdktfRuntime.explain(e);
            }
            try {
                program.accept(app);
            } catch (RuntimeException e) {
                ValidationException duplicate = Ids.duplicateId(e);
                if (duplicate != null) {
                    throw duplicate;
                }
                throw e;
            }
            for (software.constructs.IConstruct child : app.getNode().getChildren()) {
                if (child instanceof GrowStack stack) {
                    stack.prepareForSynth();
                }
            }
            app.synth();
            // Each stack's JSON is read once: the account-unique check, the counts and the caller share it.
            Map<String, JsonNode> documents = readStacks(staging.resolve("stacks"));
            AccountUniqueNames.check(documents);
            Map<String, Path> stacks = publish(staging, out);
            Map<String, Map<String, Integer>> byType = new TreeMap<>();
            for (String stack : stacks.keySet()) {
                byType.put(stack, countByType(documents.get(stack)));
            }
            return new Result(outDir, stacks, byType, (System.nanoTime() - start) / 1_000_000, documents);
        } catch (IOException e) {
            throw new UncheckedIOException("synth into " + outDir + " failed", e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    // All or nothing across stacks: every file that will be replaced is first copied aside, then
    // each generated file is renamed into place (stacks first, the manifest cdktf reads last). If
    // any rename fails, the files already replaced are restored and the new ones removed, so a
    // failed publish never leaves one stack new and another old.
    private static Map<String, Path> publish(Path staging, Path out) throws IOException {
        carryOtherStacksIntoManifest(staging, out);
        List<Path> generated;
        try (Stream<Path> files = Files.walk(staging)) {
            generated = files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals("manifest.json"))
                            .thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
        Files.createDirectories(out);
        Path backup = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".previous-");
        List<Path> replaced = new ArrayList<>();
        List<Path> created = new ArrayList<>();
        try {
            for (Path file : generated) {
                Path target = out.resolve(staging.relativize(file).toString());
                boolean existed = Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (existed && Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Path saved = backup.resolve(out.relativize(target).toString());
                    Files.createDirectories(saved.getParent());
                    Files.copy(target, saved, StandardCopyOption.COPY_ATTRIBUTES);
                }
                Files.createDirectories(target.getParent());
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                (existed ? replaced : created).add(target);
            }
        } catch (IOException | RuntimeException e) {
            restore(backup, out, replaced, created, e);
            throw e;
        } finally {
            deleteTree(backup);
        }
        Map<String, Path> stacks = new LinkedHashMap<>();
        for (Path file : generated) {
            Path target = out.resolve(staging.relativize(file).toString());
            if (target.getFileName().toString().equals("cdk.tf.json")) {
                stacks.put(target.getParent().getFileName().toString(), target);
            }
        }
        return stacks;
    }

    private static void restore(Path backup, Path out, List<Path> replaced, List<Path> created, Exception failure) {
        for (Path target : replaced) {
            try {
                Files.move(backup.resolve(out.relativize(target).toString()), target,
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        for (Path target : created) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    // A stack of the output folder that this program does not define (another example's, or one
    // removed from the program) keeps its folder and its JSON: growstack never deletes another
    // stack's output. It stays listed in the manifest because cdktf's CLI removes every stack
    // folder the manifest does not name, state and all.
    private static void carryOtherStacksIntoManifest(Path staging, Path out) throws IOException {
        Path stagedManifest = staging.resolve("manifest.json");
        Path stacksDir = out.resolve("stacks");
        if (!Files.isRegularFile(stagedManifest) || !Files.isDirectory(stacksDir)) {
            return;
        }
        ObjectNode manifest = (ObjectNode) READER.readTree(stagedManifest.toFile());
        ObjectNode stacks = manifest.has("stacks") ? (ObjectNode) manifest.get("stacks") : manifest.putObject("stacks");
        JsonNode previous = Files.isRegularFile(out.resolve("manifest.json"))
                ? READER.readTree(out.resolve("manifest.json").toFile()).path("stacks")
                : READER.createObjectNode();
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stacksDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!stacks.has(name) && Files.isRegularFile(dir.resolve("cdk.tf.json"))) {
                    others.add(name);
                }
            }
        }
        if (others.isEmpty()) {
            return;
        }
        others.sort(null);
        for (String name : others) {
            JsonNode entry = previous.path(name);
            if (!entry.isObject()) {
                ObjectNode made = READER.createObjectNode();
                made.put("name", name);
                made.put("constructPath", name);
                made.put("workingDirectory", "stacks/" + name);
                made.put("synthesizedStackPath", "stacks/" + name + "/cdk.tf.json");
                made.putArray("annotations");
                made.putArray("dependencies");
                entry = made;
            }
            stacks.set(name, entry);
        }
        // Keep cdktf's own layout (two-space indent, "key": value, no trailing newline).
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("").withArrayEmptySeparator(""));
        Files.writeString(stagedManifest, READER.writer(printer).writeValueAsString(manifest));
    }

    private static Map<String, JsonNode> readStacks(Path stacksDir) throws IOException {
        Map<String, JsonNode> documents = new TreeMap<>();
        if (!Files.isDirectory(stacksDir)) {
            return documents;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stacksDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path json = dir.resolve("cdk.tf.json");
                if (Files.isRegularFile(json)) {
                    documents.put(dir.getFileName().toString(), READER.readTree(json.toFile()));
                }
            }
        }
        return documents;
    }

    private static Map<String, Integer> countByType(JsonNode root) {
        Map<String, Integer> counts = new TreeMap<>();
        root.path("resource").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().size()));
        root.path("data").fields().forEachRemaining(e -> counts.put("data." + e.getKey(), e.getValue().size()));
        return counts;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove staging folder " + root, e);
        }
    }
}
