package io.growstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.model.StackModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the commands find synthesized stacks ({@code <out>/stacks/<name>/cdk.tf.json}, a stack folder,
 * or a file) and how they read one.
 */
final class StackFiles {
    static final String FILE_NAME = "cdk.tf.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackFiles() {
    }

    /** The cdktf output folder: the given one, else $CDKTF_OUTDIR, else cdktf.out. */
    static Path outDir(Path out) {
        return out != null ? out : Path.of(System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out"));
    }

    /** Each {@code stacks/<name>/cdk.tf.json} under the output folder, sorted; empty when there is none. */
    static List<Path> under(Path out) {
        Path stacks = outDir(out).resolve("stacks");
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(stacks)) {
            return found;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stacks, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve(FILE_NAME))) {
                    found.add(dir.resolve(FILE_NAME));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + stacks, e);
        }
        found.sort(null);
        return found;
    }

    /** The stack file of the stack named {@code stack} under the output folder (it may not exist). */
    static Path named(Path out, String stack) {
        return outDir(out).resolve("stacks").resolve(stack).resolve(FILE_NAME);
    }

    /** The stack file in the stack folder {@code stackDir} (it may not exist). */
    static Path inDir(Path stackDir) {
        return stackDir.resolve(FILE_NAME);
    }

    /** The name of the stack folder holding {@code file}. */
    static String stackName(Path file) {
        return file.getParent().getFileName().toString();
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

    /** The model of a stack file, read as {@link #read(Path)} does. */
    static StackModel model(Path file) {
        return StackModel.of(read(file));
    }

    /** What to tell the user about a failed read or listing: the cause's message when there is one. */
    static String message(RuntimeException e) {
        return e instanceof UncheckedIOException && e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    }
}
