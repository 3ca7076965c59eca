import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Synthesizer;
import io.growstack.network.ManagedSecurityGroup;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark program (not a test): synthesizes one stack of about N resources built from real
 * blocks — 14-resource networks, topped up with security-group rules — and prints the count.
 */
public final class SynthBench {
    public static void main(String[] args) {
        int target = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Synthesizer.Result result = Synthesizer.synth(out, app -> {
            GrowStack stack = new GrowStack(app, "bench", GrowStackProps.builder("ap-northeast-2").project("bench").build());
            int made = 0;
            int n = 0;
            Network last = null;
            while (target - made >= 14) {
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
        });
        System.out.println("resources=" + result.resourceCount() + " synth_ms=" + result.millis());
    }
}
