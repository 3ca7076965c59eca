package io.growstack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.growstack.testing.DeliveryStacks;
import io.growstack.testing.PlannedState;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Blue/green that Terraform survives, proven offline: the state a deployment to green leaves behind
 * (green serving with the target group and two instances, blue at zero without it, the deployment
 * group pointing at green) is written as Terraform's own state, and the next plan changes nothing.
 * The same state against the same stack without the {@code ignore_changes} plans changes: that is
 * what the {@code ignore_changes} buy.
 */
class BlueGreenTerraformStateTest {
    static final String BLUE = "aws_autoscaling_group.api_group";
    static final String GREEN = "aws_autoscaling_group.api_group-green";
    static final String GROUP = "aws_codedeploy_deployment_group.api-delivery_deployment-group";
    static final String TARGET_GROUP = "aws_lb_target_group.api_target-group";

    @Test
    void afterADeploymentToGreenTheNextPlanChangesNothingAndWithoutIgnoreChangesItWould() {
        Terraform.require();
        Synthesized s = TestStacks.synthStack("tf-delivery-after-deployment", DeliveryStacks::blueGreenWithoutSite);
        Terraform.writeOverride(s);
        PlannedState.init(s.dir());
        PlannedState planned = new PlannedState(s.dir());
        ObjectNode state = planned.converge();

        // As created: blue serves with the target group, green idles at zero.
        assertThat(PlannedState.attributes(state, BLUE).path("target_group_arns").size()).isEqualTo(1);
        assertThat(PlannedState.attributes(state, GREEN).path("desired_capacity").asInt()).isZero();

        // What the workflow and CodeDeploy leave after a deployment to green.
        String targetGroupArn = PlannedState.attributes(state, TARGET_GROUP).path("arn").asText();
        ObjectNode blue = PlannedState.attributes(state, BLUE);
        blue.put("min_size", 0);
        blue.put("desired_capacity", 0);
        blue.putArray("target_group_arns");
        blue.putArray("traffic_source");
        ObjectNode green = PlannedState.attributes(state, GREEN);
        green.put("min_size", 1);
        green.put("desired_capacity", 2);
        green.putArray("target_group_arns").add(targetGroupArn);
        green.putArray("traffic_source").addObject().put("identifier", targetGroupArn).put("type", "elbv2");
        PlannedState.attributes(state, GROUP).putArray("autoscaling_groups").add(green.path("name").asText());
        state.put("serial", state.path("serial").asInt() + 1);
        planned.write(state);

        JsonNode plan = planned.planJson("after-deployment");
        assertThat(deletesOrReplaces(plan)).as("deletes or replacements after a deployment").isEmpty();
        assertThat(PlannedState.changes(plan)).as("changes after a deployment").isEmpty();

        // The same state, the same stack, but without the ignore_changes: Terraform would undo the
        // deployment. (An override file replaces ignore_changes only with a non-empty list, so it
        // ignores the harmless tags instead.)
        Path variant = s.dir().resolve("variant_override.tf.json");
        write(variant, """
                {"resource": {
                  "aws_autoscaling_group": {
                    "api_group": {"lifecycle": {"ignore_changes": ["tag"]}},
                    "api_group-green": {"lifecycle": {"ignore_changes": ["tag"]}}},
                  "aws_codedeploy_deployment_group": {
                    "api-delivery_deployment-group": {"lifecycle": {"ignore_changes": ["tags"]}}}}}
                """);
        try {
            Map<String, List<String>> undone = PlannedState.changes(planned.planJson("without-ignore-changes"));
            assertThat(undone).as("what Terraform would change back without ignore_changes")
                    .containsEntry(BLUE, List.of("update"))
                    .containsEntry(GREEN, List.of("update"))
                    .containsEntry(GROUP, List.of("update"));
        } finally {
            write(variant, null);
        }
    }

    private static List<String> deletesOrReplaces(JsonNode plan) {
        return PlannedState.changes(plan).entrySet().stream()
                .filter(e -> e.getValue().contains("delete") || e.getValue().contains("create"))
                .map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    private static void write(Path file, String text) {
        try {
            if (text == null) {
                Files.deleteIfExists(file);
            } else {
                Files.writeString(file, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
