package io.growstack.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.cli.CostCommand;
import io.growstack.core.Synthesizer;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code growstack cost} on an output folder with two stacks: a NAT instance network and a NAT gateway one. */
class CostCommandTest {
    private static Path out;
    private static Path instance;
    private static Path gateway;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine command = new CommandLine(new CostCommand());
        command.setOut(new PrintWriter(stdout, true));
        command.setErr(new PrintWriter(stderr, true));
        int status = command.execute(args);
        return new Run(status, stdout.toString(), stderr.toString());
    }

    @BeforeAll
    static void synthesize() {
        out = TestStacks.freshDir("cli-cost");
        Synthesizer.synth(out, app -> {
            new Network(TestStacks.stack(app, "nat-instance"), "network", NetworkProps.builder()
                    .availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.plainInstance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build());
            new Network(TestStacks.stack(app, "nat-gateway"), "network", NetworkProps.builder()
                    .availabilityZones(TestStacks.ZONES).nat(NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE))
                    .build());
        });
        instance = out.resolve("stacks/nat-instance/cdk.tf.json");
        gateway = out.resolve("stacks/nat-gateway/cdk.tf.json");
    }

    @Test
    void costPrintsATreeTablePerStackWithTotals() {
        Run run = run("--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Monthly cost of stack nat-gateway (ap-northeast-2), USD")
                .contains("Monthly cost of stack nat-instance (ap-northeast-2), USD")
                .contains("Estimates, not a bill")
                .containsPattern("└─ Public IPv4 address \\(Elastic IP\\)\\s+730\\s+hours\\s+\\$3.65\\s+\\$3.65\\s+\\$3.65")
                .containsPattern("├─ NAT gateway\\s+730\\s+hours\\s+\\$43.07")
                .containsPattern("OVERALL TOTAL\\s+\\$46.72\\s+\\$46.72\\s+\\$46.72")
                .containsPattern("OVERALL TOTAL\\s+\\$9.12\\s+\\$9.12\\s+\\$7.46");
        assertThat(0.059 * 730 + 0.005 * 730).isCloseTo(46.72, within(0.005));
        assertThat(0.0065 * 730 + 8 * 0.0912 + 0.005 * 730).isCloseTo(9.12, within(0.005));
        assertThat(0.0065 * 730 * 0.65 + 8 * 0.0912 + 0.005 * 730).isCloseTo(7.46, within(0.005));
    }

    @Test
    void compareShowsTheChangePerLineFromTheBaseline() {
        Run run = run("--stack-file", gateway.toString(), "--compare", instance.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Monthly cost change from stack nat-instance to stack nat-gateway")
                .containsPattern("├─ Instance usage \\(Linux/UNIX, on-demand, t3.nano\\)\\s+\\$4.75\\s+-\\s+-\\$4.75")
                .containsPattern("├─ NAT gateway\\s+-\\s+\\$43.07\\s+\\+\\$43.07")
                .containsPattern("TOTAL as set\\s+\\$9.12\\s+\\$46.72\\s+\\+\\$37.60")
                .contains("nat-gateway costs 5.12 x nat-instance as set.");
    }

    @Test
    void theJsonFormAndTheUsageFileAndTheCommitmentDiscountAreOptions() throws IOException {
        Path usage = TestStacks.freshDir("cli-cost-usage").resolve("usage.yaml");
        Files.createDirectories(usage.getParent());
        Files.writeString(usage, "resource_type_default_usage:\n  aws_nat_gateway:\n    monthly_data_processed_gb: 100\n");
        Run run = run("--stack-file", gateway.toString(), "--format", "json", "--usage", usage.toString(),
                "--commitment-discount", "0.28");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("commitmentDiscount").asDouble()).isEqualTo(0.28);
        assertThat(json.path("totalMonthlyCost").path("asSet").asDouble())
                .isCloseTo(0.059 * 730 + 0.005 * 730 + 100 * 0.059, within(1e-6));
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        Run format = run("--out", out.toString(), "--format", "xml");
        assertThat(format.status()).isEqualTo(2);
        assertThat(format.err()).isEqualTo("growstack cost: --format 'xml': expected table or json" + System.lineSeparator());
        Run empty = run("--out", TestStacks.freshDir("cli-cost-empty").toString());
        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.err()).contains("no synthesized stack under").contains("run growstack synth first");
        Run missing = run("--stack-file", out.resolve("nope.json").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json is not a file");
        Run discount = run("--stack-file", gateway.toString(), "--commitment-discount", "1.5");
        assertThat(discount.status()).isEqualTo(2);
        assertThat(discount.err()).contains("commitment discount 1.5: expected a fraction from 0 to below 1");
        Run both = run("--out", out.toString(), "--compare", instance.toString());
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--compare needs one stack");
    }
}
