package io.growstack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.cli.TunnelCommand;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.MonitoringFixtures;
import io.growstack.testing.TestStacks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code growstack tunnel} on a synthesized stack, before and after an (imitated) apply. */
class TunnelCommandTest {
    private static TestStacks.Synthesized stack;
    private static Path out;

    @BeforeAll
    static void synth() {
        stack = TestStacks.synthStack("tunnel", s -> MonitoringFixtures.full(s, b -> b.alarms(false)));
        out = stack.dir().getParent().getParent();
    }

    private record Run(int status, String stdout, String stderr) {
    }

    private static Run run(String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cli = new CommandLine(new TunnelCommand());
        cli.setOut(new PrintWriter(stdout));
        cli.setErr(new PrintWriter(stderr));
        int status = cli.execute(args);
        return new Run(status, stdout.toString(), stderr.toString());
    }

    private static String dir() {
        Path cwd = Path.of("").toAbsolutePath();
        return cwd.relativize(stack.dir().toAbsolutePath().normalize()).toString();
    }

    @Test
    void beforeApplyEachAddressIsATerraformOutputSubstitution() throws Exception {
        Files.deleteIfExists(stateFile());
        Run r = run("--out", out.toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        String ip = "$(terraform -chdir=" + dir() + " output -raw monitoring_private_ip)";
        // The fixture's bastion has no key pair, so the command pushes one with EC2 Instance Connect first,
        // as the block's own tunnel output does.
        assertThat(r.stdout()).isEqualTo(GrafanaTunnel.instanceConnect("ap-northeast-2", "$(terraform -chdir=" + dir()
                + " output -raw monitoring_bastion_instance_id)", "$(terraform -chdir=" + dir()
                + " output -raw monitoring_bastion_public_ip)", ip) + "\n");
        assertThat(r.stdout()).startsWith("aws ec2-instance-connect send-ssh-public-key").contains(" && ssh -N -L 3000:");
        assertThat(r.stderr()).contains("stack tunnel, monitoring host monitoring", "http://localhost:3000");
    }

    @Test
    void afterApplyTheAddressesComeFromTheLocalState() throws Exception {
        Path state = stateFile();
        Files.writeString(state, """
                {"version": 4, "outputs": {
                  "monitoring_private_ip": {"value": "10.0.128.5", "type": "string"},
                  "monitoring_bastion_public_ip": {"value": "3.35.10.20", "type": "string"},
                  "monitoring_bastion_instance_id": {"value": "i-0123456789abcdef0", "type": "string"}}}
                """);
        try {
            Run ssh = run("--out", out.toString(), "--stack", "tunnel");
            assertThat(ssh.status()).as(ssh.stderr()).isZero();
            assertThat(ssh.stdout()).isEqualTo("aws ec2-instance-connect send-ssh-public-key --region ap-northeast-2"
                    + " --instance-id i-0123456789abcdef0 --instance-os-user ec2-user --ssh-public-key"
                    + " file://~/.ssh/id_ed25519.pub && ssh -N -L 3000:10.0.128.5:3000 -L 9090:10.0.128.5:9090"
                    + " ec2-user@3.35.10.20\n");
            Run ssm = run("--out", out.toString(), "--ssm");
            assertThat(ssm.stdout()).isEqualTo(GrafanaTunnel.ssm("ap-northeast-2", "i-0123456789abcdef0", "10.0.128.5")
                    + "\n");
        } finally {
            Files.deleteIfExists(state);
        }
    }

    @Test
    void withoutAStackOrAMonitoringBlockItSaysSoAndExitsTwo() {
        Run missing = run("--out", out.toString(), "--stack", "nope");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.stderr()).contains("no synthesized stack nope under");
        TestStacks.Synthesized plain = TestStacks.synthStack("tunnel-none", s -> new io.growstack.network.Network(s,
                "network"));
        Run none = run("--out", plain.dir().getParent().getParent().toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.stderr()).contains("no Monitoring block");
    }

    /** Where the stack's local backend keeps its state ({@code ../../../terraform.<stack>.tfstate}). */
    private static Path stateFile() {
        String path = stack.json().path("terraform").path("backend").path("local").path("path").asText();
        return stack.dir().resolve(path).normalize();
    }

    @Test
    void aBastionWithoutPort22GetsTheSessionManagerFormWithoutAsking() {
        TestStacks.Synthesized ssmOnly = TestStacks.synthStack("tunnel-ssm-only", s -> {
            Network network = new Network(s, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build());
            Bastion bastion = new Bastion(s, "bastion", BastionProps.builder(network).ami(TestStacks.X86_AMI).build());
            AutoScaledService service = new AutoScaledService(s, "web", AutoScaledServiceProps.builder(network)
                    .ami(TestStacks.ARM_AMI).deletionProtection(false).build());
            new Monitoring(s, "monitoring", MonitoringFixtures.props(new MonitoringFixtures.Parts(network, bastion, service), b -> b.alarms(false)));
        });
        Run r = run("--out", ssmOnly.dir().getParent().getParent().toString());
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("aws ssm start-session").doesNotContain("ssh ");
        assertThat(r.stderr()).contains("the bastion admits no SSH");
    }
}
