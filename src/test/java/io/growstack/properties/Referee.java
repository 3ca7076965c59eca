package io.growstack.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.App;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Synthesizer;
import io.growstack.core.ValidationException;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Judges generated cases: each must end in growstack's own error with a one-line message, or in a
 * stack that synthesizes; a sample of the accepted stacks then goes to Terraform.
 *
 * <p>Speed: a whole theory runs in one cdktf app, one stack per case (an app costs far more to
 * start than a stack to build), and Terraform sees the sampled stacks as modules of one root, so
 * one {@code init} and one {@code validate} (or {@code plan}) cover them all — Terraform's own
 * start-up and the provider's schema load dominate a run.
 */
final class Referee {
    /** {@code <path>: property '<name>' is <value>: expected <what is valid>}, on one line. */
    static final Pattern VALIDATION = Pattern.compile("[^\\n]+: property '[^'\\n]+' is [^\\n]+: expected [^\\n]+");
    /** {@code [<path>: ]<argument> must not be null}, on one line. */
    static final Pattern NULL = Pattern.compile("[^\\n]+ must not be null[^\\n]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String property;
    private final List<TestStacks.Synthesized> accepted = new ArrayList<>();
    private int rejected;
    private int runs;

    Referee(String property) {
        this.property = property;
    }

    /**
     * Runs {@code theory}, which feeds every generated case to the judge it is given, and
     * synthesizes the accepted cases; returns them. Fails if no case was accepted or none rejected
     * (a generator on one side only tests nothing).
     */
    List<TestStacks.Synthesized> run(Consumer<Consumer<Case>> theory) {
        Path out = TestStacks.freshDir("properties/" + property);
        Synthesizer.Result result = Synthesizer.synth(out, app -> theory.accept(c -> judge(app, c)));
        for (Path json : result.stacks().values()) {
            accepted.add(new TestStacks.Synthesized(json.getParent(), TestStacks.read(json)));
        }
        assertThat(accepted).as("accepted cases of %s", property).isNotEmpty();
        assertThat(rejected).as("rejected cases of %s", property).isPositive();
        return accepted;
    }

    private void judge(App app, Case c) {
        String id = "case-" + runs++;
        // The cases share one app for speed but stand for separate deployments: unless the theory is
        // about names, each gets its own project, so the app-wide check of account-unique names (a
        // role test-dev-api in two stacks) does not tie them together.
        GrowStackProps props = property.equals("names") ? c.stack()
                : c.stack().toBuilder().project("c" + runs).build();
        try {
            c.build().accept(new GrowStack(app, id, props));
        } catch (ValidationException e) {
            app.getNode().tryRemoveChild(id);
            assertThat(e.getMessage()).as("message for %s", c).matches(VALIDATION);
            rejected++;
        } catch (NullPointerException e) {
            app.getNode().tryRemoveChild(id);
            assertThat(e.getMessage()).as("null message for %s", c).isNotNull().matches(NULL);
            rejected++;
        } catch (RuntimeException | AssertionError e) {
            // Not our error: the stack is removed so shrinking can go on building in this app.
            app.getNode().tryRemoveChild(id);
            throw e;
        }
    }

    /** {@code terraform validate} passes on all of {@code stacks} (as modules of one root). */
    static void assertValid(String name, List<TestStacks.Synthesized> stacks) {
        Terraform.require();
        Path root = combine(name, stacks, false);
        ok(Terraform.init(root));
        ok(Terraform.validate(root));
    }

    /** The offline plan of {@code stacks} (as modules of one root) passes and creates every resource. */
    static void assertPlans(String name, List<TestStacks.Synthesized> stacks) {
        Terraform.require();
        Path root = combine(name, stacks, true);
        ok(Terraform.init(root));
        int adds = Terraform.planAdds(root);
        int resources = 0;
        for (TestStacks.Synthesized stack : stacks) {
            for (var byType : stack.json().path("resource")) {
                resources += byType.size();
            }
        }
        assertThat(adds).as("resources the offline plan would create").isEqualTo(resources);
    }

    private static Path combine(String name, List<TestStacks.Synthesized> stacks, boolean overrides) {
        Path root = TestStacks.freshDir("properties-referee/" + name);
        ObjectNode main = JSON.createObjectNode();
        main.putObject("terraform").set("required_providers",
                stacks.get(0).json().path("terraform").path("required_providers"));
        ObjectNode modules = main.putObject("module");
        try {
            for (int i = 0; i < stacks.size(); i++) {
                String module = "stack_" + i;
                Path dir = Files.createDirectories(root.resolve(module));
                // Backends are ignored in child modules (a warning); providers configured there are
                // allowed, so each stack keeps its own provider settings.
                Files.copy(stacks.get(i).dir().resolve("cdk.tf.json"), dir.resolve("cdk.tf.json"));
                if (overrides) {
                    Terraform.writeOverride(new TestStacks.Synthesized(dir, stacks.get(i).json()));
                }
                modules.putObject(module).put("source", "./" + module);
            }
            Files.writeString(root.resolve("main.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(main));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private static void ok(Tools.ProcessResult result) {
        if (!result.ok()) {
            throw new AssertionError(result.describe());
        }
    }
}
