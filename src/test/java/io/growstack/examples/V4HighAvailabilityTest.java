package io.growstack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.examples.v4.HighAvailabilityExample;
import io.growstack.review.Review;
import io.growstack.review.Severity;
import io.growstack.testing.ExampleStacks;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.UserDataChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class V4HighAvailabilityTest {
    private static final String NAME = "v4-high-availability";
    static final Map<String, Object> VARIABLES = Map.of("admin_cidrs", List.of("203.0.113.7/32"),
            "prometheus_sha256", "0".repeat(64));
    private static Synthesized stack;

    @BeforeAll
    static void synth() {
        stack = ExampleStacks.synth(NAME, HighAvailabilityExample::define);
    }

    @Test
    void itsInstancesAreTheSeedsFinalList() {
        List<String> types = ExampleStacks.instanceTypes(stack.json());
        assertThat(types).containsExactly("t3.nano", "t3.nano", "t4g.micro", "t4g.micro", "t4g.small");
    }

    @Test
    void theApiScalesFromOneToSixAtNinetyPercentCpuBehindAnAlb() {
        JsonNode blue = stack.resource("aws_autoscaling_group", "api_group");
        assertThat(blue.path("min_size").asInt()).isEqualTo(1);
        assertThat(blue.path("max_size").asInt()).isEqualTo(6);
        JsonNode policy = stack.resources("aws_autoscaling_policy").elements().next();
        assertThat(policy.path("target_tracking_configuration").path("target_value").asDouble()).isEqualTo(90.0);
        assertThat(stack.count("aws_lb")).isEqualTo(1);
        assertThat(stack.count("aws_autoscaling_group")).as("blue, green and the NAT's group of one").isEqualTo(3);
    }

    @Test
    void deploysAreBlueGreenThroughTheTargetGroup() {
        JsonNode group = stack.resources("aws_codedeploy_deployment_group").elements().next();
        assertThat(group.path("deployment_style").path("deployment_type").asText()).isEqualTo("BLUE_GREEN");
        assertThat(group.path("deployment_style").path("deployment_option").asText()).isEqualTo("WITH_TRAFFIC_CONTROL");
    }

    @Test
    void theBastionIsSpotAndTheNatIsASelfHealingT3NanoInstance() {
        JsonNode bastion = stack.resource("aws_instance", "bastion_host_instance");
        assertThat(bastion.path("instance_market_options").path("market_type").asText()).isEqualTo("spot");
        assertThat(stack.resource("aws_launch_template", "network_nat-launch-template").path("instance_type").asText())
                .isEqualTo("t3.nano");
        assertThat(stack.resource("aws_autoscaling_group", "network_nat-group").path("max_size").asInt()).isEqualTo(1);
        assertThat(stack.count("aws_nat_gateway")).isZero();
        assertThat(stack.count("aws_subnet")).isEqualTo(4);
        assertThat(stack.count("aws_route_table")).isEqualTo(2);
    }

    @Test
    void theFrontEndIsCloudFrontOverAPrivateBucket() {
        assertThat(stack.count("aws_cloudfront_distribution")).isEqualTo(1);
        assertThat(stack.count("aws_cloudfront_origin_access_control")).isEqualTo(1);
    }

    @Test
    void noHighFindingIsLeftOpenAndEverySuppressionHasAReason() {
        Review review = Review.of(stack.json());
        assertThat(review.open()).filteredOn(f -> f.rule().severity() == Severity.HIGH).isEmpty();
        assertThat(review.suppressed()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.suppression().reason()).hasSizeGreaterThanOrEqualTo(10));
        assertThat(SecurityGroupWalk.violations(stack.json())).isEmpty();
    }

    @Test
    void terraformValidatesAndPlansIt() {
        ProviderSchema.aws6().assertValid(stack.json());
        UserDataChecks.assertClean(stack.json());
        Terraform.assertValidAndPlans(stack, VARIABLES);
    }

    @Test
    void itsAddressesAreThePublicContractAndItsOutputIsDeterministic() {
        ExampleStacks.assertAddressesMatchGolden(NAME, Map.of(HighAvailabilityExample.STACK, stack));
        ExampleStacks.assertDeterministic(NAME, HighAvailabilityExample::define);
    }
}
