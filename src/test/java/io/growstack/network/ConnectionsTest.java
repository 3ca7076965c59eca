package io.growstack.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.util.List;
import java.util.Map;
import io.growstack.testing.TestStacks.Synthesized;
import org.junit.jupiter.api.Test;

class ConnectionsTest {
    @Test
    void allowFromWritesTheIngressOnTheTargetAndTheMatchingEgressOnThePeer() {
        Synthesized s = TestStacks.synthStack("connections", stack -> {
            Connections db = new Connections(new ManagedSecurityGroup(stack, "db", "vpc-1", "db", "database"), "db",
                    Port.tcp(3306));
            Connections api = new Connections(new ManagedSecurityGroup(stack, "api", "vpc-1", "api", "api"), "api", null);
            db.allowDefaultPortFrom(api, "MySQL from the API");
            api.allowTo(db, Port.tcp(3306), "MySQL from the API");
        });
        JsonNode ingress = s.resources("aws_vpc_security_group_ingress_rule");
        JsonNode egress = s.resources("aws_vpc_security_group_egress_rule");
        assertThat(ingress.size()).as("the same rule twice is written once").isEqualTo(1);
        JsonNode in = ingress.path("db_ingress-tcp-3306-from-api");
        assertThat(in.path("security_group_id").asText()).isEqualTo("${aws_security_group.db_group.id}");
        assertThat(in.path("referenced_security_group_id").asText()).isEqualTo("${aws_security_group.api_group.id}");
        assertThat(in.path("description").asText()).isEqualTo("MySQL from the API");
        JsonNode out = egress.path("api_egress-tcp-3306-to-db");
        assertThat(out.path("security_group_id").asText()).isEqualTo("${aws_security_group.api_group.id}");
        assertThat(out.path("referenced_security_group_id").asText()).isEqualTo("${aws_security_group.db_group.id}");
        assertThat(out.path("from_port").asInt()).isEqualTo(3306);
    }

    @Test
    void rulesFedByAVariableWithoutValidationStillRefuseEveryoneAtPlan() {
        // A variable made by hand, not with Variable.cidrAllowList: only the rule's precondition guards it.
        Synthesized s = TestStacks.synthStack("connections-precondition", stack -> {
            List<String> cidrs = new TerraformVariable(stack, "cidrs", TerraformVariableConfig.builder()
                    .type("list(string)").build()).getListValue();
            new Connections(new ManagedSecurityGroup(stack, "ssh", "vpc-0123456789abcdef0", "ssh", "ssh"), "ssh", null)
                    .allowFromCidrs(cidrs, Port.tcp(22), "SSH from the admins");
        });
        JsonNode rule = s.resource("aws_vpc_security_group_ingress_rule", "ssh_ingress-tcp-22-from-cidrs");
        assertThat(rule.path("lifecycle").path("precondition").get(0).path("condition").asText())
                .isEqualTo(ManagedSecurityGroup.NOT_EVERYONE);

        Terraform.require();
        Terraform.writeOverride(s, Map.of("cidrs", List.of("203.0.113.7/32", "0.0.0.0/0")));
        assertThat(Terraform.init(s.dir()).ok()).isTrue();
        Tools.ProcessResult refused = Terraform.plan(s.dir());
        assertThat(refused.ok()).isFalse();
        assertThat(refused.stdout()).contains("must not admit every address");
        Terraform.writeOverride(s, Map.of("cidrs", List.of("203.0.113.7/32", "198.51.100.0/24")));
        Tools.ProcessResult accepted = Terraform.plan(s.dir());
        assertThat(accepted.ok()).as(accepted.describe()).isTrue();
    }
}
