package io.growstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Terraform as the referee: runs the real {@code terraform init}, {@code validate} and an offline
 * {@code plan -refresh=false} on a synthesized stack.
 *
 * <p>A test-only {@code growstack_test_override.tf.json} beside the product's JSON gives every AWS
 * provider configuration mock credentials, the skip-* settings and every endpoint at a dead
 * loopback port, so an accidental API call fails at once and never leaves the machine; it also
 * swaps any remote backend for a local one. The provider comes from the machine's local mirror
 * ({@code tf-plugins}, see {@link #mirror()}); without one, {@code terraform init} downloads it as
 * usual (a user's machine with internet), but under CI=true a missing mirror fails the test.
 */
public final class Terraform {
    /** Nothing listens here: connections are refused immediately. */
    public static final String DEAD_ENDPOINT = "http://127.0.0.1:9";
    /** Provider endpoint keys that exist in both 5.100 and 6.x, for every service growstack touches. */
    static final List<String> SERVICES = List.of("acm", "autoscaling", "budgets", "cloudfront", "cloudwatch",
            "deploy", "dynamodb", "ec2", "elasticache", "elbv2", "iam", "kms", "logs", "rds", "s3",
            "secretsmanager", "sns", "ssm", "sts");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Terraform() {
    }

    /**
     * The local provider mirror: {@code $GROWSTACK_TF_PLUGIN_DIR}, else the first {@code tf-plugins}
     * folder found in the usual places of these machines.
     */
    public static Optional<Path> mirror() {
        String configured = System.getenv("GROWSTACK_TF_PLUGIN_DIR");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/opt/tf-plugins"));
        candidates.add(Path.of("/usr/local/share/tf-plugins"));
        candidates.add(Path.of("/usr/share/tf-plugins"));
        candidates.add(Path.of(System.getProperty("user.home"), "tf-plugins"));
        candidates.add(Path.of(System.getProperty("user.home"), ".terraform.d", "plugins"));
        return candidates.stream()
                .filter(p -> Files.isDirectory(p.resolve("registry.terraform.io/hashicorp/aws")))
                .findFirst();
    }

    /** Skips the test off CI when terraform is missing; fails under CI=true without terraform or the mirror. */
    public static void require() {
        Tools.require("terraform", "Terraform is the referee of every synthesized stack");
        if (mirror().isEmpty() && Tools.onCi()) {
            throw new AssertionError("the local provider mirror (a tf-plugins folder holding hashicorp/aws) is"
                    + " required under CI=true; set GROWSTACK_TF_PLUGIN_DIR to it");
        }
    }

    /** Runs init, validate and plan; asserts each passes and the plan creates every resource. */
    public static void assertValidAndPlans(TestStacks.Synthesized stack) {
        assertValidAndPlans(stack, Map.of());
    }

    /**
     * Like {@link #assertValidAndPlans(TestStacks.Synthesized)} for a stack with input variables
     * that have no default: {@code variables} supplies test values through the override file.
     */
    public static void assertValidAndPlans(TestStacks.Synthesized stack, Map<String, Object> variables) {
        require();
        writeOverride(stack, variables);
        ok(init(stack.dir()));
        ok(validate(stack.dir()));
        Tools.ProcessResult plan = plan(stack.dir());
        ok(plan);
        int resources = 0;
        for (JsonNode byName : stack.json().path("resource")) {
            resources += byName.size();
        }
        assertThat(planAdds(plan)).as("resources the offline plan would create").isEqualTo(resources);
    }

    /** Writes the test-only override beside the stack's JSON. */
    public static void writeOverride(TestStacks.Synthesized stack) {
        writeOverride(stack, Map.of());
    }

    /** Writes the test-only override, giving {@code variables} test values as their defaults. */
    public static void writeOverride(TestStacks.Synthesized stack, Map<String, Object> variables) {
        ObjectNode root = JSON.createObjectNode();
        if (!variables.isEmpty()) {
            ObjectNode vars = root.putObject("variable");
            new java.util.TreeMap<>(variables).forEach((name, value) ->
                    vars.putObject(name).set("default", JSON.valueToTree(value)));
        }
        ArrayNode providers = root.putObject("provider").putArray("aws");
        for (JsonNode configured : stack.json().path("provider").path("aws")) {
            ObjectNode p = providers.addObject();
            if (configured.has("alias")) {
                p.put("alias", configured.path("alias").asText());
            }
            p.put("access_key", "mock-access-key");
            p.put("secret_key", "mock-secret-key");
            p.put("skip_credentials_validation", true);
            p.put("skip_requesting_account_id", true);
            p.put("skip_metadata_api_check", true);
            p.put("skip_region_validation", true);
            p.put("max_retries", 1);
            ObjectNode endpoints = p.putArray("endpoints").addObject();
            SERVICES.forEach(service -> endpoints.put(service, DEAD_ENDPOINT));
        }
        root.putObject("terraform").putObject("backend").putObject("local").put("path", "test.tfstate");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(
                    stack.dir().resolve("growstack_test_override.tf.json").toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code terraform init} from the mirror (or the registry off CI without one). */
    public static Tools.ProcessResult init(Path dir) {
        List<String> command = new ArrayList<>(List.of("terraform", "init", "-input=false", "-no-color"));
        mirror().ifPresent(m -> command.add("-plugin-dir=" + m));
        return run(dir, command);
    }

    /** {@code terraform validate}. */
    public static Tools.ProcessResult validate(Path dir) {
        return run(dir, List.of("terraform", "validate", "-no-color"));
    }

    /** {@code terraform plan -refresh=false} with machine-readable output. */
    public static Tools.ProcessResult plan(Path dir) {
        return run(dir, List.of("terraform", "plan", "-refresh=false", "-input=false", "-lock=false", "-no-color",
                "-json"));
    }

    /** How many resources a {@code plan -json} run would add. */
    public static int planAdds(Tools.ProcessResult plan) {
        for (String line : plan.stdout().split("\n")) {
            if (line.contains("\"type\":\"change_summary\"")) {
                try {
                    return JSON.readTree(line).path("changes").path("add").asInt(-1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no change summary in plan output:\n" + plan.describe());
    }

    private static void ok(Tools.ProcessResult result) {
        if (!result.ok()) {
            throw new AssertionError(result.describe());
        }
    }

    private static Tools.ProcessResult run(Path dir, List<String> command) {
        Map<String, String> env = new HashMap<>();
        Path target = Path.of("target").toAbsolutePath();
        try {
            Path cache = Files.createDirectories(target.resolve("terraform-plugin-cache"));
            Path cliConfig = target.resolve("terraform-test.tfrc");
            if (!Files.exists(cliConfig)) {
                Files.writeString(cliConfig, "# growstack tests: no credentials helpers, no host overrides\n");
            }
            env.put("TF_PLUGIN_CACHE_DIR", cache.toString());
            env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("TF_IN_AUTOMATION", "1");
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("AWS_ACCESS_KEY_ID", "mock-access-key");
        env.put("AWS_SECRET_ACCESS_KEY", "mock-secret-key");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PROFILE", "");
        return Tools.run(TIMEOUT, command, dir, env);
    }
}
