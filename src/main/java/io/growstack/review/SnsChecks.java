package io.growstack.review;

import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.List;

/** {@link SecurityRules#SNS_UNENCRYPTED} and {@link SecurityRules#SNS_TLS_ONLY} on {@code aws_sns_topic}. */
final class SnsChecks implements Check {
    @Override
    public void run(StackModel stack, Findings findings) {
        List<StackModel.Item> topics = stack.all("aws_sns_topic");
        for (StackModel.Item topic : topics) {
            if (Values.absent(topic.get("kms_master_key_id"))) {
                findings.add(SecurityRules.SNS_UNENCRYPTED, topic, "kms_master_key_id is not set");
            }
        }
        ResourcePolicies policies = ResourcePolicies.inline(stack, topics);
        for (StackModel.Item item : stack.all("aws_sns_topic_policy")) {
            StackModel.Item topic = stack.resolve(item.get("arn"), "aws_sns_topic");
            if (topic == null) {
                // A topic named by a variable or a literal ARN may be any of them: judge none.
                return;
            }
            policies.read(stack, item, item.get("policy"), topic);
        }
        policies.flagNotTlsOnly(SecurityRules.SNS_TLS_ONLY, topics, "topic", findings);
    }
}
