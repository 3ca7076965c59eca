package io.growstack.core;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformModule;
import com.hashicorp.cdktf.TerraformResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terraform meta-arguments for one {@link Resource}, rendered in Java with cdktf's meaning.
 *
 * @param ignoreChanges attributes Terraform should not reconcile after creation ({@code lifecycle.ignore_changes})
 * @param dependsOn     explicit dependencies that no attribute reference expresses: growstack
 *                      {@link Resource}s and {@link DataSource}s, or any cdktf {@link ITerraformDependable}
 *                      (a user's own cdktf resource, data source or module)
 * @param provider      the provider configuration to use; {@code null} means the stack's default
 * @param forEach       a list token to repeat the resource over ({@code for_each}); empty for none
 * @param createBeforeDestroy whether a replacement is created before the old one is destroyed
 * @param count         how many instances to create ({@code count}): a number or an expression such as
 *                      {@code ${var.enabled ? 1 : 0}}; {@code null} for none. Exclusive with {@code forEach}.
 * @param preconditions checks Terraform makes before it plans the resource ({@code lifecycle.precondition})
 */
public record ResourceOptions(List<String> ignoreChanges, List<ITerraformDependable> dependsOn, AwsProvider provider,
                              List<String> forEach, boolean createBeforeDestroy, Object count,
                              List<Precondition> preconditions) {
    /** No meta-arguments. */
    public static final ResourceOptions NONE = new ResourceOptions(List.of(), List.of(), null, List.of(), false, null,
            List.of());

    /** A {@code lifecycle.precondition}: {@code condition} is a Terraform expression, {@code errorMessage} the fix. */
    public record Precondition(String condition, String errorMessage) {
        public Precondition {
            Args.notNull(condition, "condition");
            Args.notNull(errorMessage, "errorMessage");
        }
    }

    public ResourceOptions {
        preconditions = List.copyOf(preconditions);
        ignoreChanges = List.copyOf(ignoreChanges);
        dependsOn = List.copyOf(dependsOn);
        forEach = List.copyOf(forEach);
        if (count != null && !forEach.isEmpty()) {
            throw new IllegalArgumentException("count and forEach are exclusive: Terraform takes one of them per resource");
        }
        if (count != null && !(count instanceof Integer) && !(count instanceof String)) {
            throw new IllegalArgumentException("count is " + count.getClass().getSimpleName()
                    + ": expected an Integer or an expression String");
        }
    }

    /** The meta-arguments without {@code count}, as before {@code count} existed. */
    public ResourceOptions(List<String> ignoreChanges, List<? extends ITerraformDependable> dependsOn, AwsProvider provider,
                           List<String> forEach, boolean createBeforeDestroy) {
        this(ignoreChanges, List.copyOf(dependsOn), provider, forEach, createBeforeDestroy, null, List.of());
    }

    /** Options that repeat the resource once per element of {@code listToken}; {@code ${each.value}} is the element. */
    public static ResourceOptions forEachOf(List<String> listToken) {
        return NONE.withForEach(listToken);
    }

    /** Options that only ignore changes to the given attributes. */
    public static ResourceOptions ignoreChanges(String... attributes) {
        return new ResourceOptions(List.of(attributes), List.of(), null, List.of(), false, null, List.of());
    }

    /** Options that only depend on the given growstack resources. */
    public static ResourceOptions dependsOn(Resource... resources) {
        return new ResourceOptions(List.of(), List.of(resources), null, List.of(), false, null, List.of());
    }

    /** Options that only depend on the given elements: growstack resources or a user's own cdktf elements. */
    public static ResourceOptions dependsOn(ITerraformDependable... elements) {
        return new ResourceOptions(List.of(), List.of(elements), null, List.of(), false, null, List.of());
    }

    /** Options that create a replacement before destroying the old resource (names in use elsewhere). */
    public static ResourceOptions replacedCreateFirst() {
        return new ResourceOptions(List.of(), List.of(), null, List.of(), true, null, List.of());
    }

    /** Options that create {@code count} instances: an Integer, or an expression String such as {@code ${var.n}}. */
    public static ResourceOptions count(Object count) {
        return NONE.withCount(count);
    }

    /** A copy that uses {@code provider}. */
    public ResourceOptions withProvider(AwsProvider provider) {
        return new ResourceOptions(ignoreChanges, dependsOn, provider, forEach, createBeforeDestroy, count, preconditions);
    }

    /** A copy that also ignores changes to {@code attributes}. */
    public ResourceOptions withIgnoreChanges(String... attributes) {
        List<String> all = new ArrayList<>(ignoreChanges);
        all.addAll(List.of(attributes));
        return new ResourceOptions(all, dependsOn, provider, forEach, createBeforeDestroy, count, preconditions);
    }

    /** A copy that also depends on {@code elements}. */
    public ResourceOptions withDependsOn(ITerraformDependable... elements) {
        List<ITerraformDependable> all = new ArrayList<>(dependsOn);
        all.addAll(List.of(elements));
        return new ResourceOptions(ignoreChanges, all, provider, forEach, createBeforeDestroy, count, preconditions);
    }

    /** A copy repeated over {@code listToken} ({@code for_each}). */
    public ResourceOptions withForEach(List<String> listToken) {
        return new ResourceOptions(ignoreChanges, dependsOn, provider, Args.notNull(listToken, "listToken"),
                createBeforeDestroy, count, preconditions);
    }

    /** A copy with {@code count}: an Integer, or an expression String. */
    public ResourceOptions withCount(Object count) {
        return new ResourceOptions(ignoreChanges, dependsOn, provider, forEach, createBeforeDestroy,
                Args.notNull(count, "count"), preconditions);
    }

    /** A copy that creates a replacement before destroying the old resource. */
    public ResourceOptions withCreateBeforeDestroy() {
        return new ResourceOptions(ignoreChanges, dependsOn, provider, forEach, true, count, preconditions);
    }

    /** A copy that also checks {@code condition} before planning, failing with {@code errorMessage}. */
    public ResourceOptions withPrecondition(String condition, String errorMessage) {
        List<Precondition> all = new ArrayList<>(preconditions);
        all.add(new Precondition(condition, errorMessage));
        return new ResourceOptions(ignoreChanges, dependsOn, provider, forEach, createBeforeDestroy, count, all);
    }

    /** Adds the meta-arguments to a rendered body, with the keys and shapes cdktf writes. */
    void renderInto(Map<String, Object> body) {
        if (!dependsOn.isEmpty()) {
            body.put("depends_on", dependsOn.stream().map(ResourceOptions::addressOf).toList());
        }
        if (count != null) {
            body.put("count", count);
        }
        if (provider != null) {
            body.put("provider", provider.getAlias() == null ? "aws" : "aws." + provider.getAlias());
        }
        if (!ignoreChanges.isEmpty() || createBeforeDestroy || !preconditions.isEmpty()) {
            Map<String, Object> lifecycle = new LinkedHashMap<>();
            if (createBeforeDestroy) {
                lifecycle.put("create_before_destroy", true);
            }
            if (!ignoreChanges.isEmpty()) {
                lifecycle.put("ignore_changes", ignoreChanges);
            }
            if (!preconditions.isEmpty()) {
                lifecycle.put("precondition", preconditions.stream().map(p -> Map.of("condition", p.condition(),
                        "error_message", p.errorMessage())).toList());
            }
            body.put("lifecycle", lifecycle);
        }
        if (!forEach.isEmpty()) {
            // A list token stays a token here: cdktf resolves it inside the rendered element.
            body.put("for_each", Fn.toset(forEach));
        }
    }

    // Addresses are read at synth, so a cdktf element's logical id may still change until then.
    private static String addressOf(ITerraformDependable element) {
        if (element instanceof Resource resource) {
            return resource.address();
        }
        if (element instanceof DataSource data) {
            return data.address();
        }
        if (element instanceof TerraformResource resource) {
            return resource.getTerraformResourceType() + "." + resource.getFriendlyUniqueId();
        }
        if (element instanceof TerraformDataSource data) {
            return "data." + data.getTerraformResourceType() + "." + data.getFriendlyUniqueId();
        }
        if (element instanceof TerraformModule module) {
            return "module." + module.getFriendlyUniqueId();
        }
        return element.getFqn();
    }
}
