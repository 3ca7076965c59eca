package io.growstack.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link SecurityRules#NAT_SINGLE_ZONE}: a production stack's private tier leaves through one NAT. */
final class NatChecks implements Check {
    private static final Set<String> PRODUCTION = Set.of("prod", "production", "prd");

    @Override
    public void run(StackModel stack, Findings findings) {
        if (!production(stack)) {
            return;
        }
        // Private tables: those whose default route goes to a NAT (gateway, instance or static interface).
        TreeMap<String, StackModel.Item> targets = new TreeMap<>();
        Set<String> tables = new TreeSet<>();
        for (StackModel.Item route : stack.all("aws_route")) {
            if (!"0.0.0.0/0".equals(Values.text(route.get("destination_cidr_block")))) {
                continue;
            }
            StackModel.Item target = stack.resolve(route.get("nat_gateway_id"), "aws_nat_gateway");
            if (target == null) {
                target = stack.resolve(route.get("network_interface_id"), "aws_network_interface", "aws_instance");
            }
            if (target == null) {
                target = stack.resolve(route.get("instance_id"), "aws_instance");
            }
            StackModel.Item table = stack.resolve(route.get("route_table_id"), "aws_route_table");
            if (target != null && table != null) {
                targets.put(target.address(), target);
                tables.add(table.address());
            }
        }
        int subnets = 0;
        for (StackModel.Item association : stack.all("aws_route_table_association")) {
            StackModel.Item table = stack.resolve(association.get("route_table_id"), "aws_route_table");
            if (table != null && tables.contains(table.address())) {
                subnets++;
            }
        }
        if (targets.size() == 1 && subnets > 1) {
            StackModel.Item nat = targets.firstEntry().getValue();
            findings.add(SecurityRules.NAT_SINGLE_ZONE, nat, subnets + " private subnets reach the internet only through "
                    + nat.address() + ", in one zone");
        }
    }

    /** Whether the default provider tags the stack's resources Environment = prod (or production). */
    private static boolean production(StackModel stack) {
        for (StackModel.Provider provider : stack.providers()) {
            for (JsonNode defaults : Values.blocks(provider.config(), "default_tags")) {
                String environment = Values.text(defaults.path("tags").path("Environment"));
                if (environment != null && PRODUCTION.contains(environment.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
