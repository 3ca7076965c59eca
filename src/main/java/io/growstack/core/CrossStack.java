package io.growstack.core;

import com.hashicorp.cdktf.TerraformRemoteState;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * References from one stack of an app to a resource in another, the way cdktf's cross-stack tokens
 * work: the producing stack gets an output, the consuming stack reads it from the producer's state
 * ({@code terraform_remote_state}) and is ordered after it in the manifest. growstack resources are
 * plain values, so this is asked explicitly instead of through {@code getStringAttribute}.
 *
 * <p>Apply the producer first; an offline plan of the consumer cannot read remote state. For values
 * that exist once per account (an OIDC provider's ARN), prefer passing the value itself.
 */
public final class CrossStack {
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Za-z0-9_-]");
    private static final Map<GrowStack, Map<String, Output>> OUTPUTS = new WeakHashMap<>();
    private static final Map<GrowStack, Map<GrowStack, TerraformRemoteState>> REMOTE_STATES = new WeakHashMap<>();

    private CrossStack() {
    }

    /**
     * A token for {@code resource}'s {@code attribute} usable in the stack that contains
     * {@code consumer}; in the resource's own stack it is simply {@link Resource#attr(String)}.
     */
    public static synchronized String reference(Resource resource, String attribute, Construct consumer) {
        Args.notNull(resource, "resource");
        Args.notNull(attribute, "attribute");
        GrowStack to = GrowStack.of(Args.notNull(consumer, "consumer"));
        GrowStack from = resource.stack();
        if (to == from) {
            return resource.attr(attribute);
        }
        String name = NOT_NAME.matcher("cross-stack_" + resource.address().replace('.', '_') + "_" + attribute)
                .replaceAll("_");
        Output output = OUTPUTS.computeIfAbsent(from, s -> new java.util.HashMap<>()).computeIfAbsent(name,
                n -> new Output(from, n, n, resource.attr(attribute),
                        "read by another stack of this app (growstack CrossStack)", true));
        TerraformRemoteState state = REMOTE_STATES.computeIfAbsent(to, s -> new java.util.HashMap<>()).computeIfAbsent(from,
                producer -> {
                    String path = producer.getNode().getPath();
                    to.addDependency(producer);
                    return producer.ensureBackendExists().getRemoteStateDataSource(to, "cross-stack-reference-input-" + path, path);
                });
        return state.getString(output.name());
    }
}
