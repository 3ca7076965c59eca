package io.growstack.cli;

import io.growstack.modules.ModuleGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code growstack modules}: writes the Terraform modules generated from the blocks
 * ({@code modules/<name>/}) and the root template {@code main.tf.json.tmpl}. The committed copies
 * at the repository root are this command's output; a test fails when they differ.
 */
@Command(name = "modules", mixinStandardHelpOptions = true,
        description = {"Write modules/<block>/ and main.tf.json.tmpl, the Terraform modules generated from the blocks.",
                "Exit status: 0 written, 2 failed."})
public final class ModulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Folder to write modules/ and main.tf.json.tmpl into (modules/ is replaced). Default: the current folder.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            Map<String, String> files = ModuleGenerator.write(out);
            long modules = files.keySet().stream().filter(f -> f.endsWith("/README.md")).count();
            stdout.println("wrote " + modules + " modules and " + files.size() + " files under " + out);
            return 0;
        } catch (UncheckedIOException | IllegalStateException | io.growstack.core.ValidationException e) {
            spec.commandLine().getErr().println("growstack modules: " + e.getMessage());
            return 2;
        }
    }
}
