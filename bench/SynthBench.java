import io.growstack.aws.SnsTopic;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Resource;
import io.growstack.core.Synthesizer;
import io.growstack.network.ManagedSecurityGroup;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Benchmark program (not a test): synthesizes one stack of N resources and prints the count.
 * {@code blocks}: real blocks — networks without NAT, topped up with security-group rules;
 * {@code plain}: N plain growstack resources (SNS topics), the per-resource cost alone;
 * {@code floor}: an empty cdktf app and stack, without growstack (N is ignored).
 */
public final class SynthBench {
    public static void main(String[] args) {
        String kind = args[0];
        if (kind.equals("floor")) {
            // What every synth pays before growstack does anything: the JVM, jsii starting Node, cdktf's
            // JavaScript, and cdktf writing an empty stack.
            com.hashicorp.cdktf.App app = new com.hashicorp.cdktf.App(
                    com.hashicorp.cdktf.AppConfig.builder().outdir(args[2]).build());
            new com.hashicorp.cdktf.TerraformStack(app, "floor");
            app.synth();
            System.out.println("resources=0");
            return;
        }
        int target = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Synthesizer.Result result = Synthesizer.synth(out, app -> {
            GrowStack stack = new GrowStack(app, "bench", GrowStackProps.builder("ap-northeast-2").project("bench").build());
            if (kind.equals("plain")) {
                for (int i = 0; i < target; i++) {
                    new Resource(stack, "topic-" + i, new SnsTopic("bench-" + i, null, null, null, Map.of()));
                }
            } else {
                blocks(stack, target);
            }
        });
        System.out.println("resources=" + result.resourceCount() + " synth_ms=" + result.millis());
    }

    private static void blocks(GrowStack stack, int target) {
        int made = 0;
        int n = 0;
        Network last = null;
        while (target - made >= 14 && n < 250) {
            n++;
            last = new Network(stack, "network-" + n, NetworkProps.builder()
                    .cidr("10." + n + ".0.0/16")
                    .availabilityZones(List.of("ap-northeast-2a", "ap-northeast-2c"))
                    .nat(NatProvider.none()).build());
            made += 14;
        }
        if (made < target) {
            String vpcId = last != null ? last.vpcId() : "vpc-0123456789abcdef0";
            ManagedSecurityGroup group = new ManagedSecurityGroup(stack, "rules", vpcId, "bench-rules", "bench");
            made++;
            for (int port = 1; made < target; port++, made++) {
                group.allowIngressFromCidr("vpc", Port.tcp(1000 + port), "10.0.0.0/16", "bench rule " + port);
            }
        }
    }
}
