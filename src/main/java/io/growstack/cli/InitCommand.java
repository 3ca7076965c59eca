package io.growstack.cli;

import io.growstack.modules.RootInit;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code growstack init DIR}: a ready Terraform root module from {@code main.tf.json.tmpl} and the modules. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a Terraform root module (main.tf.json, terraform.tfvars.example) wiring the generated modules.",
                "Exit status: 0 written, 2 failed."})
public final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder of the new root module.")
    Path dir;

    @Option(names = "--modules-source", paramLabel = "PREFIX",
            description = "Where module sources point, such as git::https://github.com/ORG/growstack.git//modules"
                    + " (each module is PREFIX/<name>). Default: copy the modules into DIR/modules.")
    String modulesSource;

    @Override
    public Integer call() {
        try {
            RootInit.write(dir, modulesSource);
            spec.commandLine().getOut().println("wrote " + dir.resolve("main.tf.json") + " and terraform.tfvars.example;"
                    + " next: terraform -chdir=" + dir + " init -backend-config=...");
            return 0;
        } catch (UncheckedIOException | IllegalStateException e) {
            spec.commandLine().getErr().println("growstack init: " + e.getMessage());
            return 2;
        }
    }
}
