package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.Values;
import io.growstack.review.diagram.Topology.Subnet;
import io.growstack.review.diagram.Topology.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the VPCs and their subnets, each public when its route table leads to an internet gateway. */
final class SubnetReader extends TopologyReader {
    private static final Pattern ZONE_LOOKUP =
            Pattern.compile("^\\$\\{data\\.aws_availability_zones\\.[^.]+\\.names\\[(\\d+)]}$");

    SubnetReader(StackView view, Topology topology) {
        super(view, topology);
    }

    @Override
    void read() {
        for (String address : view.addresses("aws_vpc")) {
            JsonNode vpc = view.item(address);
            topology.vpcs.add(new Vpc(address, view.title(address), Values.text(vpc.path("cidr_block"), "?")));
        }
        Set<String> publicTables = publicTables();
        Map<String, String> tableOf = view.routeTableOfSubnet();
        List<Subnet> all = new ArrayList<>();
        for (String address : view.addresses("aws_subnet")) {
            JsonNode subnet = view.item(address);
            String table = tableOf.get(address);
            String tier = Values.text(subnet.path("tags").path("Tier"));
            boolean isPublic = table != null ? publicTables.contains(table)
                    : tier != null ? tier.equals("public") : Values.isTrue(subnet.path("map_public_ip_on_launch"));
            all.add(new Subnet(address, address.substring(address.indexOf('.') + 1),
                    Values.text(subnet.path("cidr_block"), "?"), zone(subnet.path("availability_zone")), isPublic));
        }
        all.sort(Comparator.comparing((Subnet s) -> s.zone).thenComparing(s -> !s.isPublic).thenComparing(s -> s.address));
        for (Subnet s : all) {
            topology.addSubnet(s);
            String vpc = view.resolve(view.item(s.address).path("vpc_id"), "aws_vpc");
            topology.vpcFor(vpc).subnets.add(s);
        }
    }

    /** The route tables whose default route (separate or inline) goes to an internet gateway. */
    private Set<String> publicTables() {
        Set<String> publicTables = new TreeSet<>();
        for (String address : view.addresses("aws_route")) {
            JsonNode route = view.item(address);
            if (Topology.WORLD.contains(Values.text(route.path("destination_cidr_block"), ""))
                    && view.resolve(route.path("gateway_id"), "aws_internet_gateway") != null) {
                String table = view.resolve(route.path("route_table_id"), "aws_route_table");
                if (table != null) {
                    publicTables.add(table);
                }
            }
        }
        for (String address : view.addresses("aws_route_table")) {
            for (JsonNode route : Values.elements(view.item(address).path("route"))) {
                if (Topology.WORLD.contains(Values.text(route.path("cidr_block"), ""))
                        && view.resolve(route.path("gateway_id"), "aws_internet_gateway") != null) {
                    publicTables.add(address);
                }
            }
        }
        return publicTables;
    }

    private static String zone(JsonNode zone) {
        String literal = Values.text(zone);
        if (literal != null) {
            return literal;
        }
        if (zone.isTextual()) {
            Matcher m = ZONE_LOOKUP.matcher(zone.asText());
            if (m.matches()) {
                return "zone " + (Integer.parseInt(m.group(1)) + 1);
            }
        }
        return "zone ?";
    }
}
