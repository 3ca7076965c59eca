package io.growstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.compute.ReverseProxy;
import io.growstack.compute.ReverseProxyProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.data.Cache;
import io.growstack.data.CacheProps;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Walks every security-group rule of a stack with every entry and compute block. */
class SecurityGroupWalkTest {

    static void fullStack(GrowStack stack, boolean sshFromAnywhere) {
        Network network = new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.instance()).build());
        TerraformVariable admins = new TerraformVariable(stack, "admin_cidrs", TerraformVariableConfig.builder()
                .type("list(string)").defaultValue(List.of("203.0.113.7/32")).build());
        BastionProps.Builder bastionProps = BastionProps.builder(network);
        if (sshFromAnywhere) {
            bastionProps.allowSshFromAnywhere();
        } else {
            bastionProps.allowSshFrom(admins.getListValue());
        }
        Bastion bastion = new Bastion(stack, "bastion", bastionProps.build());
        AutoScaledService service = new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(network)
                .deletionProtection(false).build());
        Server legacy = new Server(stack, "legacy", ServerProps.builder(network).build());
        legacy.connections().allowFrom(bastion, Port.tcp(22), "SSH from the bastion");
        new ReverseProxy(stack, "proxy", ReverseProxyProps.builder(network).addUpstream(legacy, 8080).build());
        Server monitoring = new Server(stack, "monitoring", ServerProps.builder(network).build());
        service.allowManagementFrom(monitoring);
        Database db = new Database(stack, "db", DatabaseProps.builder(network).build());
        db.connections().allowDefaultPortFrom(service, "MySQL from the API");
        Cache cache = new Cache(stack, "cache", CacheProps.builder(network).build());
        cache.connections().allowDefaultPortFrom(service, "Valkey from the API");
    }

    @Test
    void noPrivatePortNorSshIsOpenToTheWorldAndEveryIngressHasItsEgress() {
        Synthesized s = TestStacks.synthStack("walk-full", stack -> fullStack(stack, false));
        assertThat(SecurityGroupWalk.violations(s.json())).isEmpty();
        assertThat(s.count("aws_security_group")).isGreaterThanOrEqualTo(8);
        List<SecurityGroupWalk.Rule> world = SecurityGroupWalk.ingress(s.json()).stream()
                .filter(r -> "0.0.0.0/0".equals(r.cidr()) || "::/0".equals(r.cidr())).toList();
        assertThat(world).extracting(SecurityGroupWalk.Rule::from).containsOnly(80);
        assertThat(world).extracting(SecurityGroupWalk.Rule::address).allMatch(a -> a.contains("api_alb") || a.contains("proxy"));
    }

    @Test
    void theWalkCatchesSshFromAnywhere() {
        Synthesized s = TestStacks.synthStack("walk-ssh-anywhere", stack -> fullStack(stack, true));
        assertThat(SecurityGroupWalk.violations(s.json()))
                .singleElement().asString().contains("ingress-tcp-22-from-anywhere").contains("opens SSH/RDP");
    }
}
