package io.growstack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.examples.v3.PrivateNetworkExample;
import io.growstack.examples.v3lean.LeanNatExample;
import io.growstack.testing.ExampleStacks;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.UserDataChecks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both version-3 examples: the private network, and its lean NAT-instance variant. */
class V3ExamplesTest {
    static final Map<String, Object> VARIABLES = Map.of("admin_cidrs", List.of("203.0.113.7/32"));
    private static Synthesized gateway;
    private static Synthesized lean;

    @BeforeAll
    static void synth() {
        gateway = ExampleStacks.synth("v3-private-network", PrivateNetworkExample::define);
        lean = ExampleStacks.synth("v3-lean-nat", LeanNatExample::define);
    }

    @Test
    void bothAreASixteenBitVpcWithTwoPublicAndTwoPrivateSubnetsAndTwoRouteTables() {
        for (Synthesized s : List.of(gateway, lean)) {
            assertThat(s.resource("aws_vpc", "network_vpc").path("cidr_block").asText()).isEqualTo("10.0.0.0/16");
            assertThat(s.count("aws_subnet")).isEqualTo(4);
            assertThat(s.count("aws_route_table")).isEqualTo(2);
            JsonNode db = s.resource("aws_db_instance", "db_instance");
            assertThat(db.path("publicly_accessible").asBoolean(true)).isFalse();
            assertThat(s.resource("aws_instance", "api_instance").path("subnet_id").asText()).contains("private-subnet");
        }
    }

    @Test
    void thePrivateNetworkUsesANatGatewayAndTheLeanOneAT3NanoInstance() {
        assertThat(gateway.count("aws_nat_gateway")).isEqualTo(1);
        assertThat(gateway.resource("aws_route", "network_private-default-route-1").has("nat_gateway_id")).isTrue();
        assertThat(lean.count("aws_nat_gateway")).isZero();
        assertThat(lean.resource("aws_launch_template", "network_nat-launch-template").path("instance_type").asText())
                .isEqualTo("t3.nano");
        assertThat(lean.resource("aws_route", "network_private-default-route-1").has("network_interface_id")).isTrue();
    }

    @Test
    void theInstanceTypesAreTheSeeds() {
        assertThat(ExampleStacks.instanceTypes(gateway.json())).containsExactly("t2.micro", "t3.micro");
        assertThat(ExampleStacks.instanceTypes(lean.json())).containsExactly("t3.micro", "t3.nano", "t4g.micro");
    }

    @Test
    void deploysGoInPlaceThroughCodeDeployFromGitHubWithOidc() {
        for (Synthesized s : List.of(gateway, lean)) {
            JsonNode group = s.resources("aws_codedeploy_deployment_group").elements().next();
            assertThat(group.path("deployment_style").path("deployment_type").asText()).isEqualTo("IN_PLACE");
            assertThat(s.count("aws_iam_openid_connect_provider")).isEqualTo(1);
            assertThat(s.json().toString()).doesNotContain("aws_iam_access_key");
        }
    }

    @Test
    void onlyTheProxyFacesTheInternetAndSshNeedsTheAdminList() {
        for (Synthesized s : List.of(gateway, lean)) {
            assertThat(SecurityGroupWalk.violations(s.json())).isEmpty();
            assertThat(SecurityGroupWalk.ingress(s.json()).stream().filter(r -> r.from() == 22 && r.cidr() != null))
                    .extracting(SecurityGroupWalk.Rule::cidr).containsOnly("${each.value}");
        }
    }

    @Test
    void terraformValidatesAndPlansBoth() {
        for (Synthesized s : List.of(gateway, lean)) {
            ProviderSchema.aws6().assertValid(s.json());
            UserDataChecks.assertClean(s.json());
            Terraform.assertValidAndPlans(s, VARIABLES);
        }
    }

    @Test
    void theirAddressesAreThePublicContractAndTheirOutputIsDeterministic() {
        ExampleStacks.assertAddressesMatchGolden("v3-private-network", Map.of(PrivateNetworkExample.STACK, gateway));
        ExampleStacks.assertAddressesMatchGolden("v3-lean-nat", Map.of(LeanNatExample.STACK, lean));
        ExampleStacks.assertDeterministic("v3-lean-nat", LeanNatExample::define);
    }
}
