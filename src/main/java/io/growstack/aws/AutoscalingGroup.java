package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;

/**
 * Arguments of {@code aws_autoscaling_group}: an EC2 Auto Scaling group launched from a launch
 * template. Tags are {@code tag} blocks (with {@code propagate_at_launch}), not a map. Nested records
 * are the provider's blocks.
 */
public record AutoscalingGroup(
        String name,
        Integer minSize,
        Integer maxSize,
        Integer desiredCapacity,
        List<String> vpcZoneIdentifier,
        List<String> targetGroupArns,
        String healthCheckType,
        Integer healthCheckGracePeriod,
        Integer defaultInstanceWarmup,
        LaunchTemplateSpecification launchTemplate,
        InstanceMaintenancePolicy instanceMaintenancePolicy,
        InstanceRefresh instanceRefresh,
        List<String> enabledMetrics,
        List<String> terminationPolicies,
        String waitForCapacityTimeout,
        List<Tag> tag) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_autoscaling_group";
    }

    /**
     * The launch template and version to launch: {@code "$Latest"}, {@code "$Default"} or a number
     * (a reference to the template's {@code latest_version} makes a new version an update of the group).
     */
    public record LaunchTemplateSpecification(String id, String name, String version) {
    }

    /**
     * How far healthy capacity may fall ({@code minHealthyPercentage}, 0..100) and rise
     * ({@code maxHealthyPercentage}, 100..200, at most 100 above the minimum) while instances are
     * replaced, after a failed health check or in an instance refresh; 100/200 launches each
     * replacement before terminating the instance it replaces.
     */
    public record InstanceMaintenancePolicy(Integer minHealthyPercentage, Integer maxHealthyPercentage) {
    }

    /** Replaces instances when the launch template changes; {@code strategy} is {@code Rolling}. */
    public record InstanceRefresh(String strategy, Preferences preferences, List<String> triggers) {
    }

    /**
     * How a refresh proceeds: healthy capacity kept (percent of desired), how far it may overshoot
     * (100..200; above 100 launches replacements before terminating), warm-up in seconds.
     */
    public record Preferences(Integer minHealthyPercentage, Integer maxHealthyPercentage, String instanceWarmup,
                              Boolean skipMatching, Boolean autoRollback) {
    }

    /** One tag of the group; {@code propagateAtLaunch} copies it to the instances it launches. */
    public record Tag(String key, String value, Boolean propagateAtLaunch) {
    }
}
