package io.growstack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.cli.DeliveryFilesCommand;
import io.growstack.testing.DeliveryStacks;
import io.growstack.testing.TestStacks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code growstack delivery-files} on a synthesized stack. */
class DeliveryFilesCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine command = new CommandLine(new DeliveryFilesCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void writesTheFilesOfEveryDeliveryAndListsTheVariablesToSet() {
        TestStacks.Synthesized s = TestStacks.synthStack("delivery-command",
                stack -> DeliveryStacks.blueGreen(stack, UnaryOperator.identity()));
        Path repo = TestStacks.freshDir("delivery-command-repo");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = run(out, err, "--stack-dir", s.dir().toString(), "--dir", repo.toString());
        assertThat(status).as(err.toString()).isZero();
        assertThat(TestStacks.files(repo)).containsExactly(".github/workflows/deploy-api-delivery.yml",
                ".github/workflows/site-api-delivery.yml", "deploy/api-delivery/appspec.yml",
                "deploy/api-delivery/scripts/install.sh", "deploy/api-delivery/scripts/start.sh",
                "deploy/api-delivery/scripts/stop.sh", "deploy/api-delivery/scripts/validate.sh");
        assertThat(out.toString()).contains("delivery api-delivery (BLUE_GREEN):")
                .contains("set the GitHub repository variable API_DELIVERY_DEPLOY_ROLE_ARN");
        assertThat(Files.isExecutable(repo.resolve("deploy/api-delivery/scripts/stop.sh"))).isTrue();
    }

    @Test
    void aStackWithoutADeliveryIsAnError() {
        TestStacks.Synthesized s = TestStacks.synthStack("delivery-command-none", DeliveryStacks::network);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "--stack-dir", s.dir().toString(), "--dir", TestStacks.freshDir("none").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no delivery found");
    }

    @Test
    void aSecondStacksDeliveryNeverOverwritesTheFirstsFiles() throws Exception {
        Path out = TestStacks.freshDir("delivery-command-two-stacks");
        io.growstack.core.Synthesizer.synth(out, app -> {
            for (String env : java.util.List.of("prod", "dev")) {
                DeliveryStacks.blueGreen(new io.growstack.core.GrowStack(app, env,
                        io.growstack.core.GrowStackProps.builder(TestStacks.REGION).project("shop").environment(env)
                                // Separate accounts: each environment creates its own GitHub OIDC provider.
                                .accountId(env.equals("prod") ? "111111111111" : "222222222222")
                                .build()), UnaryOperator.identity());
            }
        });
        Path repo = TestStacks.freshDir("delivery-command-two-stacks-repo");
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "--out", out.toString(), "--dir", repo.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("would both write .github/workflows/deploy-api-delivery.yml")
                .contains("would both read the repository variable API_DELIVERY_DEPLOY_ROLE_ARN")
                .contains("nothing was written");
        assertThat(TestStacks.files(repo)).isEmpty();

        assertThat(run(new StringWriter(), new StringWriter(), "--out", out.toString(), "--stack", "prod",
                "--dir", repo.toString())).isZero();
        byte[] prodWorkflow = Files.readAllBytes(repo.resolve(".github/workflows/deploy-api-delivery.yml"));
        StringWriter devErr = new StringWriter();
        assertThat(run(new StringWriter(), devErr, "--out", out.toString(), "--stack", "dev", "--dir", repo.toString()))
                .isEqualTo(2);
        assertThat(devErr.toString()).contains(".github/workflows/deploy-api-delivery.yml exists and was written for"
                + " another delivery");
        assertThat(Files.readAllBytes(repo.resolve(".github/workflows/deploy-api-delivery.yml"))).isEqualTo(prodWorkflow);
        assertThat(run(new StringWriter(), new StringWriter(), "--out", out.toString(), "--stack", "prod",
                "--dir", repo.toString())).as("the same delivery rewrites its own files").isZero();
    }
}
