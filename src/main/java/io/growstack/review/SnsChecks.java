package io.growstack.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        Map<StackModel.Item, List<Policies.Policy>> policies = new HashMap<>();
        Set<StackModel.Item> unknown = new HashSet<>();
        for (StackModel.Item topic : topics) {
            JsonNode inline = topic.get("policy");
            if (!Values.absent(inline)) {
                read(stack, topic, inline, topic, policies, unknown);
            }
        }
        for (StackModel.Item item : stack.all("aws_sns_topic_policy")) {
            StackModel.Item topic = stack.resolve(item.get("arn"), "aws_sns_topic");
            if (topic == null) {
                // A topic named by a variable or a literal ARN may be any of them: judge none.
                return;
            }
            read(stack, item, item.get("policy"), topic, policies, unknown);
        }
        for (StackModel.Item topic : topics) {
            if (unknown.contains(topic)) {
                continue;
            }
            List<Policies.Policy> list = policies.getOrDefault(topic, List.of());
            if (list.stream().noneMatch(S3Checks::deniesPlainHttp)) {
                findings.add(SecurityRules.SNS_TLS_ONLY, topic, list.isEmpty() ? "no topic policy"
                        : "no topic policy statement denies requests where aws:SecureTransport is false");
            }
        }
    }

    private static void read(StackModel stack, StackModel.Item owner, JsonNode value, StackModel.Item topic,
                             Map<StackModel.Item, List<Policies.Policy>> policies, Set<StackModel.Item> unknown) {
        Optional<Policies.Policy> policy = Policies.read(stack, owner, "policy", value, Policies.Kind.RESOURCE);
        policy.ifPresentOrElse(p -> policies.computeIfAbsent(topic, t -> new ArrayList<>()).add(p),
                () -> unknown.add(topic));
    }
}
