package io.growstack.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.network.FlowLogs;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review of stacks the blocks synthesize: their secure defaults leave little to find. */
class ReviewOfBlocksTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static List<String> findings(TestStacks.Synthesized s) {
        return Review.of(s.json(), TODAY).findings().stream().map(f -> f.rule().id() + " " + f.address()).toList();
    }

    @Test
    void theSeedsPrivateNetworkWithANatInstanceMissesOnlyLowHygiene() {
        TestStacks.Synthesized s = TestStacks.synthStack("review-nat-instance", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                        .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build()));
        assertThat(findings(s)).as("IMDSv2, encrypted root, NAT admitting the VPC only").containsExactly(
                "GS-EC2-003 aws_launch_template.network_nat-launch-template", "GS-VPC-001 aws_vpc.network_vpc");
    }

    @Test
    void inProductionOneNatForTwoZonesIsALowFindingAndANatPerZoneIsNot() {
        java.util.function.Function<NatProvider, TestStacks.Synthesized> prod = nat -> TestStacks.synth("review-prod-nat",
                app -> new Network(new io.growstack.core.GrowStack(app, "shop", io.growstack.core.GrowStackProps
                        .builder("ap-northeast-2").project("shop").environment("prod").build()), "network",
                        NetworkProps.builder().availabilityZones(TestStacks.ZONES).flowLogs(FlowLogs.toCloudWatch())
                                .nat(nat).build()));
        java.util.function.Function<NatProvider, List<String>> natFindings = nat -> findings(prod.apply(nat)).stream()
                .filter(f -> f.startsWith("GS-VPC-003 ")).toList();
        assertThat(natFindings.apply(NatProvider.instance())).containsExactly(
                "GS-VPC-003 aws_network_interface.network_nat-interface");
        assertThat(natFindings.apply(NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE))).containsExactly(
                "GS-VPC-003 aws_nat_gateway.network_nat-gateway-1");
        assertThat(natFindings.apply(NatProvider.instancePerAz())).isEmpty();
    }

    @Test
    void aNetworkWithFlowLogsAndNatGatewaysHasNoFindingItsDefaultSecurityGroupIsTakenOver() {
        TestStacks.Synthesized s = TestStacks.synthStack("review-flow-logs", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES).flowLogs(FlowLogs.toCloudWatch())
                        .nat(NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE)).build()));
        assertThat(findings(s)).isEmpty();
    }

    @Test
    void theDefaultBastionOpensNothingButOneOpenToAnywhereIsAHighFinding() {
        List<String> hygiene = List.of("GS-EC2-003 aws_instance.bastion_host_instance");
        TestStacks.Synthesized closed = TestStacks.synthStack("review-bastion", stack -> new Bastion(stack, "bastion",
                BastionProps.builder(new Network(stack, "network", NetworkProps.builder()
                        .availabilityZones(TestStacks.ZONES).nat(NatProvider.none()).flowLogs(FlowLogs.toCloudWatch())
                        .build())).build()));
        assertThat(findings(closed)).containsExactlyElementsOf(hygiene);

        TestStacks.Synthesized open = TestStacks.synthStack("review-bastion-open", stack -> new Bastion(stack, "bastion",
                BastionProps.builder(new Network(stack, "network", NetworkProps.builder()
                        .availabilityZones(TestStacks.ZONES).nat(NatProvider.none()).flowLogs(FlowLogs.toCloudWatch())
                        .build())).allowSshFromAnywhere().build()));
        Review review = Review.of(open.json(), TODAY);
        assertThat(findings(open)).containsExactly(
                "GS-SG-001 aws_vpc_security_group_ingress_rule.bastion_host_security-group_ingress-tcp-22-from-anywhere",
                hygiene.get(0));
        assertThat(review.hasOpenHigh()).isTrue();
        assertThat(review.findings().get(0).path()).isEqualTo(
                "review-bastion-open/bastion/host/security-group/ingress-tcp-22-from-anywhere");
    }
}
