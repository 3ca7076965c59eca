package io.growstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Synthesizes a cdktf program atomically: into a temporary folder beside the output folder first
 * (cdktf's {@code App} creates its outdir as soon as it exists), then moving the generated files
 * into place. A program that throws leaves the output folder as it was. Files Terraform owns next
 * to the generated JSON ({@code .terraform/}, state, the lock file, overrides) are never touched.
 */
public final class Synthesizer {
    /** The files cdktf generates and this class replaces. */
    private static final Set<String> GENERATED = Set.of("manifest.json", "cdk.tf.json");
    private static final ObjectMapper READER = new ObjectMapper();

    private Synthesizer() {
    }

    /** What one synth produced. */
    public record Result(Path outDir, Map<String, Path> stacks, Map<String, Map<String, Integer>> resourcesByType,
                         long millis) {
        /** Total resources and data sources across stacks. */
        public int resourceCount() {
            return resourcesByType.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        }
    }

    /** Runs {@code program} against a fresh {@link App} and writes its stacks under {@code outDir}. */
    public static Result synth(Path outDir, Consumer<App> program) {
        return synth(outDir, Map.of(), program);
    }

    /**
     * Like {@link #synth(Path, Consumer)} with cdktf context values, for example
     * {@link GrowStack#CONTEXT_ZONES} and {@link GrowStack#CONTEXT_AMIS} to pin zones and images.
     */
    public static Result synth(Path outDir, Map<String, Object> context, Consumer<App> program) {
        long start = System.nanoTime();
        Path out = outDir.toAbsolutePath().normalize();
        Path staging = null;
        try {
            Files.createDirectories(out.getParent());
            staging = Files.createTempDirectory(out.getParent(), "." + out.getFileName() + ".staging-");
            AppConfig.Builder config = AppConfig.builder().outdir(staging.toString()).stackTraces(false);
            if (!context.isEmpty()) {
                config.context(new java.util.TreeMap<>(context));
            }
            App app = new App(config.build());
            program.accept(app);
            app.synth();
            AccountUniqueNames.check(staging);
            Map<String, Path> stacks = publish(staging, out);
            Map<String, Map<String, Integer>> byType = new TreeMap<>();
            for (Map.Entry<String, Path> stack : stacks.entrySet()) {
                byType.put(stack.getKey(), countByType(stack.getValue()));
            }
            return new Result(outDir, stacks, byType, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("synth into " + outDir + " failed", e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    private static Map<String, Path> publish(Path staging, Path out) throws IOException {
        List<Path> generated;
        try (Stream<Path> files = Files.walk(staging)) {
            generated = files.filter(Files::isRegularFile).sorted().toList();
        }
        Files.createDirectories(out);
        Map<String, Path> stacks = new LinkedHashMap<>();
        List<Path> kept = new ArrayList<>();
        for (Path file : generated) {
            Path target = out.resolve(staging.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            kept.add(target);
            if (target.getFileName().toString().equals("cdk.tf.json")) {
                stacks.put(target.getParent().getFileName().toString(), target);
            }
        }
        removeStaleStacks(out.resolve("stacks"), kept);
        return stacks;
    }

    // A stack removed from the program keeps its folder (it may hold state or .terraform) but
    // loses its generated JSON, so nobody applies a stack that no longer exists.
    private static void removeStaleStacks(Path stacksDir, List<Path> kept) throws IOException {
        if (!Files.isDirectory(stacksDir)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stacksDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path json = dir.resolve("cdk.tf.json");
                if (GENERATED.contains(json.getFileName().toString()) && !kept.contains(json)) {
                    Files.deleteIfExists(json);
                }
            }
        }
    }

    private static Map<String, Integer> countByType(Path stackJson) throws IOException {
        JsonNode root = READER.readTree(stackJson.toFile());
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
