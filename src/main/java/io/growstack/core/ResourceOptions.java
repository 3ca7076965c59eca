package io.growstack.core;

import java.util.List;

/**
 * Terraform meta-arguments for one {@link Resource}.
 *
 * @param ignoreChanges attributes Terraform should not reconcile after creation ({@code lifecycle.ignore_changes})
 * @param dependsOn     explicit dependencies that no attribute reference expresses
 * @param provider      the provider configuration to use; {@code null} means the stack's default
 * @param forEach       a list token to repeat the resource over ({@code for_each}); empty for none
 * @param createBeforeDestroy whether a replacement is created before the old one is destroyed
 */
public record ResourceOptions(List<String> ignoreChanges, List<? extends Resource> dependsOn, AwsProvider provider,
                              List<String> forEach, boolean createBeforeDestroy) {
    /** No meta-arguments. */
    public static final ResourceOptions NONE = new ResourceOptions(List.of(), List.of(), null, List.of(), false);

    public ResourceOptions {
        ignoreChanges = List.copyOf(ignoreChanges);
        dependsOn = List.copyOf(dependsOn);
        forEach = List.copyOf(forEach);
    }

    /** Options that repeat the resource once per element of {@code listToken}; {@code ${each.value}} is the element. */
    public static ResourceOptions forEachOf(List<String> listToken) {
        return new ResourceOptions(List.of(), List.of(), null, listToken, false);
    }

    /** Options that only ignore changes to the given attributes. */
    public static ResourceOptions ignoreChanges(String... attributes) {
        return new ResourceOptions(List.of(attributes), List.of(), null, List.of(), false);
    }

    /** Options that only depend on the given resources. */
    public static ResourceOptions dependsOn(Resource... resources) {
        return new ResourceOptions(List.of(), List.of(resources), null, List.of(), false);
    }

    /** A copy that uses {@code provider}. */
    public ResourceOptions withProvider(AwsProvider provider) {
        return new ResourceOptions(ignoreChanges, dependsOn, provider, forEach, createBeforeDestroy);
    }

    /** Options that create a replacement before destroying the old resource (names in use elsewhere). */
    public static ResourceOptions replacedCreateFirst() {
        return new ResourceOptions(List.of(), List.of(), null, List.of(), true);
    }
}
