package io.growstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.TestStacks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModulesCommandTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Run(status, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void modulesWritesEveryModuleAndTheTemplateAndReplacesAStaleModule() throws IOException {
        Path out = TestStacks.freshDir("cli-modules");
        Files.createDirectories(out.resolve("modules/retired"));
        Files.writeString(out.resolve("modules/retired/main.tf.json"), "{}");
        Run run = run("modules", "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("wrote \\d+ modules and \\d+ files under ");
        assertThat(out.resolve("main.tf.json.tmpl")).exists();
        assertThat(out.resolve("modules/network-nat-instance/variables.tf.json")).exists();
        assertThat(out.resolve("modules/retired")).doesNotExist();
    }

    @Test
    void initRendersARootModuleWithResolvedSourcesAndATfvarsExample() throws IOException {
        Path dir = TestStacks.freshDir("cli-init");
        Run run = run("init", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String main = Files.readString(dir.resolve("main.tf.json"));
        assertThat(main).contains("\"source\": \"./modules/network-nat-instance\"").doesNotContain("{{modules}}");
        assertThat(dir.resolve("modules/database/main.tf.json")).exists();
        assertThat(Files.readString(dir.resolve("terraform.tfvars.example")))
                .contains("admin_cidrs = [\"203.0.113.7/32\"]").contains("project = \"shop\"");
    }

    @Test
    void initPointsSourcesAtARepositoryWithoutCopyingTheModules() throws IOException {
        Path dir = TestStacks.freshDir("cli-init-git");
        Run run = run("init", dir.toString(), "--modules-source", "git::https://github.com/ORG/growstack.git//modules");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("main.tf.json")))
                .contains("\"source\": \"git::https://github.com/ORG/growstack.git//modules/database\"");
        assertThat(dir.resolve("modules")).doesNotExist();
    }

    @Test
    void initRefusesAFolderThatHoldsARootModuleAlready() throws IOException {
        Path dir = TestStacks.freshDir("cli-init-twice");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("main.tf.json"), "{}");
        Run run = run("init", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("main.tf.json exists; growstack init writes a new root module only");
        assertThat(Files.readString(dir.resolve("main.tf.json"))).isEqualTo("{}");
    }
}
