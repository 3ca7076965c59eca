package io.growstack.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.files.NatInstanceUserData;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SelfHealingNatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Synthesized single;
    private static Synthesized perAz;

    @BeforeAll
    static void synth() {
        single = TestStacks.synthStack("nat-self-healing", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES).build()));
        perAz = TestStacks.synthStack("nat-per-az", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"))
                        .nat(NatProvider.instancePerAz()).build()));
    }

    @Test
    void theDefaultNatIsAnAutoScalingGroupOfOneAndTheSharedPrivateRouteTargetsItsStaticInterface() {
        assertThat(single.count("aws_instance")).isZero();
        JsonNode group = single.resource("aws_autoscaling_group", "network_nat-group");
        assertThat(List.of(group.path("min_size").asInt(), group.path("max_size").asInt(),
                group.path("desired_capacity").asInt())).containsExactly(1, 1, 1);
        assertThat(group.path("health_check_type").asText()).isEqualTo("EC2");
        assertThat(group.path("vpc_zone_identifier").toString())
                .isEqualTo("[\"${aws_subnet.network_public-subnet-1.id}\"]");
        assertThat(group.path("instance_maintenance_policy").path("min_healthy_percentage").asInt())
                .as("the old host goes first: the interface attaches to one host at a time").isZero();
        assertThat(group.path("launch_template").path("version").asText())
                .isEqualTo("${aws_launch_template.network_nat-launch-template.latest_version}");

        JsonNode eni = single.resource("aws_network_interface", "network_nat-interface");
        assertThat(eni.path("source_dest_check").asBoolean(true)).isFalse();
        assertThat(eni.path("subnet_id").asText()).isEqualTo("${aws_subnet.network_public-subnet-1.id}");
        assertThat(eni.path("security_groups").toString())
                .isEqualTo("[\"${aws_security_group.network_nat-security-group_group.id}\"]");
        JsonNode route = single.resource("aws_route", "network_private-default-route-1");
        assertThat(route.path("network_interface_id").asText())
                .isEqualTo("${aws_network_interface.network_nat-interface.id}");
        assertThat(route.has("lifecycle")).as("one NAT: Terraform owns the route").isFalse();

        JsonNode eip = single.resource("aws_eip", "network_nat-eip");
        assertThat(eip.path("network_interface").asText()).isEqualTo("${aws_network_interface.network_nat-interface.id}");
        assertThat(eip.path("depends_on").toString()).isEqualTo("[\"aws_internet_gateway.network_internet-gateway\"]");
    }

    @Test
    void theLaunchTemplateRequiresImdsV2EncryptsTheRootAndGivesTheBootTimeInterfaceAPublicAddress() {
        JsonNode template = single.resource("aws_launch_template", "network_nat-launch-template");
        assertThat(template.path("instance_type").asText()).isEqualTo("t3.nano");
        assertThat(template.path("metadata_options").path("http_tokens").asText()).isEqualTo("required");
        assertThat(template.path("metadata_options").path("http_put_response_hop_limit").asInt()).isEqualTo(1);
        assertThat(template.path("block_device_mappings").get(0).path("ebs").path("encrypted").asText()).isEqualTo("true");
        assertThat(template.path("credit_specification").path("cpu_credits").asText()).isEqualTo("standard");
        JsonNode primary = template.path("network_interfaces").get(0);
        assertThat(primary.path("device_index").asInt()).isZero();
        assertThat(primary.path("associate_public_ip_address").asText()).isEqualTo("true");
        assertThat(template.has("vpc_security_group_ids")).isFalse();
        assertThat(template.path("user_data").asText()).isEqualTo("${base64encode(local.network_nat-user-data)}");
        assertThat(template.path("iam_instance_profile").path("arn").asText())
                .isEqualTo("${aws_iam_instance_profile.network_nat-profile.arn}");
    }

    @Test
    void theUserDataIsTheStaticInterfaceScriptWithThisInterfaceFilledInByTerraform() {
        String userData = single.json().path("locals").path("network_nat-user-data").asText();
        String expected = NatInstanceUserData.staticInterface(new NatInstanceUserData.Settings(
                "${aws_network_interface.network_nat-interface.id}",
                "${aws_network_interface.network_nat-interface.mac_address}", Optional.empty()));
        assertThat(userData.replace("$${", "${").replace("%%{", "%{")).isEqualTo(expected);
        assertThat(userData).doesNotContain("growstack-nat-watch");
    }

    @Test
    void theInstanceRoleMayAttachExactlyTheStaticInterfaceAndOnlyToInstancesWithItsProfile() throws Exception {
        List<JsonNode> statements = statements(single, "network_nat-role-policy");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).path("Action").asText()).isEqualTo("ec2:AttachNetworkInterface");
        assertThat(statements.get(0).path("Resource").asText()).isEqualTo("${aws_network_interface.network_nat-interface.arn}");
        assertThat(statements.get(1).path("Resource").asText()).isEqualTo("arn:aws:ec2:ap-northeast-2:*:instance/*");
        assertThat(statements.get(1).path("Condition").path("ArnEquals").path("ec2:InstanceProfile").asText())
                .isEqualTo("${aws_iam_instance_profile.network_nat-profile.arn}");
    }

    @Test
    void perZoneEachZonesTableTargetsItsOwnInterfaceAndTheWatchersOwnTheTargetAtRunTime() {
        assertThat(perAz.count("aws_autoscaling_group")).isEqualTo(3);
        assertThat(perAz.count("aws_network_interface")).isEqualTo(3);
        assertThat(perAz.count("aws_eip")).isEqualTo(3);
        assertThat(perAz.count("aws_route_table")).isEqualTo(4);
        for (int zone = 1; zone <= 3; zone++) {
            JsonNode route = perAz.resource("aws_route", "network_private-default-route-" + zone);
            assertThat(route.path("route_table_id").asText())
                    .isEqualTo("${aws_route_table.network_private-route-table-" + zone + ".id}");
            assertThat(route.path("network_interface_id").asText())
                    .isEqualTo("${aws_network_interface.network_nat-interface-" + zone + ".id}");
            assertThat(route.path("lifecycle").path("ignore_changes").toString()).isEqualTo("[\"network_interface_id\"]");
            assertThat(perAz.resource("aws_autoscaling_group", "network_nat-group-" + zone).path("vpc_zone_identifier")
                    .toString()).isEqualTo("[\"${aws_subnet.network_public-subnet-" + zone + ".id}\"]");
        }
    }

    @Test
    void perZoneTheWatcherMayTagOnlyItsOwnInterfaceAndReplaceRoutesOnlyInThisNetworksPrivateTables() throws Exception {
        List<JsonNode> statements = statements(perAz, "network_nat-role-policy-2");
        assertThat(statements).extracting(s -> s.path("Sid").asText()).containsExactly("AttachTheNatInterface",
                "AttachToNatInstancesOnly", "PublishOwnNatHealth", "ReadNatHealthAndRoutes",
                "FailOverThisNetworksPrivateRoutes");
        assertThat(statements.get(2).path("Resource").asText()).isEqualTo("${aws_network_interface.network_nat-interface-2.arn}");
        assertThat(statements.get(2).path("Condition").path("ForAllValues:StringEquals").path("aws:TagKeys").asText())
                .isEqualTo("growstack:nat-health");
        assertThat(statements.get(4).path("Action").asText()).isEqualTo("ec2:ReplaceRoute");
        assertThat(statements.get(4).path("Resource").toString()).isEqualTo("[\"${aws_route_table.network_private-route-table-1.arn}\","
                + "\"${aws_route_table.network_private-route-table-2.arn}\",\"${aws_route_table.network_private-route-table-3.arn}\"]");
    }

    @Test
    void perZoneTheUserDataRunsTheWatcherWithThisZonesIndexAndEveryZonesTableAndInterface() {
        String userData = perAz.json().path("locals").path("network_nat-user-data-3").asText();
        assertThat(userData)
                .contains("NAT_ZONE_INDEX=2\n")
                .contains("NAT_ROUTE_TABLES=\"${aws_route_table.network_private-route-table-1.id} "
                        + "${aws_route_table.network_private-route-table-2.id} ${aws_route_table.network_private-route-table-3.id}\"\n")
                .contains("NAT_PROBE_HOST=ec2.ap-northeast-2.amazonaws.com\nNAT_PROBE_PORT=443\n")
                .contains("systemctl enable --now growstack-nat-watch.service");
    }

    @Test
    void withSixZonesEachWatchersUserDataStaysUnderEc2sSixteenKilobytes() {
        // us-east-1 is a region with six zones (ap-northeast-2 has four).
        Synthesized six = TestStacks.synth("nat-six-zones", app -> new Network(new io.growstack.core.GrowStack(app,
                "nat-six-zones", io.growstack.core.GrowStackProps.builder("us-east-1").project("test").build()), "network",
                NetworkProps.builder().availabilityZones(List.of("us-east-1a", "us-east-1b", "us-east-1c",
                        "us-east-1d", "us-east-1e", "us-east-1f")).nat(NatProvider.instancePerAz()).build()));
        String template = six.json().path("locals").path("network_nat-user-data-6").asText();
        // Terraform fills in 12 ids of at most 21 characters where the references stand.
        String worstCase = template.replaceAll("\\$\\{aws_[^}]*\\}", "x".repeat(21)).replace("$${", "${");
        assertThat(worstCase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(16 * 1024);
    }

    @Test
    void aPlainInstanceIsStillOnOffer() {
        Synthesized plain = TestStacks.synthStack("nat-plain", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES).nat(NatProvider.plainInstance()).build()));
        assertThat(plain.count("aws_instance")).isEqualTo(1);
        assertThat(plain.count("aws_autoscaling_group")).isZero();
        assertThat(plain.count("aws_network_interface")).isZero();
    }

    private static List<JsonNode> statements(Synthesized stack, String policy) throws Exception {
        JsonNode document = JSON.readTree(stack.resource("aws_iam_role_policy", policy).path("policy").asText());
        List<JsonNode> list = new ArrayList<>();
        document.path("Statement").forEach(list::add);
        return list;
    }
}
