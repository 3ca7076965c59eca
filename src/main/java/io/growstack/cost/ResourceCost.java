package io.growstack.cost;

import java.util.List;

/**
 * The cost lines of one resource of the stack.
 *
 * @param address    the Terraform address, such as {@code aws_nat_gateway.network_nat-gateway-1}
 * @param type       the Terraform type, or {@code data_transfer} for the stack's traffic
 * @param path       the construct path cdktf recorded, or {@code null}
 * @param components the cost lines
 */
public record ResourceCost(String address, String type, String path, List<CostComponent> components) {
    public ResourceCost {
        components = List.copyOf(components);
    }

    /** The line with {@code key}, or {@code null}. */
    public CostComponent component(String key) {
        return components.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** Monthly USD on-demand over the priced lines. */
    public double onDemand() {
        return components.stream().filter(c -> c.onDemand() != null).mapToDouble(CostComponent::onDemand).sum();
    }

    /** Monthly USD as set over the priced lines. */
    public double asSet() {
        return components.stream().filter(c -> c.asSet() != null).mapToDouble(CostComponent::asSet).sum();
    }

    /** Monthly USD with the commitment what-if over the priced lines. */
    public double committed() {
        return components.stream().filter(c -> c.committed() != null).mapToDouble(CostComponent::committed).sum();
    }
}
