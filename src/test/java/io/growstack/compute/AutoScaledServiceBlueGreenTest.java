package io.growstack.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The blue/green pair: two groups from one launch template, the idle one at zero, capacities left to the workflow. */
class AutoScaledServiceBlueGreenTest {
    private static Synthesized off;
    private static Synthesized on;
    private static final List<String> facts = new ArrayList<>();

    @BeforeAll
    static void synth() {
        off = TestStacks.synthStack("autoscaled-blue-green-off", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(network(stack)).build()));
        on = TestStacks.synthStack("autoscaled-blue-green-on", stack -> {
            AutoScaledService web = new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network(stack))
                    .userData(AutoScaledServiceTest.SCRIPT).blueGreen(true).build());
            facts.add(String.valueOf(web.isBlueGreen()));
            facts.add(web.blueGroupName());
            facts.add(web.greenGroupName().orElseThrow());
            facts.add(String.valueOf(web.autoScalingGroups().size()));
            web.replaceUserData(web.userData() + "echo replaced\n");
        });
    }

    private static Network network(io.growstack.core.GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    @Test
    void offTheServiceKeepsItsOneGroupAndItsAddresses() {
        assertThat(off.resources("aws_autoscaling_group").fieldNames()).toIterable().containsExactly("web_group");
        assertThat(off.resources("aws_autoscaling_policy").fieldNames()).toIterable().containsExactly("web_cpu-scaling");
        assertThat(off.resource("aws_autoscaling_group", "web_group").path("lifecycle").path("ignore_changes").toString())
                .isEqualTo("[\"desired_capacity\",\"health_check_type\"]");
    }

    @Test
    void onBlueIsTheSameGroupAndGreenIdlesAtZeroWithoutTheTargetGroup() {
        assertThat(facts).containsExactly("true", "test-dev-web", "test-dev-web-green", "2");
        JsonNode blue = on.resource("aws_autoscaling_group", "web_group");
        JsonNode green = on.resource("aws_autoscaling_group", "web_group-green");
        assertThat(blue.path("name").asText()).isEqualTo("test-dev-web");
        assertThat(green.path("name").asText()).isEqualTo("test-dev-web-green");
        assertThat(blue.path("min_size").asInt()).isEqualTo(1);
        assertThat(blue.path("desired_capacity").asInt()).isEqualTo(1);
        assertThat(blue.path("target_group_arns").toString()).isEqualTo("[\"${aws_lb_target_group.web_target-group.arn}\"]");
        assertThat(green.path("min_size").asInt()).isZero();
        assertThat(green.path("desired_capacity").asInt()).isZero();
        assertThat(green.path("max_size").asInt()).isEqualTo(blue.path("max_size").asInt());
        assertThat(green.has("target_group_arns")).isFalse();
        assertThat(green.path("launch_template")).isEqualTo(blue.path("launch_template"));
        assertThat(green.path("vpc_zone_identifier")).isEqualTo(blue.path("vpc_zone_identifier"));
        for (JsonNode group : List.of(blue, green)) {
            assertThat(group.path("lifecycle").path("ignore_changes").toString())
                    .isEqualTo("[\"min_size\",\"desired_capacity\",\"target_group_arns\",\"health_check_type\"]");
        }
        assertThat(on.resource("aws_autoscaling_policy", "web_cpu-scaling-green").path("autoscaling_group_name").asText())
                .isEqualTo("${aws_autoscaling_group.web_group-green.name}");
        assertThat(on.count("aws_launch_template")).isEqualTo(1);
    }

    @Test
    void replacedUserDataIsWhatTheLaunchTemplateCarries() {
        String userData = new String(Base64.getDecoder().decode(on.resource("aws_launch_template", "web_launch-template")
                .path("user_data").asText()), StandardCharsets.UTF_8);
        assertThat(userData).isEqualTo(AutoScaledServiceTest.SCRIPT + "echo replaced\n");
    }

    @Test
    void replacedUserDataWithReferencesUpdatesTheTerraformLocal() {
        Synthesized s = TestStacks.synthStack("autoscaled-replaced-templated", stack -> {
            Network network = network(stack);
            AutoScaledService web = new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network)
                    .userData("#!/bin/bash\necho " + network.vpcId() + "\n").build());
            web.replaceUserData("#!/bin/bash\necho first\n" + web.userData().substring("#!/bin/bash\n".length()));
        });
        assertThat(s.resource("aws_launch_template", "web_launch-template").path("user_data").asText())
                .isEqualTo("${base64encode(local.web_user-data)}");
        assertThat(s.json().path("locals").path("web_user-data").asText())
                .isEqualTo("#!/bin/bash\necho first\necho ${aws_vpc.network_vpc.id}\n");
    }
}
