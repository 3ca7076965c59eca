package io.growstack.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel.Item;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.List;
import java.util.Locale;

/** Prices what carries traffic: Elastic IPs, NAT gateways and load balancers, public IPv4 included. */
final class NetworkPricer {
    private final StackModel stack;

    NetworkPricer(PriceContext context) {
        this.stack = context.stack();
    }

    void elasticIp(Item item, Lines lines) {
        String detail = "in use or idle";
        Item instance = stack.resolve(item.get("instance"), "aws_instance");
        if (instance != null) {
            detail = "attached to " + instance.address();
        }
        Item networkInterface = stack.resolve(item.get("network_interface"), "aws_network_interface");
        if (networkInterface != null) {
            detail = "on " + networkInterface.address();
        }
        for (Item nat : stack.all("aws_nat_gateway")) {
            Item allocation = stack.resolve(nat.get("allocation_id"), "aws_eip");
            if (allocation != null && allocation.address().equals(item.address())) {
                detail = "the address of " + nat.address();
            }
        }
        lines.fixed("public_ipv4", "Public IPv4 address (Elastic IP)", "hours", lines.hours(), "vpc.public_ipv4", false,
                detail);
    }

    void natGateway(Item item, Lines lines) {
        int hours = lines.hours();
        lines.fixed("nat_hours", "NAT gateway", "hours", hours, "vpc.nat_gateway.hours", false, null);
        lines.usageLine("data_processed", "Data processed", "GB", "monthly_data_processed_gb", 1,
                "vpc.nat_gateway.data_processed", false, null);
        if ("private".equals(Values.text(item.get("connectivity_type")))) {
            return;
        }
        if (stack.resolve(item.get("allocation_id"), "aws_eip") == null) {
            lines.fixed("public_ipv4", "Public IPv4 address", "hours", hours, "vpc.public_ipv4", false,
                    "its Elastic IP is not in this stack");
        }
        JsonNode secondary = item.get("secondary_allocation_ids");
        if (secondary.isArray() && secondary.size() > 0) {
            lines.fixed("secondary_ipv4", "Secondary public IPv4 addresses", "hours", (double) secondary.size() * hours,
                    "vpc.public_ipv4", false, null);
        }
    }

    void loadBalancer(Item item, Lines lines) {
        int hours = lines.hours();
        String kind = Values.text(item.get("load_balancer_type"), "application");
        String label = switch (kind) {
            case "application" -> "Application load balancer";
            case "network" -> "Network load balancer";
            default -> "Gateway load balancer";
        };
        Price hourly = lines.lookup("elb." + kind + ".hours");
        if (hourly == null) {
            lines.notFound("lb_hours", label, "hours", (double) hours,
                    lines.missing("price for " + label.toLowerCase(Locale.ROOT) + "s"));
        } else {
            lines.fixed("lb_hours", label, "hours", hours, hourly, false, null);
        }
        if (kind.equals("application")) {
            lines.usageLine("lcu", "Load balancer capacity units", "LCU-hours", "average_lcus", hours,
                    "elb.application.lcu", false, "average_lcus x " + hours + " hours");
        }
        if (Values.isTrue(item.get("internal"))) {
            return;
        }
        int zones;
        String detail;
        JsonNode subnets = item.get("subnets");
        List<JsonNode> mappings = Values.blocks(item.body(), "subnet_mapping");
        if (subnets.isArray() && subnets.size() > 0) {
            zones = subnets.size();
            detail = "one per subnet (availability zone): " + zones;
        } else if (!mappings.isEmpty()) {
            zones = mappings.size();
            detail = "one per subnet mapping: " + zones;
        } else {
            zones = 2;
            detail = "subnet count unknown: 2 assumed (a load balancer spans at least two zones)";
        }
        lines.fixed("public_ipv4", "Public IPv4 addresses", "hours", (double) zones * hours, "vpc.public_ipv4", false,
                detail);
    }
}
