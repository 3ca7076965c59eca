package io.growstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Terraform as the referee of the tests: the real {@code terraform init}, {@code validate} and an
 * offline {@code plan -refresh=false} on a synthesized stack, through
 * {@link io.growstack.terraform.Terraform} — the same code {@code growstack verify} runs.
 *
 * <p>Without a local provider mirror {@code terraform init} downloads the provider as usual (a
 * machine with internet); under CI=true a missing mirror fails the test.
 */
public final class Terraform {
    /** Nothing listens here: connections are refused immediately. */
    public static final String DEAD_ENDPOINT = io.growstack.terraform.Terraform.DEAD_ENDPOINT;
    private static final io.growstack.terraform.Terraform TERRAFORM =
            new io.growstack.terraform.Terraform(Path.of("target"));

    private Terraform() {
    }

    /** The local provider mirror. */
    public static Optional<Path> mirror() {
        return io.growstack.terraform.Terraform.mirror();
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
        io.growstack.terraform.Terraform.Result plan = TERRAFORM.plan(stack.dir(), java.util.List.of());
        assertThat(plan.ok()).as(plan.describe()).isTrue();
        int resources = 0;
        for (JsonNode byName : stack.json().path("resource")) {
            resources += byName.size();
        }
        assertThat(io.growstack.terraform.Terraform.planAdds(plan)).as("resources the offline plan would create ("
                + plan.describe() + ")").isEqualTo(resources);
    }

    /** Writes the offline override beside the stack's JSON (test folders only). */
    public static void writeOverride(TestStacks.Synthesized stack) {
        writeOverride(stack, Map.of());
    }

    /** Writes the offline override, giving {@code variables} test values as their defaults. */
    public static void writeOverride(TestStacks.Synthesized stack, Map<String, Object> variables) {
        io.growstack.terraform.Terraform.writeOverride(stack.dir(), io.growstack.terraform.Terraform.OVERRIDE_FILE,
                stack.json(), variables);
    }

    /** {@code terraform init} from the mirror (or the registry off CI without one). */
    public static Tools.ProcessResult init(Path dir) {
        return convert(TERRAFORM.init(dir));
    }

    /** {@code terraform validate}. */
    public static Tools.ProcessResult validate(Path dir) {
        return convert(TERRAFORM.validate(dir));
    }

    /** {@code terraform plan} offline (mock credentials, dead endpoints), without asserting its outcome. */
    public static Tools.ProcessResult plan(Path dir) {
        return convert(TERRAFORM.plan(dir, java.util.List.of()));
    }

    /** Runs the offline plan in {@code dir}, asserts it passes and returns how many instances it would create. */
    public static int planAdds(Path dir) {
        io.growstack.terraform.Terraform.Result plan = TERRAFORM.plan(dir, java.util.List.of());
        assertThat(plan.ok()).as(plan.describe()).isTrue();
        return io.growstack.terraform.Terraform.planAdds(plan);
    }

    /** Any terraform command in the harness's offline environment, for tests that need more than plan. */
    public static Tools.ProcessResult run(Path dir, String... args) {
        return convert(TERRAFORM.terraform(dir, args));
    }

    private static Tools.ProcessResult convert(io.growstack.terraform.Terraform.Result result) {
        return new Tools.ProcessResult(result.command(), result.exitCode(), result.stdout(), result.stderr(),
                result.timedOut());
    }

    private static void ok(Tools.ProcessResult result) {
        if (!result.ok()) {
            throw new AssertionError(result.describe());
        }
    }
}
