/**
 * Typed L1: one immutable record per Terraform resource or data source growstack emits, named
 * after the Terraform type and rendered by {@link io.growstack.core.Json} with the provider's own
 * snake_case argument names. Blocks build these; users reach them through {@code Resource.args()}.
 */
package io.growstack.aws;
