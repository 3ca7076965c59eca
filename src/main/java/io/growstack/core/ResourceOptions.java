package io.growstack.core;

import java.util.List;

/**
 * Terraform meta-arguments for one {@link Resource}.
 *
 * @param ignoreChanges attributes Terraform should not reconcile after creation ({@code lifecycle.ignore_changes})
 * @param dependsOn     explicit dependencies that no attribute reference expresses
 * @param provider      the provider configuration to use; {@code null} means the stack's default
 */
public record ResourceOptions(List<String> ignoreChanges, List<? extends Resource> dependsOn, AwsProvider provider) {
    /** No meta-arguments. */
    public static final ResourceOptions NONE = new ResourceOptions(List.of(), List.of(), null);

    public ResourceOptions {
        ignoreChanges = List.copyOf(ignoreChanges);
        dependsOn = List.copyOf(dependsOn);
    }

    /** Options that only ignore changes to the given attributes. */
    public static ResourceOptions ignoreChanges(String... attributes) {
        return new ResourceOptions(List.of(attributes), List.of(), null);
    }

    /** Options that only depend on the given resources. */
    public static ResourceOptions dependsOn(Resource... resources) {
        return new ResourceOptions(List.of(), List.of(resources), null);
    }

    /** A copy that uses {@code provider}. */
    public ResourceOptions withProvider(AwsProvider provider) {
        return new ResourceOptions(ignoreChanges, dependsOn, provider);
    }
}
