package io.growstack.properties;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Pattern;

/**
 * Runs generated cases and judges each: it must end in growstack's own error with a one-line
 * message, or in a stack that synthesizes. A bounded sample of the accepted stacks then goes to
 * Terraform: {@code validate} for each (sharing one {@code terraform init}) and a full offline plan
 * for a few.
 */
final class Referee {
    /** {@code <path>: property '<name>' is <value>: expected <what is valid>}, on one line. */
    static final Pattern VALIDATION = Pattern.compile("[^\\n]+: property '[^'\\n]+' is [^\\n]+: expected [^\\n]+");
    /** {@code [<path>: ]<argument> must not be null}. */
    static final Pattern NULL = Pattern.compile("[^\\n]+ must not be null[^\\n]*");

    private final String property;
    private final List<TestStacks.Synthesized> accepted = new ArrayList<>();
    private int rejected;
    private int runs;

    Referee(String property) {
        this.property = property;
    }

    /** Builds and synthesizes {@code c}; fails the property on anything but an accepted stack or our error. */
    void judge(Case c) {
        Path out = TestStacks.freshDir("properties/" + property + "/" + runs++);
        try {
            Synthesizer.Result result = Synthesizer.synth(out, app -> c.build().accept(TestStacks.stack(app, "app")));
            Path json = result.stacks().values().iterator().next();
            accepted.add(new TestStacks.Synthesized(json.getParent(), TestStacks.read(json)));
        } catch (ValidationException e) {
            assertThat(e.getMessage()).as("message for %s", c).matches(VALIDATION);
            assertThat(TestStacks.files(out)).as("files written for rejected %s", c).isEmpty();
            rejected++;
        } catch (NullPointerException e) {
            assertThat(e.getMessage()).as("null message for %s", c).isNotNull().matches(NULL);
            rejected++;
        }
    }

    /** Accepted stacks so far (in generation order; shrinking may add repeats at the end). */
    List<TestStacks.Synthesized> accepted() {
        return accepted;
    }

    int rejected() {
        return rejected;
    }

    /**
     * Validates the first {@code validate} accepted stacks with one shared provider installation and
     * plans the first {@code plan} of them in full.
     */
    void referee(int validate, int plan) {
        assertThat(accepted).as("accepted cases of %s (a generator that never passes tests nothing)", property)
                .isNotEmpty();
        assertThat(rejected).as("rejected cases of %s (a generator that never fails tests nothing)", property)
                .isPositive();
        Terraform.require();
        List<TestStacks.Synthesized> sample = accepted.subList(0, Math.min(validate, accepted.size()));
        Path shared = sharedInit(sample.get(0));
        for (TestStacks.Synthesized stack : sample) {
            link(shared, stack.dir());
            Tools.ProcessResult result = Terraform.validate(stack.dir());
            assertThat(result.ok()).as("terraform validate of %s:\n%s", stack.dir(), result.describe()).isTrue();
        }
        for (TestStacks.Synthesized stack : sample.subList(0, Math.min(plan, sample.size()))) {
            unlink(stack.dir());
            Terraform.assertValidAndPlans(stack);
        }
    }

    // One init in a folder that holds only the stack's provider requirements; every sampled stack
    // then reuses its .terraform folder and lock file (validate needs providers, not a backend).
    private Path sharedInit(TestStacks.Synthesized first) {
        Path dir = TestStacks.freshDir("properties/" + property + "-providers");
        try {
            Files.createDirectories(dir);
            var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            root.putObject("terraform").set("required_providers",
                    first.json().path("terraform").path("required_providers"));
            Files.writeString(dir.resolve("main.tf.json"), root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.ProcessResult init = Terraform.init(dir);
        assertThat(init.ok()).as("shared terraform init:\n%s", init.describe()).isTrue();
        return dir;
    }

    private static void link(Path shared, Path stack) {
        try {
            unlink(stack);
            Files.createSymbolicLink(stack.resolve(".terraform"), shared.resolve(".terraform"));
            Files.copy(shared.resolve(".terraform.lock.hcl"), stack.resolve(".terraform.lock.hcl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unlink(Path stack) {
        try {
            Files.deleteIfExists(stack.resolve(".terraform"));
            Files.deleteIfExists(stack.resolve(".terraform.lock.hcl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
