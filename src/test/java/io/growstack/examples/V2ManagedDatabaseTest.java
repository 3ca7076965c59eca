package io.growstack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.examples.v2.ManagedDatabaseExample;
import io.growstack.testing.ExampleStacks;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks.Synthesized;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class V2ManagedDatabaseTest {
    private static final String NAME = "v2-managed-database";
    private static Synthesized stack;

    @BeforeAll
    static void synth() {
        stack = ExampleStacks.synth(NAME, ManagedDatabaseExample::define);
    }

    @Test
    void theApiAndJenkinsHostsArePublicT2MicrosAndMySqlMovedToRds() {
        assertThat(ExampleStacks.instanceTypes(stack.json())).containsExactly("t2.micro", "t2.micro");
        JsonNode db = stack.resource("aws_db_instance", "db_instance");
        assertThat(db.path("instance_class").asText()).isEqualTo("db.t4g.micro");
        assertThat(db.path("engine_version").asText()).isEqualTo("8.4");
        assertThat(stack.count("aws_subnet")).isEqualTo(2);
    }

    @Test
    void itsZonesArePinnedInCodeToOnesThatOfferT2Micro() {
        // Without any context: ap-northeast-2b, the second zone a lookup returns, offers no t2.micro
        // (aws ec2 describe-instance-type-offerings --location-type availability-zone).
        Synthesized unpinned = io.growstack.testing.TestStacks.synth("v2-unpinned", ManagedDatabaseExample::define);
        assertThat(unpinned.json().path("data").has("aws_availability_zones")).isFalse();
        assertThat(unpinned.resource("aws_subnet", "network_public-subnet-1").path("availability_zone").asText())
                .isEqualTo("ap-northeast-2a");
        assertThat(unpinned.resource("aws_subnet", "network_public-subnet-2").path("availability_zone").asText())
                .isEqualTo("ap-northeast-2c");
        assertThat(unpinned.resource("aws_instance", "jenkins_instance").path("subnet_id").asText())
                .isEqualTo("${aws_subnet.network_public-subnet-2.id}");
    }

    @Test
    void itsKnownExposuresAreAPublicDatabaseAndSshAndJenkinsOpenToTheWorld() {
        assertThat(stack.resource("aws_db_instance", "db_instance").path("publicly_accessible").asBoolean()).isTrue();
        assertThat(SecurityGroupWalk.violations(stack.json()))
                .anyMatch(v -> v.contains("api_security-group_ingress-tcp-22-from-anywhere"))
                .anyMatch(v -> v.contains("jenkins_security-group_ingress-tcp-22-from-anywhere"))
                .anyMatch(v -> v.contains("jenkins_security-group_ingress-tcp-8080-from-anywhere"))
                .anyMatch(v -> v.contains("ingress-tcp-3306-from-anywhere"));
    }

    @Test
    void terraformValidatesAndPlansIt() {
        ProviderSchema.aws6().assertValid(stack.json());
        Terraform.assertValidAndPlans(stack);
    }

    @Test
    void itsAddressesAreThePublicContractAndItsOutputIsDeterministic() {
        ExampleStacks.assertAddressesMatchGolden(NAME, java.util.Map.of(ManagedDatabaseExample.STACK, stack));
        ExampleStacks.assertDeterministic(NAME, ManagedDatabaseExample::define);
    }
}
