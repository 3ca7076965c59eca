package io.growstack.compute;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.core.GrowStack;
import io.growstack.host.SpotSettings;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class BastionTest {
    private static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    @Test
    void theDefaultBastionIsASpotT3NanoInAPublicSubnetWithNoSshAtAll() {
        Synthesized s = TestStacks.synthStack("bastion-defaults", stack ->
                new Bastion(stack, "bastion", BastionProps.builder(network(stack)).build()));
        JsonNode instance = s.resource("aws_instance", "bastion_host_instance");
        assertThat(instance.path("instance_type").asText()).isEqualTo("t3.nano");
        assertThat(instance.path("subnet_id").asText()).isEqualTo("${aws_subnet.network_public-subnet-1.id}");
        assertThat(instance.path("associate_public_ip_address").asBoolean()).isTrue();
        assertThat(instance.path("metadata_options").path("http_tokens").asText()).isEqualTo("required");
        JsonNode market = instance.path("instance_market_options");
        assertThat(market.path("market_type").asText()).isEqualTo("spot");
        // A one-time request ends with its instance; a persistent one would outlive terraform destroy:
        // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-requests.html#terminating-a-spot-instance
        assertThat(market.path("spot_options").path("instance_interruption_behavior").asText()).isEqualTo("terminate");
        assertThat(market.path("spot_options").path("spot_instance_type").asText()).isEqualTo("one-time");
        assertThat(market.path("spot_options").has("max_price")).isFalse();
        assertThat(s.count("aws_vpc_security_group_ingress_rule")).isZero();
        assertThat(s.resource("aws_security_group", "bastion_host_security-group_group").path("name").asText())
                .isEqualTo("test-dev-bastion");
        assertThat(s.resource("aws_iam_role_policy_attachment", "bastion_host_role_policy-ssm").path("policy_arn").asText())
                .endsWith("AmazonSSMManagedInstanceCore");
    }

    @Test
    void sshIsOpenOnlyToTheAllowList() {
        Synthesized s = TestStacks.synthStack("bastion-allow-list", stack -> new Bastion(stack, "bastion",
                BastionProps.builder(network(stack)).allowSshFrom(List.of("203.0.113.7/32", "198.51.100.0/24"))
                        .onDemand().keyName("admin").build()));
        JsonNode rules = s.resources("aws_vpc_security_group_ingress_rule");
        assertThat(rules.size()).isEqualTo(2);
        assertThat(rules.path("bastion_host_security-group_ingress-tcp-22-from-203-0-113-7-32").path("cidr_ipv4").asText())
                .isEqualTo("203.0.113.7/32");
        rules.forEach(rule -> assertThat(rule.path("from_port").asInt()).isEqualTo(22));
        JsonNode instance = s.resource("aws_instance", "bastion_host_instance");
        assertThat(instance.has("instance_market_options")).isFalse();
        assertThat(instance.path("key_name").asText()).isEqualTo("admin");
    }

    @Test
    void theAllowListMayBeATerraformListVariable() {
        Synthesized s = TestStacks.synthStack("bastion-variable", stack -> {
            TerraformVariable admins = new TerraformVariable(stack, "admin_cidrs", TerraformVariableConfig.builder()
                    .type("list(string)").description("CIDR blocks allowed to SSH to the bastion").build());
            new Bastion(stack, "bastion", BastionProps.builder(network(stack)).allowSshFrom(admins.getListValue()).build());
        });
        JsonNode rule = s.resource("aws_vpc_security_group_ingress_rule", "bastion_host_security-group_ingress-tcp-22-from-cidrs");
        assertThat(rule.path("for_each").asText()).isEqualTo("${toset(var.admin_cidrs)}");
        assertThat(rule.path("cidr_ipv4").asText()).isEqualTo("${each.value}");
    }

    @Test
    void sshFromAnywhereNeedsTheExplicitSwitch() {
        Synthesized s = TestStacks.synthStack("bastion-anywhere", stack -> new Bastion(stack, "bastion",
                BastionProps.builder(network(stack)).allowSshFromAnywhere().build()));
        assertThat(s.resource("aws_vpc_security_group_ingress_rule", "bastion_host_security-group_ingress-tcp-22-from-anywhere")
                .path("cidr_ipv4").asText()).isEqualTo("0.0.0.0/0");
    }

    @Test
    void anAllowListEntryThatIsNotACidrIsRejected() {
        assertRejected("bastion-not-cidr", stack -> new Bastion(stack, "bastion", BastionProps.builder(network(stack))
                        .allowSshFrom(List.of("my-office")).build()),
                "app/bastion: property 'allowSshFrom' is 'my-office': expected an IPv4 CIDR block such as 203.0.113.7/32");
    }

    @Test
    void theWorldInTheAllowListIsRejected() {
        assertRejected("bastion-world", stack -> new Bastion(stack, "bastion", BastionProps.builder(network(stack))
                        .allowSshFrom(List.of("0.0.0.0/0")).build()),
                "app/bastion: property 'allowSshFrom' is '0.0.0.0/0': expected the admins' addresses such as"
                        + " 203.0.113.7/32, not the whole internet; to open SSH to the world call allowSshFromAnywhere() explicitly (the review flags it)");
    }

    @Test
    void aSpotPriceThatIsNotANumberIsRejected() {
        assertRejected("bastion-price", stack -> new Bastion(stack, "bastion", BastionProps.builder(network(stack))
                        .spot(SpotSettings.defaults().withMaxPrice("cheap")).build()),
                "app/bastion/host: property 'spot.maxPrice' is 'cheap': expected a USD price per hour such as 0.003,"
                        + " or none for up to the on-demand price");
    }
}
