package io.growstack.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Gates tests on external tools and runs them with a bounded wait.
 *
 * <p>A test that needs a tool (terraform, iptables, root for network namespaces, ...) calls
 * {@link #require} first. On a developer's machine a missing tool skips the test; under
 * {@code CI=true} it fails it, because CI must prove everything and {@code .ci/run} installs the
 * tools.
 */
public final class Tools {
    private Tools() {
    }

    /** True when the environment variable {@code CI} is {@code "true"}. */
    public static boolean onCi() {
        return "true".equals(System.getenv("CI"));
    }

    /** Skips the calling test (fails it under CI) unless {@code tool} is an executable on PATH. */
    public static void require(String tool, String why) {
        if (which(tool).isEmpty()) {
            unavailable(tool + " is required", why, ".ci/run installs it");
        }
    }

    /** Skips the calling test (fails it under CI) unless the JVM runs as root (uid 0). */
    public static void requireRoot(String why) {
        if (!isRoot()) {
            unavailable("root is required", why, ".ci/run runs these tests as root");
        }
    }

    /** The first executable named {@code tool} on PATH. */
    public static Optional<Path> which(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code command} in the current directory with the inherited environment. */
    public static ProcessResult run(Duration timeout, List<String> command) {
        return run(timeout, command, null, Map.of());
    }

    /**
     * Runs {@code command} in {@code workingDir} (null: the current directory) with {@code env} added
     * to the inherited environment. Waits at most {@code timeout}; then kills the whole process tree
     * and returns a result with {@link ProcessResult#timedOut()} set. Output goes through temporary
     * files, so a child that leaves a grandchild holding its stdout cannot block the caller.
     */
    public static ProcessResult run(
            Duration timeout, List<String> command, Path workingDir, Map<String, String> env) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("growstack-run-", ".out");
            err = Files.createTempFile("growstack-run-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close(); // stdin: immediate end of file
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process.toHandle());
                process.waitFor(5, TimeUnit.SECONDS);
            }
            return new ProcessResult(
                    command,
                    finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8),
                    !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Kills {@code process} and all its descendants, children first. */
    public static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** How a command ended. {@code exitCode} is -1 when it timed out and was killed. */
    public record ProcessResult(
            List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {

        /** True when the command finished in time with exit code 0. */
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** A multi-line account for assertion messages. */
        public String describe() {
            return String.join(" ", command)
                    + (timedOut ? "\n  timed out and was killed" : "\n  exit " + exitCode)
                    + "\n  stdout: " + stdout.strip().replace("\n", "\n          ")
                    + "\n  stderr: " + stderr.strip().replace("\n", "\n          ");
        }
    }

    private static void unavailable(String what, String why, String ciRemedy) {
        if (onCi()) {
            throw new AssertionError(what + " under CI=true: " + why + "; " + ciRemedy);
        }
        Assumptions.abort(what + " (" + why + "); skipping outside CI");
    }

    private static boolean isRoot() {
        // Linux: the real uid is the first number on the Uid: line.
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return "0".equals(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or no /proc: ask id(1) below.
        }
        if (which("id").isEmpty()) {
            return false;
        }
        ProcessResult id = run(Duration.ofSeconds(5), List.of("id", "-u"));
        return id.ok() && "0".equals(id.stdout().strip());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temp file is harmless.
            }
        }
    }
}
