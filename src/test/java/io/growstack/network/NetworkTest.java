package io.growstack.network;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.files.NatInstanceUserData;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static Synthesized defaults;

    @BeforeAll
    static void synthDefaults() {
        defaults = TestStacks.synthStack("network-defaults", stack -> new Network(stack, "network"));
    }

    @Test
    void theDefaultNetworkIsTheSeedsSixteenBitVpcWithTwoPublicAndTwoPrivateSubnets() {
        assertThat(defaults.resource("aws_vpc", "network_vpc").path("cidr_block").asText()).isEqualTo("10.0.0.0/16");
        assertThat(defaults.resource("aws_vpc", "network_vpc").path("enable_dns_hostnames").asBoolean()).isTrue();
        assertThat(cidrs(defaults, "public")).containsExactly("10.0.0.0/20", "10.0.16.0/20");
        assertThat(cidrs(defaults, "private")).containsExactly("10.0.128.0/20", "10.0.144.0/20");
        assertThat(defaults.count("aws_internet_gateway")).isEqualTo(1);
        defaults.resources("aws_subnet").forEach(subnet ->
                assertThat(subnet.path("map_public_ip_on_launch").asBoolean()).isFalse());
    }

    @Test
    void withoutExplicitZonesTheSubnetsTakeTheRegionsFirstZonesAtPlanTime() {
        assertThat(defaults.json().path("data").path("aws_availability_zones").has("network_availability-zones")).isTrue();
        assertThat(defaults.resource("aws_subnet", "network_public-subnet-2").path("availability_zone").asText())
                .isEqualTo("${element(data.aws_availability_zones.network_availability-zones.names, 1)}");
    }

    @Test
    void thereIsOnePublicAndOnePrivateRouteTableAndEachSubnetUsesItsTiersTable() {
        assertThat(defaults.count("aws_route_table")).isEqualTo(2);
        JsonNode associations = defaults.resources("aws_route_table_association");
        assertThat(associations.path("network_public-subnet-1-route-table").path("route_table_id").asText())
                .isEqualTo("${aws_route_table.network_public-route-table.id}");
        assertThat(associations.path("network_private-subnet-2-route-table").path("route_table_id").asText())
                .isEqualTo("${aws_route_table.network_private-route-table.id}");
        assertThat(defaults.resource("aws_route", "network_public-default-route").path("gateway_id").asText())
                .isEqualTo("${aws_internet_gateway.network_internet-gateway.id}");
    }

    @Test
    void thePlainNatIsAT3NanoInstanceThatTheAllPrivateDefaultRoutePointsAt() {
        Synthesized plain = TestStacks.synthStack("network-plain-nat", stack -> new Network(stack, "network",
                NetworkProps.builder().nat(NatProvider.plainInstance()).build()));
        JsonNode nat = plain.resource("aws_instance", "network_nat-instance");
        assertThat(nat.path("instance_type").asText()).isEqualTo("t3.nano");
        assertThat(nat.path("source_dest_check").asBoolean(true)).isFalse();
        assertThat(nat.path("associate_public_ip_address").asBoolean()).isTrue();
        assertThat(nat.path("metadata_options").path("http_tokens").asText()).isEqualTo("required");
        assertThat(nat.path("root_block_device").path("encrypted").asBoolean()).isTrue();
        assertThat(nat.path("root_block_device").path("volume_type").asText()).isEqualTo("gp3");
        assertThat(nat.path("lifecycle").path("ignore_changes").toString()).isEqualTo("[\"ami\"]");
        assertThat(nat.path("user_data").asText()).isEqualTo(NatInstanceUserData.script());
        assertThat(nat.path("ami").asText()).isEqualTo("${data.aws_ssm_parameter.network_nat-ami.insecure_value}");
        assertThat(plain.json().path("data").path("aws_ssm_parameter").path("network_nat-ami").path("name").asText())
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
        assertThat(plain.resource("aws_route", "network_private-default-route-1").path("network_interface_id").asText())
                .isEqualTo("${aws_instance.network_nat-instance.primary_network_interface_id}");
        assertThat(plain.count("aws_nat_gateway")).isZero();
    }

    @Test
    void theNatInstanceAdmitsOnlyTheVpcAndStatesItsEgress() {
        JsonNode ingress = defaults.resources("aws_vpc_security_group_ingress_rule");
        assertThat(ingress.size()).isEqualTo(1);
        JsonNode rule = ingress.elements().next();
        assertThat(rule.path("cidr_ipv4").asText()).isEqualTo("10.0.0.0/16");
        assertThat(rule.path("ip_protocol").asText()).isEqualTo("-1");
        assertThat(rule.path("security_group_id").asText())
                .isEqualTo("${aws_security_group.network_nat-security-group_group.id}");
        JsonNode egress = defaults.resources("aws_vpc_security_group_egress_rule").elements().next();
        assertThat(egress.path("cidr_ipv4").asText()).isEqualTo("0.0.0.0/0");
        assertThat(defaults.json().path("resource").has("aws_security_group_rule")).isFalse();
        assertThat(defaults.resource("aws_security_group", "network_nat-security-group_group").has("ingress")).isFalse();
    }

    @Test
    void theFreeS3GatewayEndpointSitsOnThePrivateRouteTables() {
        JsonNode endpoint = defaults.resource("aws_vpc_endpoint", "network_s3-endpoint");
        assertThat(endpoint.path("service_name").asText()).isEqualTo("com.amazonaws.ap-northeast-2.s3");
        assertThat(endpoint.path("vpc_endpoint_type").asText()).isEqualTo("Gateway");
        assertThat(endpoint.path("route_table_ids").toString())
                .isEqualTo("[\"${aws_route_table.network_private-route-table.id}\"]");
    }

    @Test
    void anArmNatInstanceWithAnExplicitImageNeedsNoLookup() {
        Synthesized s = TestStacks.synthStack("network-arm-nat", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                        .nat(NatProvider.instance(NatInstanceProps.builder().instanceType("t4g.nano")
                                .ami(TestStacks.ARM_AMI).build())).build()));
        JsonNode nat = s.resource("aws_launch_template", "network_nat-launch-template");
        assertThat(nat.path("image_id").asText()).isEqualTo("ami-0fedcba9876543210");
        assertThat(nat.path("instance_type").asText()).isEqualTo("t4g.nano");
        assertThat(s.json().has("data")).isFalse();
        assertThat(s.resource("aws_subnet", "network_private-subnet-2").path("availability_zone").asText())
                .isEqualTo("ap-northeast-2c");
    }

    @Test
    void natGatewaysPerZoneGiveEachZoneItsOwnPrivateRouteTable() {
        Synthesized s = TestStacks.synthStack("network-nat-gateways", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"))
                        .nat(NatProvider.gateway(NatProvider.GatewayPlacement.PER_AZ)).build()));
        assertThat(s.count("aws_nat_gateway")).isEqualTo(3);
        assertThat(s.count("aws_eip")).isEqualTo(3);
        assertThat(s.count("aws_route_table")).isEqualTo(4);
        assertThat(s.resource("aws_route", "network_private-default-route-2").path("nat_gateway_id").asText())
                .isEqualTo("${aws_nat_gateway.network_nat-gateway-2.id}");
        assertThat(s.resource("aws_nat_gateway", "network_nat-gateway-3").path("subnet_id").asText())
                .isEqualTo("${aws_subnet.network_public-subnet-3.id}");
        assertThat(s.resource("aws_vpc_endpoint", "network_s3-endpoint").path("route_table_ids").size()).isEqualTo(3);
        assertThat(s.count("aws_instance")).isZero();
        // The provider docs: a NAT gateway should depend on the internet gateway explicitly.
        // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/nat_gateway
        s.resources("aws_nat_gateway").forEach(gateway -> assertThat(gateway.path("depends_on").toString())
                .isEqualTo("[\"aws_internet_gateway.network_internet-gateway\"]"));
    }

    @Test
    void theVpcsDefaultSecurityGroupIsAdoptedWithNoRules() {
        // https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html: by default it admits
        // its members and allows all egress; Terraform's aws_default_security_group without blocks removes both.
        JsonNode group = defaults.resource("aws_default_security_group", "network_default-security-group");
        assertThat(group.path("vpc_id").asText()).isEqualTo("${aws_vpc.network_vpc.id}");
        assertThat(group.has("ingress")).isFalse();
        assertThat(group.has("egress")).isFalse();
        assertThat(defaults.count("aws_default_security_group")).isEqualTo(1);
    }

    @Test
    void aSingleNatGatewayServesTheSharedPrivateTable() {
        Synthesized s = TestStacks.synthStack("network-nat-gateway", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                        .nat(NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE)).build()));
        assertThat(s.count("aws_nat_gateway")).isEqualTo(1);
        assertThat(s.resource("aws_eip", "network_nat-eip-1").path("domain").asText()).isEqualTo("vpc");
        assertThat(s.resource("aws_route", "network_private-default-route-1").path("nat_gateway_id").asText())
                .isEqualTo("${aws_nat_gateway.network_nat-gateway-1.id}");
    }

    @Test
    void withNoPrivateTierThereIsAnInternetGatewayButNoNatNorPrivateTableNorEndpoint() {
        Synthesized s = TestStacks.synthStack("network-public-only", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES).privateSubnets(false).build()));
        assertThat(s.count("aws_internet_gateway")).isEqualTo(1);
        assertThat(s.count("aws_subnet")).isEqualTo(2);
        assertThat(s.count("aws_route_table")).isEqualTo(1);
        assertThat(s.count("aws_instance") + s.count("aws_nat_gateway") + s.count("aws_vpc_endpoint")).isZero();
    }

    @Test
    void flowLogsWriteToAnExpiringLogGroupThroughARoleScopedToIt() throws Exception {
        Synthesized s = TestStacks.synthStack("network-flow-logs", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES).nat(NatProvider.none())
                        .flowLogs(FlowLogs.toCloudWatch(14)).build()));
        assertThat(s.resource("aws_cloudwatch_log_group", "network_flow-logs-group").path("retention_in_days").asInt())
                .isEqualTo(14);
        JsonNode flow = s.resource("aws_flow_log", "network_flow-logs");
        assertThat(flow.path("traffic_type").asText()).isEqualTo("ALL");
        assertThat(flow.path("log_destination").asText()).isEqualTo("${aws_cloudwatch_log_group.network_flow-logs-group.arn}");
        JsonNode policy = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                s.resource("aws_iam_role_policy", "network_flow-logs-role-policy").path("policy").asText());
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Sid").asText()).isEqualTo("WriteFlowLogRecords");
        assertThat(statement.path("Resource").toString()).doesNotContain("\"*\"")
                .contains("${aws_cloudwatch_log_group.network_flow-logs-group.arn}:*");
        JsonNode trust = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                s.resource("aws_iam_role", "network_flow-logs-role").path("assume_role_policy").asText());
        assertThat(trust.path("Statement").get(0).path("Principal").path("Service").asText())
                .isEqualTo("vpc-flow-logs.amazonaws.com");
        assertThat(s.resource("aws_iam_role", "network_flow-logs-role").path("name").asText())
                .isEqualTo("test-dev-vpc-flow-logs");
    }

    @Test
    void explicitSubnetsAndASmallerVpcAreCarvedAsGiven() {
        Synthesized s = TestStacks.synthStack("network-explicit", stack -> new Network(stack, "network",
                NetworkProps.builder().cidr("10.20.0.0/24").availabilityZones(TestStacks.ZONES).nat(NatProvider.none())
                        .publicSubnetCidrs(List.of("10.20.0.0/26", "10.20.0.64/26"))
                        .privateSubnetCidrs(List.of("10.20.0.128/26", "10.20.0.192/26")).build()));
        assertThat(cidrs(s, "public")).containsExactly("10.20.0.0/26", "10.20.0.64/26");
        assertThat(cidrs(s, "private")).containsExactly("10.20.0.128/26", "10.20.0.192/26");
    }

    @Test
    void aMalformedCidrIsRejected() {
        assertRejected("malformed-cidr", stack -> new Network(stack, "network",
                NetworkProps.builder().cidr("10.0.0/16").build()),
                "app/network: property 'cidr' is '10.0.0/16': expected an IPv4 CIDR block with zero host bits,"
                        + " such as 10.0.0.0/16");
    }

    @Test
    void aVpcLargerThanSlashSixteenIsRejected() {
        assertRejected("prefix-15", stack -> new Network(stack, "network",
                NetworkProps.builder().cidr("10.0.0.0/15").build()),
                "app/network: property 'cidr' is '10.0.0.0/15': expected a prefix between /16 and /28"
                        + " (AWS's VPC size limits)");
    }

    @Test
    void aVpcSmallerThanSlashTwentyEightIsRejected() {
        assertRejected("prefix-29", stack -> new Network(stack, "network",
                NetworkProps.builder().cidr("10.0.0.0/29").build()),
                "app/network: property 'cidr' is '10.0.0.0/29': expected a prefix between /16 and /28"
                        + " (AWS's VPC size limits)");
    }

    @Test
    void overlappingSubnetsAreRejected() {
        assertRejected("overlap", stack -> new Network(stack, "network", NetworkProps.builder()
                        .publicSubnetCidrs(List.of("10.0.0.0/24", "10.0.1.0/24"))
                        .privateSubnetCidrs(List.of("10.0.1.0/25", "10.0.2.0/24")).build()),
                "app/network: property 'subnets' is '10.0.1.0/24 and 10.0.1.0/25': expected subnets that do not overlap");
    }

    @Test
    void aSubnetOutsideTheVpcIsRejected() {
        assertRejected("outside", stack -> new Network(stack, "network", NetworkProps.builder()
                        .publicSubnetCidrs(List.of("10.0.0.0/24", "10.1.0.0/24")).build()),
                "app/network: property 'publicSubnetCidrs' is '10.1.0.0/24': expected a block inside the VPC's 10.0.0.0/16");
    }

    @Test
    void oneZoneIsRejected() {
        assertRejected("one-az", stack -> new Network(stack, "network", NetworkProps.builder().azCount(1).build()),
                "app/network: property 'azCount' is '1': expected 2 to 6 availability zones (a load balancer needs two)");
    }

    @Test
    void sevenZonesAreRejected() {
        assertRejected("seven-azs", stack -> new Network(stack, "network", NetworkProps.builder().azCount(7).build()),
                "app/network: property 'azCount' is '7': expected 2 to 6 availability zones (a load balancer needs two)");
    }

    @Test
    void aZoneOfAnotherRegionIsRejected() {
        assertRejected("foreign-az", stack -> new Network(stack, "network", NetworkProps.builder()
                        .availabilityZones(List.of("ap-northeast-2a", "us-east-1a")).build()),
                "app/network: property 'availabilityZones' is '[ap-northeast-2a, us-east-1a]': expected distinct"
                        + " zone names of region ap-northeast-2, such as ap-northeast-2a");
    }

    @Test
    void aNatInstanceTypeTheLibraryDoesNotKnowIsRejected() {
        assertRejected("nat-type", stack -> new Network(stack, "network", NetworkProps.builder()
                        .nat(NatProvider.instance(NatInstanceProps.builder().instanceType("x9.nano").build())).build()),
                "app/network: property 'nat.instanceType' is 'x9.nano': expected an EC2 instance type growstack knows,"
                        + " such as t4g.micro, t3.nano or m7g.large");
    }

    @Test
    void aNatImageOfTheWrongArchitectureIsRejected() {
        assertRejected("nat-arch", stack -> new Network(stack, "network", NetworkProps.builder()
                        .nat(NatProvider.instance(NatInstanceProps.builder().instanceType("t4g.nano")
                                .ami(TestStacks.X86_AMI).build())).build()),
                "app/network: property 'nat.ami' is 'ami-0123456789abcdef0 (x86_64)': expected an arm64 image"
                        + " for instance type t4g.nano");
    }

    @Test
    void aNatWithoutAPrivateTierIsRejected() {
        assertRejected("nat-public-only", stack -> new Network(stack, "network", NetworkProps.builder()
                        .privateSubnets(false).nat(NatProvider.instance()).build()),
                "app/network: property 'nat' is 'a NAT with privateSubnets(false)': expected NatProvider.none()"
                        + " when there is no private tier (nothing would use the NAT)");
    }

    @Test
    void aVpcTooSmallForItsSubnetsIsRejected() {
        assertRejected("too-small", stack -> new Network(stack, "network", NetworkProps.builder()
                        .cidr("10.0.0.0/28").build()),
                "app/network: property 'cidr' is '10.0.0.0/28': expected a VPC larger than /28: subnets are at most /28,"
                        + " so a /28 VPC cannot hold one per zone and tier");
    }

    @Test
    void aFlowLogRetentionCloudWatchDoesNotOfferIsRejected() {
        assertRejected("flow-retention", stack -> new Network(stack, "network", NetworkProps.builder()
                        .flowLogs(FlowLogs.toCloudWatch(10)).build()),
                "app/network: property 'flowLogs.retentionDays' is '10': expected a CloudWatch Logs retention: "
                        + "[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,"
                        + " 2922, 3288, 3653]");
    }

    private static List<String> cidrs(Synthesized s, String tier) {
        List<String> result = new ArrayList<>();
        s.resources("aws_subnet").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("network_" + tier + "-")) {
                result.add(e.getValue().path("cidr_block").asText());
            }
        });
        return result;
    }

    @Test
    void aNatKeyPairAndCreditModeReachItsLaunchTemplate() {
        Synthesized s = TestStacks.synthStack("network-nat-key", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                        .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).keyName("ops")
                                .cpuCredits("unlimited").rootVolumeGb(10).build())).build()));
        JsonNode nat = s.resource("aws_launch_template", "network_nat-launch-template");
        assertThat(nat.path("key_name").asText()).isEqualTo("ops");
        assertThat(nat.path("credit_specification").path("cpu_credits").asText()).isEqualTo("unlimited");
        assertThat(nat.path("block_device_mappings").get(0).path("ebs").path("volume_size").asInt()).isEqualTo(10);
    }
}
