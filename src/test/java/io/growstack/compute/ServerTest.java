package io.growstack.compute;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.SubnetTier;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import org.junit.jupiter.api.Test;

class ServerTest {
    private static Network network(io.growstack.core.GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    @Test
    void aDefaultServerIsAPrivateGravitonHostWithImdsV2AnEncryptedDiskAndSsm() throws Exception {
        Synthesized s = TestStacks.synthStack("server-defaults", stack ->
                new Server(stack, "api", ServerProps.builder(network(stack)).build()));
        JsonNode instance = s.resource("aws_instance", "api_instance");
        assertThat(instance.path("instance_type").asText()).isEqualTo("t4g.micro");
        assertThat(instance.path("subnet_id").asText()).isEqualTo("${aws_subnet.network_private-subnet-1.id}");
        assertThat(instance.has("associate_public_ip_address")).isFalse();
        assertThat(instance.path("metadata_options").path("http_tokens").asText()).isEqualTo("required");
        assertThat(instance.path("root_block_device").path("encrypted").asBoolean()).isTrue();
        assertThat(instance.path("credit_specification").path("cpu_credits").asText()).isEqualTo("standard");
        assertThat(instance.path("lifecycle").path("ignore_changes").toString()).isEqualTo("[\"ami\"]");
        assertThat(instance.path("iam_instance_profile").asText()).isEqualTo("${aws_iam_instance_profile.api_role_profile.name}");
        assertThat(s.json().path("data").path("aws_ssm_parameter").path("api_ami").path("name").asText())
                .endsWith("al2023-ami-kernel-default-arm64");
        assertThat(s.resource("aws_iam_role_policy_attachment", "api_role_policy-ssm").path("policy_arn").asText())
                .isEqualTo("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
        JsonNode trust = new ObjectMapper().readTree(s.resource("aws_iam_role", "api_role_role").path("assume_role_policy").asText());
        assertThat(trust.path("Statement").get(0).path("Principal").path("Service").asText()).isEqualTo("ec2.amazonaws.com");
        assertThat(s.resources("aws_vpc_security_group_ingress_rule").size()).isZero();
        assertThat(s.resource("aws_vpc_security_group_egress_rule", "api_security-group_egress-all-to-anywhere")
                .path("cidr_ipv4").asText()).isEqualTo("0.0.0.0/0");
    }

    @Test
    void aPublicServerWithAnElasticIpGetsItsStableAddressInsteadOfAnEphemeralOne() {
        Synthesized s = TestStacks.synthStack("server-public", stack -> {
            Server server = new Server(stack, "box", ServerProps.builder(network(stack)).tier(SubnetTier.PUBLIC)
                    .instanceType("t2.micro").ami(TestStacks.X86_AMI).elasticIp(true).build());
            assertThat(server.publicIp()).isEqualTo("${aws_eip.box_elastic-ip.public_ip}");
        });
        JsonNode instance = s.resource("aws_instance", "box_instance");
        assertThat(instance.path("subnet_id").asText()).isEqualTo("${aws_subnet.network_public-subnet-1.id}");
        assertThat(instance.path("associate_public_ip_address").asBoolean()).isTrue();
        assertThat(instance.path("ami").asText()).isEqualTo("ami-0123456789abcdef0");
        assertThat(s.resource("aws_eip", "box_elastic-ip").path("instance").asText()).isEqualTo("${aws_instance.box_instance.id}");
    }

    @Test
    void anArmTypeWithAnX86ImageIsRejected() {
        assertRejected("server-arch", stack -> new Server(stack, "api", ServerProps.builder(network(stack))
                        .ami(TestStacks.X86_AMI).build()),
                "app/api: property 'ami' is 'ami-0123456789abcdef0 (x86_64)': expected an arm64 image for instance type t4g.micro");
    }

    @Test
    void anUnknownInstanceFamilyIsRejected() {
        assertRejected("server-family", stack -> new Server(stack, "api", ServerProps.builder(network(stack))
                        .instanceType("z9.large").build()),
                "app/api: property 'instanceType' is 'z9.large': expected an EC2 instance type growstack knows,"
                        + " such as t4g.micro, t3.nano or m7g.large");
    }

    @Test
    void aPublicAddressInAPrivateSubnetIsRejected() {
        assertRejected("server-private-eip", stack -> new Server(stack, "api", ServerProps.builder(network(stack))
                        .elasticIp(true).build()),
                "app/api: property 'elasticIp' is 'true': expected false in a private subnet (no route from the"
                        + " internet); use tier(PUBLIC)");
    }

    @Test
    void aPrivateServerInANetworkWithoutAPrivateTierIsRejected() {
        assertRejected("server-no-tier", stack -> new Server(stack, "api", ServerProps.builder(
                        new Network(stack, "network", NetworkProps.builder().privateSubnets(false).build())).build()),
                "app/api: property 'tier' is 'PRIVATE': expected a tier the network has; it has no private subnets");
    }
}
