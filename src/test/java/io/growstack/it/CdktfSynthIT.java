package io.growstack.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real {@code cdktf synth} (cdktf-cli 0.19.2, installed by .ci/run) through each template's
 * {@code cdktf.json}, in two example templates built standalone against the installed jar (the
 * repository root is run by {@link ReadmeIT}, as its README says). Each must write exactly the bytes growstack's own synth writes, keep
 * Terraform's files in the stack folder and leave another stack's folder alone. Runs after
 * {@code package} (failsafe): it needs the jar and the launcher.
 */
class CdktfSynthIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path WORK = ROOT.resolve("target/it-cdktf");
    private static final Path LAUNCHER = ROOT.resolve("target/growstack/bin/growstack");

    @BeforeAll
    static void tools() {
        Tools.require("cdktf", "cdktf synth is how cdktf.json runs growstack (npm cdktf-cli@0.19.2)");
        Tools.require("mvn", "the cdktf.json app command is mvn");
        assertThat(LAUNCHER).as("the launcher the build makes").isExecutable();
    }

    @Test
    void cdktfSynthInTheV4TemplateWritesWhatGrowstackSynthWrites() throws IOException {
        template("v4-high-availability");
    }

    @Test
    void cdktfSynthInTheV1TemplateWritesWhatGrowstackSynthWrites() throws IOException {
        template("v1-single-server");
    }

    // The template is copied as a user copies it and built against the library installed in the
    // local Maven repository, as its README says ("mvn install this library first").
    private static void template(String example) throws IOException {
        installJar();
        Path project = fresh("template-" + example);
        copyTree(ROOT.resolve("examples").resolve(example), project);
        Path expected = fresh("template-" + example + "-expected");
        seed(expected, example);
        seed(project.resolve("cdktf.out"), example);
        ok(run(project, List.of(LAUNCHER.toString(), "synth", "--example", example, "--out", expected.toString())));
        ok(run(project, List.of("cdktf", "synth")));
        assertSameSynth(expected, project.resolve("cdktf.out"), example);
    }

    private static boolean installed;

    private static synchronized void installJar() {
        if (installed) {
            return;
        }
        installed = true;
        ok(run(ROOT, List.of("mvn", "-q", "-B", "install:install-file", "-Dfile=target/growstack-0.1.0-SNAPSHOT.jar",
                "-DpomFile=pom.xml")));
    }

    // Files terraform owns in the stack folder, and a second stack from some other synth.
    private static void seed(Path out, String example) throws IOException {
        Path stack = Files.createDirectories(out.resolve("stacks/previous-stack"));
        Files.writeString(stack.resolve("cdk.tf.json"), "{\"//\": {\"metadata\": {\"stackName\": \"previous-stack\"}},"
                + " \"terraform\": {\"required_providers\": {}}}");
        Files.writeString(stack.resolve("terraform.tfstate"), "{\"serial\": 3}");
        Path own = Files.createDirectories(out.resolve("stacks/" + example + "/.terraform/providers"));
        Files.writeString(own.resolve("marker"), "provider");
        Path dir = own.getParent().getParent();
        Files.writeString(dir.resolve(".terraform.lock.hcl"), "lock");
        Files.writeString(dir.resolve("terraform.tfstate"), "{\"serial\": 7}");
        Files.writeString(dir.resolve("local_override.tf.json"), "{}");
    }

    private static void assertSameSynth(Path expected, Path actual, String stack) throws IOException {
        assertThat(TestStacks.files(actual)).containsExactlyElementsOf(TestStacks.files(expected))
                .contains("stacks/" + stack + "/cdk.tf.json", "stacks/previous-stack/terraform.tfstate",
                        "stacks/previous-stack/cdk.tf.json");
        for (String file : TestStacks.files(expected)) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(file).isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
        assertThat(Files.readString(actual.resolve("stacks/" + stack + "/terraform.tfstate"))).isEqualTo("{\"serial\": 7}");
        assertThat(Files.readString(actual.resolve("stacks/" + stack + "/.terraform/providers/marker")))
                .isEqualTo("provider");
        assertThat(Files.readString(actual.resolve("stacks/" + stack + "/cdk.tf.json"))).contains("\"aws_instance\"");
    }

    private static Tools.ProcessResult run(Path dir, List<String> command) {
        // Checkpoint off: no version check over the network.
        return Tools.run(TIMEOUT, command, dir, Map.of("CHECKPOINT_DISABLE", "1"));
    }

    private static void ok(Tools.ProcessResult result) {
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.stdout() + result.stderr()).as("jsii's Node banner").doesNotContain("!!!!");
    }

    private static Path fresh(String name) throws IOException {
        Path dir = WORK.resolve(name);
        TestStacks.deleteTree(dir);
        return Files.createDirectories(dir);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(p -> !from.relativize(p).startsWith("target")
                    && !from.relativize(p).startsWith("cdktf.out")).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
