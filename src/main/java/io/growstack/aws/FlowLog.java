package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_flow_log}: VPC flow logs to CloudWatch Logs or S3. */
public record FlowLog(String vpcId, String trafficType, String logDestinationType, String logDestination, String iamRoleArn, Integer maxAggregationInterval, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_flow_log";
    }
}
