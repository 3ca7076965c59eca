package io.growstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.terraform.Terraform;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code growstack verify}: what the test suite does to every stack, offered to users — terraform
 * init (from the local provider mirror when there is one) and validate, then, where the stack
 * allows, an offline plan with mock credentials and every endpoint at a dead loopback port. It
 * works on a copy of each stack folder: the user's folder (state, .terraform, lock file) is never
 * written.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"terraform init + validate and an offline plan of synthesized stacks, on a copy of each.",
                "Exit status: 0 every stack passed, 1 one failed, 2 nothing to verify or no terraform."})
final class VerifyCommand implements Callable<Integer> {
    /** Data sources that call AWS at plan time; pinned zones and images in cdktf.json remove them. */
    private static final List<String> NEED_AWS = List.of("aws_availability_zones", "aws_ssm_parameter", "aws_ami");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "cdktf.out",
            description = "cdktf output folder holding stacks/<name>/cdk.tf.json. Default: cdktf.out.")
    Path out;

    @Parameters(paramLabel = "STACK", arity = "0..*", description = "Stacks to verify. Default: every stack.")
    List<String> stacks = new ArrayList<>();

    @Option(names = "-var", paramLabel = "NAME=VALUE", description = "A Terraform input variable for the plan.")
    List<String> vars = new ArrayList<>();

    @Option(names = "-var-file", paramLabel = "FILE", description = "A .tfvars file for the plan.")
    List<Path> varFiles = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!Terraform.installed()) {
            stderr.println("growstack verify: terraform is not on the PATH; install Terraform >= 1.5"
                    + " (https://developer.hashicorp.com/terraform/install)");
            return 2;
        }
        List<Path> dirs;
        try {
            dirs = stackDirs();
        } catch (IllegalArgumentException e) {
            stderr.println("growstack verify: " + e.getMessage());
            return 2;
        }
        if (dirs.isEmpty()) {
            stderr.println("growstack verify: no synthesized stack under " + out
                    + " (expected stacks/<name>/cdk.tf.json); run growstack synth first");
            return 2;
        }
        for (Path file : varFiles) {
            if (!Files.isRegularFile(file)) {
                stderr.println("growstack verify: -var-file " + file + " is not a file");
                return 2;
            }
        }
        if (Terraform.mirror().isEmpty()) {
            stdout.println("note: no local provider mirror (GROWSTACK_TF_PLUGIN_DIR or a tf-plugins folder);"
                    + " terraform init downloads hashicorp/aws from the registry");
        }
        List<String> fileArgs = new ArrayList<>();
        varFiles.forEach(f -> fileArgs.add("-var-file=" + f.toAbsolutePath()));
        Path work;
        try {
            work = Files.createTempDirectory("growstack-verify-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int failed = 0;
        try {
            Terraform terraform = new Terraform(work);
            for (Path dir : dirs) {
                String line = verify(terraform, dir, work.resolve("stacks").resolve(dir.getFileName().toString()),
                        vars, fileArgs);
                stdout.println(dir.getFileName() + ": " + line);
                stdout.flush();
                if (line.startsWith("FAILED")) {
                    failed++;
                }
            }
        } finally {
            deleteTree(work);
        }
        return failed == 0 ? 0 : 1;
    }

    private static String verify(Terraform terraform, Path dir, Path copy, List<String> vars, List<String> fileArgs) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(StackFiles.inDir(dir).toFile());
            copyStack(dir, copy);
        } catch (IOException e) {
            return "FAILED reading " + StackFiles.inDir(dir) + ": " + e.getMessage();
        }
        TreeSet<String> needAws = new TreeSet<>();
        json.path("data").fieldNames().forEachRemaining(type -> {
            if (NEED_AWS.contains(type)) {
                needAws.add("data." + type);
            }
        });
        Terraform.writeOverride(copy, Terraform.OVERRIDE_FILE, json, Map.of());
        Terraform.Result init = terraform.init(copy);
        if (!init.ok()) {
            return "FAILED at init: " + init.firstError()
                    + (Terraform.mirror().isEmpty() ? " (no local provider mirror; set GROWSTACK_TF_PLUGIN_DIR)" : "");
        }
        Terraform.Result validate = terraform.validate(copy);
        if (!validate.ok()) {
            return "FAILED at validate: " + validate.firstError();
        }
        if (!needAws.isEmpty()) {
            return "ok: init, validate; offline plan skipped: the stack reads " + String.join(", ", needAws)
                    + " from AWS at plan time (pin zones and images in cdktf.json's context:"
                    + " growstack:availabilityZones, growstack:amis)";
        }
        // One -var list serves several stacks: each gets the variables it declares (terraform
        // rejects a -var for an undeclared one; a -var-file only warns).
        List<String> planArgs = new ArrayList<>();
        for (String v : vars) {
            if (json.path("variable").has(v.split("=", 2)[0].strip())) {
                planArgs.add("-var=" + v);
            }
        }
        planArgs.addAll(fileArgs);
        Terraform.Result plan = terraform.plan(copy, planArgs);
        if (!plan.ok()) {
            return "FAILED at plan: " + Terraform.planError(plan);
        }
        return "ok: init, validate, offline plan (" + Terraform.planAdds(plan) + " to add)";
    }

    private List<Path> stackDirs() {
        Path stacksDir = out.resolve("stacks");
        List<Path> found = StackFiles.under(out).stream().map(Path::getParent).toList();
        if (stacks.isEmpty()) {
            return found;
        }
        List<Path> chosen = new ArrayList<>();
        for (String name : stacks) {
            Path dir = stacksDir.resolve(name);
            if (!found.contains(dir)) {
                throw new IllegalArgumentException("no stack '" + name + "' under " + stacksDir + "; stacks: "
                        + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList()));
            }
            chosen.add(dir);
        }
        return chosen;
    }

    // The stack's JSON and the user's own *.tf.json overrides; not state, .terraform or the lock file.
    private static void copyStack(Path dir, Path copy) throws IOException {
        Files.createDirectories(copy);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.tf.json")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, copy.resolve(file.getFileName().toString()));
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
