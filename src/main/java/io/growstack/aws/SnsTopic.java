package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.Map;

/**
 * Arguments of {@code aws_sns_topic}: a standard SNS topic. {@code kmsMasterKeyId} encrypts messages
 * at rest; {@code policy} is a JSON document (null keeps AWS's default, which lets the account publish).
 */
public record SnsTopic(String name, String displayName, String kmsMasterKeyId, String policy,
                       Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_sns_topic";
    }
}
