package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/**
 * Arguments of {@code aws_autoscaling_policy}: a scaling policy of an Auto Scaling group. growstack
 * writes target tracking ({@code policyType = "TargetTrackingScaling"}) only.
 */
public record AutoscalingPolicy(
        String name,
        String autoscalingGroupName,
        String policyType,
        Integer estimatedInstanceWarmup,
        TargetTrackingConfiguration targetTrackingConfiguration) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_autoscaling_policy";
    }

    /** Keeps a metric near {@code targetValue} by adding and removing instances. */
    public record TargetTrackingConfiguration(PredefinedMetricSpecification predefinedMetricSpecification,
                                              Double targetValue, Boolean disableScaleIn) {
    }

    /**
     * A metric AWS defines, such as {@code ASGAverageCPUUtilization} or
     * {@code ALBRequestCountPerTarget} (which also needs {@code resourceLabel}).
     */
    public record PredefinedMetricSpecification(String predefinedMetricType, String resourceLabel) {
    }
}
