package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/**
 * Arguments of {@code aws_sns_topic_subscription}: one endpoint subscribed to a topic. An
 * {@code email} subscription stays pending until its owner follows the link AWS mails; Terraform
 * records it without waiting.
 */
public record SnsTopicSubscription(String topicArn, String protocol, String endpoint) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_sns_topic_subscription";
    }
}
