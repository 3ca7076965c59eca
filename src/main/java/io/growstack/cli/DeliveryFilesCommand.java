package io.growstack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.files.DeliveryFiles;
import io.growstack.files.DeliveryManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code growstack delivery-files}: writes the appspec, hook scripts and GitHub Actions workflows of
 * every delivery in a synthesized stack into a repository. The stack's {@code cdk.tf.json} carries
 * each delivery's manifest as the output {@code growstack_delivery_<name>}; with
 * {@code --terraform-outputs} (the JSON of {@code terraform output -json} after apply) the role ARN
 * and distribution id are written as they are, otherwise the workflows read GitHub repository
 * variables, which the command lists. Exits 0 when files were written, 2 when there is nothing to
 * write or the input is bad.
 */
@Command(name = "delivery-files", mixinStandardHelpOptions = true,
        description = {"Write the appspec, hook scripts and GitHub Actions workflows of a synthesized stack's deliveries.",
                "Exit status: 0 written, 2 no delivery found or bad input."})
public final class DeliveryFilesCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "cdktf output folder whose stacks/<name>/cdk.tf.json are read."
                    + " Default: $CDKTF_OUTDIR when set, else cdktf.out.")
    Path out;

    @Option(names = "--stack", paramLabel = "NAME", description = "Only this stack (a folder under <out>/stacks).")
    String stack;

    @Option(names = "--stack-dir", paramLabel = "DIR", description = "One stack folder holding cdk.tf.json.")
    Path stackDir;

    @Option(names = "--terraform-outputs", paramLabel = "FILE",
            description = "The JSON of `terraform output -json` after apply: role ARNs and ids are written as they are.")
    Path terraformOutputs;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
            description = "The repository to write into (deploy/<name>/, .github/workflows/). Default: the current folder.")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<DeliveryManifest> manifests = new ArrayList<>();
        try {
            if (terraformOutputs != null) {
                manifests.addAll(DeliveryManifest.fromOutputs(JSON.readTree(terraformOutputs.toFile())));
            } else {
                for (Path file : stackFiles()) {
                    manifests.addAll(DeliveryManifest.fromStack(JSON.readTree(file.toFile())));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            stderr.println("growstack delivery-files: " + e.getMessage());
            return 2;
        }
        if (manifests.isEmpty()) {
            stderr.println("growstack delivery-files: no delivery found (expected outputs named "
                    + DeliveryManifest.OUTPUT_PREFIX + "*); synthesize a stack with a Delivery first");
            return 2;
        }
        List<DeliveryFiles> all = manifests.stream().map(DeliveryFiles::of).toList();
        List<String> conflicts = conflicts(manifests, all);
        if (!conflicts.isEmpty()) {
            conflicts.forEach(c -> stderr.println("growstack delivery-files: " + c));
            stderr.println("growstack delivery-files: nothing was written; write each stack's files into its own"
                    + " folder (--stack NAME --dir DIR)");
            return 2;
        }
        for (int i = 0; i < manifests.size(); i++) {
            DeliveryManifest manifest = manifests.get(i);
            DeliveryFiles files = all.get(i);
            stdout.printf("delivery %s (%s):%n", manifest.name(), manifest.style());
            for (Path written : files.writeTo(dir)) {
                stdout.printf("  wrote %s%n", dir.relativize(written));
            }
            for (String variable : files.variables()) {
                stdout.printf("  set the GitHub repository variable %s%n", variable);
            }
        }
        stdout.flush();
        return 0;
    }

    // Two deliveries of one run that would write the same file or read the same repository
    // variable, and files already in the repository that another delivery wrote (they name a
    // CodeDeploy application other than this one's): never overwritten without a word.
    private List<String> conflicts(List<DeliveryManifest> manifests, List<DeliveryFiles> all) {
        List<String> conflicts = new ArrayList<>();
        java.util.Map<String, DeliveryManifest> pathOwner = new java.util.HashMap<>();
        java.util.Map<String, DeliveryManifest> variableOwner = new java.util.HashMap<>();
        for (int i = 0; i < manifests.size(); i++) {
            DeliveryManifest manifest = manifests.get(i);
            for (Map.Entry<String, String> file : all.get(i).files().entrySet()) {
                DeliveryManifest other = pathOwner.putIfAbsent(file.getKey(), manifest);
                if (other != null && !other.application().equals(manifest.application())) {
                    conflicts.add("deliveries of " + other.application() + " and " + manifest.application()
                            + " would both write " + file.getKey());
                }
                Path existing = dir.resolve(file.getKey());
                if (other == null && file.getValue().contains(manifest.application()) && Files.isRegularFile(existing)) {
                    try {
                        String old = Files.readString(existing);
                        if (!old.equals(file.getValue()) && !old.contains(manifest.application())) {
                            conflicts.add(file.getKey() + " exists and was written for another delivery (it does not"
                                    + " name CodeDeploy application " + manifest.application() + "); not overwriting it");
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            for (String variable : all.get(i).variables()) {
                String name = variable.split(":", 2)[0].strip();
                DeliveryManifest other = variableOwner.putIfAbsent(name, manifest);
                if (other != null && !other.application().equals(manifest.application())) {
                    conflicts.add("deliveries of " + other.application() + " and " + manifest.application()
                            + " would both read the repository variable " + name);
                }
            }
        }
        return conflicts;
    }

    private List<Path> stackFiles() {
        if (stackDir != null) {
            return List.of(StackFiles.inDir(stackDir));
        }
        return stack != null ? List.of(StackFiles.named(out, stack)) : StackFiles.under(out);
    }
}
