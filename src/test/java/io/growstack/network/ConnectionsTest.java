package io.growstack.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.testing.TestStacks;
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
}
