package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.growstack.model.Values;
import io.growstack.review.diagram.Topology.Edge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the default routes to a NAT (gateway, instance, or the static interface a self-healing group
 * attaches): an arrow from each subnet of the table to its NAT, a dotted one to a NAT that may take
 * the table over, and the NAT's own outbound traffic.
 */
final class RouteReader extends TopologyReader {
    private static final Pattern WATCHED_TABLES = Pattern.compile("\nNAT_ROUTE_TABLES=\"([^\"]*)\"\n");

    private final Map<String, List<String>> subnetsByTable = new TreeMap<>();

    RouteReader(StackView view, Topology topology) {
        super(view, topology);
        view.routeTableOfSubnet().forEach((subnet, table) ->
                subnetsByTable.computeIfAbsent(table, k -> new ArrayList<>()).add(subnet));
    }

    @Override
    void read() {
        Map<String, String> defaultTarget = defaultTargets();
        Set<String> natTargets = new TreeSet<>(defaultTarget.values());
        defaultTarget.forEach((table, target) -> routes(table, target, "0.0.0.0/0"));
        // Per-zone NAT watchers: each may take over every other zone's private table (drawn dotted).
        for (String group : view.addresses("aws_autoscaling_group")) {
            Matcher tables = WATCHED_TABLES.matcher(view.userDataOf(group));
            if (!natTargets.contains(group) || !view.userDataOf(group).contains("growstack-nat-watch") || !tables.find()) {
                continue;
            }
            for (String reference : tables.group(1).split(" ")) {
                String table = view.resolve(new TextNode(reference), "aws_route_table");
                if (table != null && !group.equals(defaultTarget.get(table))) {
                    routes(table, group, Topology.FAILOVER);
                }
            }
        }
        // A NAT in a public subnet sends what it forwards to the internet.
        for (String nat : natTargets) {
            boolean inPublicSubnet = topology.subnets().stream().anyMatch(s -> s.isPublic
                    && s.nodes.stream().anyMatch(n -> n.id().equals(nat)));
            if (inPublicSubnet) {
                topology.addTraffic(nat, Topology.INTERNET, "outbound");
            }
        }
    }

    /** Route table to the NAT its default route (separate or inline) goes to. */
    private Map<String, String> defaultTargets() {
        Map<String, String> defaultTarget = new TreeMap<>();
        for (String address : view.addresses("aws_route")) {
            JsonNode route = view.item(address);
            if (!Topology.WORLD.contains(Values.text(route.path("destination_cidr_block"), ""))) {
                continue;
            }
            String table = view.resolve(route.path("route_table_id"), "aws_route_table");
            String target = natTarget(route);
            if (table != null && target != null) {
                defaultTarget.put(table, target);
            }
        }
        for (String table : view.addresses("aws_route_table")) {
            for (JsonNode route : Values.elements(view.item(table).path("route"))) {
                if (Topology.WORLD.contains(Values.text(route.path("cidr_block"), "")) && natTarget(route) != null) {
                    defaultTarget.put(table, natTarget(route));
                }
            }
        }
        return defaultTarget;
    }

    private void routes(String table, String target, String label) {
        for (String subnet : subnetsByTable.getOrDefault(table, List.of())) {
            topology.edges.add(new Edge(subnet, target, label, true));
        }
    }

    private String natTarget(JsonNode route) {
        String gateway = view.resolve(route.path("nat_gateway_id"), "aws_nat_gateway");
        if (gateway != null) {
            return gateway;
        }
        JsonNode networkInterface = route.path("network_interface_id");
        String instance = view.resolve(networkInterface, "aws_instance");
        if (instance != null && "primary_network_interface_id".equals(StackView.attribute(networkInterface))) {
            return instance;
        }
        String staticInterface = view.resolve(networkInterface, "aws_network_interface");
        if (staticInterface != null) {
            return view.natHostOf(staticInterface);
        }
        return view.resolve(route.path("instance_id"), "aws_instance");
    }
}
