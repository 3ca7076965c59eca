package io.growstack.cli;

import io.growstack.core.Synthesizer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-runs a program's {@code main} in a child JVM whose environment lacks {@code CDKTF_OUTDIR}.
 *
 * <p>Why: {@code cdktf synth} runs the app with {@code CDKTF_OUTDIR} set, and cdktf's {@code App}
 * takes that variable over the outdir it is given. jsii starts the App's Node child with this
 * JVM's environment, which Java cannot change, so the only place to drop the variable is the start
 * of a new process. The child gets the folder as {@code --out} and synthesizes through its staging
 * folder as any other run does. The {@code growstack} launcher does the same conversion in the
 * shell and so never needs this second JVM.
 */
final class ChildJvm {
    /**
     * jsii prints a banner on Node releases it calls deprecated, end-of-life or untested; the
     * end-of-life switch takes the silenced major versions as a list. The launcher sets the same.
     */
    static final Map<String, String> QUIET_NODE_BANNER = Map.of(
            "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1",
            "JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1",
            "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30");

    private ChildJvm() {
    }

    /** Runs {@code mainClass.main(args)} in a child JVM with the same classpath; returns its exit status. */
    static int run(Class<?> mainClass, List<String> args) {
        if (!hasMain(mainClass)) {
            throw new IllegalStateException(Synthesizer.CDKTF_OUTDIR + " is set and " + mainClass.getName()
                    + " has no main(String[]) to re-run without it; call Main.run from your main, or pass --out"
                    + " with the variable unset");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath(mainClass));
        command.add(mainClass.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        env.remove(Synthesizer.CDKTF_OUTDIR);
        env.putAll(QUIET_NODE_BANNER);
        try {
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static boolean hasMain(Class<?> type) {
        try {
            Method main = type.getMethod("main", String[].class);
            return Modifier.isStatic(main.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // Under `java -cp` the class path is java.class.path; under `mvn exec:java` the program runs in
    // a URLClassLoader holding the project's classes and dependencies.
    private static String classpath(Class<?> type) {
        List<String> entries = new ArrayList<>();
        if (type.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("cannot use class path entry " + url, e);
                }
            }
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }
}
