package io.growstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    // README (For Terraform users): after apply, `terraform output -json > outputs.json` and
    // `growstack delivery-files --terraform-outputs outputs.json` write the appspec and workflows. An
    // applied value is the module's output with every reference resolved; stand in for apply here.
    @Test
    void deliveryFilesRenderFromTheRootTemplatesDeliveryOutputAfterApply() throws IOException {
        Path dir = TestStacks.freshDir("cli-init-delivery");
        assertThat(run("init", dir.toString()).status()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(dir.resolve("main.tf.json").toFile());
        assertThat(root.path("output").path("growstack_delivery_delivery").path("value").asText())
                .isEqualTo("${module.api.growstack_delivery_delivery}");
        String moduleValue = json.readTree(dir.resolve("modules/delivery-blue-green/outputs.tf.json").toFile())
                .path("output").path("growstack_delivery_delivery").path("value").toString();
        String applied = moduleValue.replace("${var.project}-${var.environment}", "shop-prod")
                .replace("${var.github_repository}", "octo/shop").replace("${var.github_branch}", "main")
                .replace("${data.aws_region.current.name}", "ap-northeast-2")
                .replace("${aws_s3_bucket.delivery_artifacts_bucket.bucket}", "shop-prod-delivery-artifacts-0001")
                .replace("${aws_iam_role.delivery_github_deploy-role.arn}",
                        "arn:aws:iam::123456789012:role/shop-prod-delivery-github-deploy")
                .replace("${var.site_bucket_name}", "shop-prod-web-0001")
                .replace("${var.site_distribution_id}", "E2EXAMPLE");
        assertThat(applied).doesNotContain("${");
        Path outputs = dir.resolve("outputs.json");
        Files.writeString(outputs, "{\"growstack_delivery_delivery\": {\"sensitive\": false, \"type\": \"object\","
                + " \"value\": " + applied + "}}");
        Path repo = TestStacks.freshDir("cli-init-delivery-repo");
        Run run = run("delivery-files", "--terraform-outputs", outputs.toString(), "--dir", repo.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String workflows = String.join("\n", TestStacks.files(repo));
        assertThat(workflows).contains(".github/workflows/");
        String all = TestStacks.files(repo).stream().map(f -> {
            try {
                return Files.readString(repo.resolve(f));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).reduce("", String::concat);
        assertThat(all).contains("role-to-assume: arn:aws:iam::123456789012:role/shop-prod-delivery-github-deploy")
                .contains("shop-prod-delivery-artifacts-0001").contains("E2EXAMPLE")
                .as("no Terraform reference left (GitHub's own ${{ }} expressions stay)")
                .doesNotContain("${var.", "${aws_", "${data.", "${module.");
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
