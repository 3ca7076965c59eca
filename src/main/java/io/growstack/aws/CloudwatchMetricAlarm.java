package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_cloudwatch_metric_alarm}: an alarm on one CloudWatch metric with a static
 * threshold. {@code dimensions} are the metric's dimensions by AWS's own names (for example
 * {@code AutoScalingGroupName} or {@code LoadBalancer}); the actions are SNS topic ARNs.
 */
public record CloudwatchMetricAlarm(
        String alarmName,
        String alarmDescription,
        String namespace,
        String metricName,
        Map<String, String> dimensions,
        String statistic,
        Integer period,
        Integer evaluationPeriods,
        Integer datapointsToAlarm,
        Double threshold,
        String comparisonOperator,
        String treatMissingData,
        Boolean actionsEnabled,
        List<String> alarmActions,
        List<String> okActions,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_cloudwatch_metric_alarm";
    }
}
