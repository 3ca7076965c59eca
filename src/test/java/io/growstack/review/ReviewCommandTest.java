package io.growstack.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.cli.Main;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.GrowStack;
import io.growstack.core.Suppressions;
import io.growstack.core.Synthesizer;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code growstack review} on a synthesized output folder with two stacks: {@code open} (a bastion with
 * SSH from anywhere, whose suppression expired on 2026-03-31) and {@code closed} (a network whose missing
 * flow logs are its only, low, finding).
 */
class ReviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path out;

    /** What one run of the command line printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            status = Main.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    @BeforeAll
    static void synthesize() {
        out = TestStacks.freshDir("cli-review");
        Synthesizer.synth(out, app -> {
            GrowStack open = TestStacks.stack(app, "open");
            Bastion bastion = new Bastion(open, "bastion", BastionProps.builder(network(open)).allowSshFromAnywhere().build());
            Suppressions.add(bastion, "GS-SG-001", "the March workshop needs SSH from the room", "2026-03-31");
            network(TestStacks.stack(app, "closed"));
        });
    }

    @Test
    void reviewExitsOneWhileAnUnsuppressedHighFindingRemains() {
        Run run = run("review", "--out", out.toString(), "--today", "2026-04-01");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("stack closed (target/test-stacks/cli-review/stacks/closed/cdk.tf.json): 0 high")
                .contains("stack open (target/test-stacks/cli-review/stacks/open/cdk.tf.json): 1 high")
                .contains("GS-SG-001  aws_vpc_security_group_ingress_rule.bastion_host_security-group_ingress-tcp-22-from-anywhere")
                .contains("[suppression expired 2026-03-31]")
                .contains("-> FAILED (unsuppressed high findings)");
        assertThat(run.out().indexOf("stack closed")).as("stacks in name order").isLessThan(run.out().indexOf("stack open"));
        assertThat(run.out().lines().count()).as("one screen").isLessThan(25);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void reviewExitsZeroWhileTheSuppressionHolds() {
        Run run = run("review", "--out", out.toString(), "--today", "2026-03-31");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\"the March workshop needs SSH from the room\" until 2026-03-31")
                .contains("-> passed");
    }

    @Test
    void aStackFolderOrAFileCanBeReviewedAlone() {
        Run closed = run("review", "--stack-dir", out.resolve("stacks/closed").toString());
        assertThat(closed.status()).isZero();
        assertThat(closed.out()).contains("GS-VPC-001").doesNotContain("stack open");
        Run file = run("review", out.resolve("stacks/open/cdk.tf.json").toString(), "--today", "2026-04-01");
        assertThat(file.status()).isEqualTo(1);
        assertThat(file.out()).contains("stack open").doesNotContain("stack closed");
    }

    @Test
    void sarifAndJsonFormsKeepTheExitStatus() throws IOException {
        Run sarif = run("review", "--out", out.toString(), "--format", "sarif", "--today", "2026-04-01");
        assertThat(sarif.status()).isEqualTo(1);
        JsonNode log = JSON.readTree(sarif.out());
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        JsonNode ssh = null;
        for (JsonNode result : log.path("runs").get(0).path("results")) {
            if (result.path("ruleId").asText().equals("GS-SG-001")) {
                ssh = result;
            }
        }
        assertThat(ssh).isNotNull();
        assertThat(ssh.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("target/test-stacks/cli-review/stacks/open/cdk.tf.json");

        Run json = run("review", "--out", out.toString(), "--format", "JSON", "--today", "2026-03-31");
        assertThat(json.status()).isZero();
        assertThat(JSON.readTree(json.out()).path("passed").asBoolean()).isTrue();
    }

    @Test
    void nothingToReviewOrBadInputExitsTwo() throws IOException {
        Path empty = TestStacks.freshDir("cli-review-empty");
        Files.createDirectories(empty);
        Run none = run("review", "--out", empty.toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("no synthesized stack under").contains("run growstack synth first");

        Path broken = empty.resolve("cdk.tf.json");
        Files.writeString(broken, "{\"resource\": ");
        Run unreadable = run("review", broken.toString());
        assertThat(unreadable.status()).isEqualTo(2);
        assertThat(unreadable.err()).contains("is not readable Terraform JSON");

        assertThat(run("review", empty.resolve("missing.json").toString()).status()).isEqualTo(2);
        assertThat(run("review", "--out", out.toString(), "--stack-dir", out.toString()).status()).isEqualTo(2);
        Run format = run("review", "--out", out.toString(), "--format", "xml");
        assertThat(format.status()).isEqualTo(2);
        assertThat(format.err()).contains("expected table, json or sarif, not 'xml'");
        Run date = run("review", "--out", out.toString(), "--today", "2026-13-01");
        assertThat(date.status()).isEqualTo(2);
        assertThat(date.err()).contains("expected a date such as 2026-06-30, not '2026-13-01'");
    }

    @Test
    void helpListsTheOptions() {
        Run help = run("review", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--out", "--stack-dir", "--format", "--today", "FILE");
        assertThat(run("--help").out()).contains("review");
    }
}
