package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_cloudwatch_log_group}: a CloudWatch Logs group with a retention. */
public record CloudwatchLogGroup(String name, Integer retentionInDays, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_cloudwatch_log_group";
    }
}
