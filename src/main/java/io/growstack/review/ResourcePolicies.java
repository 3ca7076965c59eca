package io.growstack.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource policies of buckets or topics, inline or in their own resources, and the resources one
 * of whose policies cannot be read (built by a function, say): a rule judges those by none.
 */
final class ResourcePolicies {
    private final Map<StackModel.Item, List<Policies.Policy>> byResource = new HashMap<>();
    private final Set<StackModel.Item> unknown = new HashSet<>();

    private ResourcePolicies() {
    }

    /** The inline {@code policy} arguments of {@code resources}; {@link #read} adds the policy resources. */
    static ResourcePolicies inline(StackModel stack, List<StackModel.Item> resources) {
        ResourcePolicies policies = new ResourcePolicies();
        for (StackModel.Item resource : resources) {
            JsonNode inline = resource.get("policy");
            if (!Values.absent(inline)) {
                policies.read(stack, resource, inline, resource);
            }
        }
        return policies;
    }

    /** Reads {@code value}, the {@code policy} argument of {@code owner}, as a policy of {@code resource}. */
    void read(StackModel stack, StackModel.Item owner, JsonNode value, StackModel.Item resource) {
        Policies.read(stack, owner, "policy", value, Policies.Kind.RESOURCE).ifPresentOrElse(
                p -> byResource.computeIfAbsent(resource, r -> new ArrayList<>()).add(p),
                () -> unknown.add(resource));
    }

    /**
     * Flags each of {@code resources} whose policies are all known and none denies requests without
     * TLS; {@code noun} is what the finding calls its policy ("bucket", "topic").
     */
    void flagNotTlsOnly(Rule rule, List<StackModel.Item> resources, String noun, Findings findings) {
        for (StackModel.Item resource : resources) {
            if (unknown.contains(resource)) {
                continue;
            }
            List<Policies.Policy> list = byResource.getOrDefault(resource, List.of());
            if (list.stream().noneMatch(ResourcePolicies::deniesPlainHttp)) {
                findings.add(rule, resource, list.isEmpty() ? "no " + noun + " policy"
                        : "no " + noun + " policy statement denies requests where aws:SecureTransport is false");
            }
        }
    }

    private static boolean deniesPlainHttp(Policies.Policy policy) {
        for (Policies.Statement s : policy.statements()) {
            if (s.allow()) {
                continue;
            }
            for (Policies.Condition c : s.conditions()) {
                if ((c.operator().equals("Bool") || c.operator().equals("BoolIfExists"))
                        && c.keyIs("aws:SecureTransport") && c.values().contains("false")) {
                    return true;
                }
            }
        }
        return false;
    }
}
