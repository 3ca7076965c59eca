package io.growstack.review.diagram;

import io.growstack.review.diagram.Topology.Edge;
import io.growstack.review.diagram.Topology.Kind;
import io.growstack.review.diagram.Topology.Node;
import io.growstack.review.diagram.Topology.Subnet;
import io.growstack.review.diagram.Topology.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Topology} as Graphviz DOT for {@code dot}: clusters for the region, the VPC, its
 * public and private tiers and each subnet (labelled with its zone, so zones line up as columns),
 * one statement per line, everything in a stable order.
 */
final class DotWriter {
    private static final String FONT = "Helvetica";
    private static final Map<Kind, String> FILL = new LinkedHashMap<>();

    static {
        FILL.put(Kind.INTERNET, "#ffffff");
        FILL.put(Kind.EXTERNAL, "#eeeeee");
        FILL.put(Kind.INSTANCE, "#ffe0b2");
        FILL.put(Kind.NAT, "#e1bee7");
        FILL.put(Kind.GROUP, "#ffcc80");
        FILL.put(Kind.LOAD_BALANCER, "#d1c4e9");
        FILL.put(Kind.DATABASE, "#bbdefb");
        FILL.put(Kind.CACHE, "#ffcdd2");
        FILL.put(Kind.BUCKET, "#c8e6c9");
        FILL.put(Kind.CDN, "#d1c4e9");
        FILL.put(Kind.DEPLOY, "#f0f4c3");
        FILL.put(Kind.CIDR, "#ffffff");
    }

    private final StringBuilder out = new StringBuilder();
    private final Topology topology;

    private DotWriter(Topology topology) {
        this.topology = topology;
    }

    static String write(Topology topology) {
        return new DotWriter(topology).render();
    }

    private String render() {
        line(0, "digraph " + quote(topology.stackName) + " {");
        line(1, "graph [label=" + quote("stack " + topology.stackName + (topology.region == null ? ""
                : " (" + topology.region + ")") + ": allowed traffic and default routes")
                + ", labelloc=t, fontname=" + FONT + ", fontsize=14, rankdir=TB, compound=true, newrank=true,"
                + " nodesep=0.35, ranksep=0.55];");
        line(1, "node [shape=box, style=\"rounded,filled\", fontname=" + FONT + ", fontsize=10, margin=\"0.15,0.06\"];");
        line(1, "edge [fontname=" + FONT + ", fontsize=9, color=\"#555555\", fontcolor=\"#333333\"];");
        out.append('\n');
        for (Node node : sorted(topology.outside)) {
            node(1, node);
        }
        line(1, "subgraph " + quote("cluster_region") + " {");
        line(2, "label=" + quote("AWS " + (topology.region == null ? "region" : topology.region)) + ";");
        line(2, "style=dashed; color=\"#999999\"; fontcolor=\"#666666\";");
        for (Node node : sorted(topology.regional)) {
            node(2, node);
        }
        for (Vpc vpc : topology.vpcs) {
            vpc(vpc);
        }
        line(1, "}");
        out.append('\n');
        List<Edge> traffic = new ArrayList<>();
        List<Edge> routes = new ArrayList<>();
        for (Edge edge : topology.edges) {
            if (edge.from().equals(edge.to())) {
                continue;
            }
            (edge.route() ? routes : traffic).add(edge);
        }
        Comparator<Edge> order = Comparator.comparing(Edge::from).thenComparing(Edge::to);
        traffic.sort(order);
        routes.sort(order);
        line(1, "// traffic security groups allow (ingress rules), and what NATs forward out");
        for (Edge edge : traffic) {
            boolean outbound = edge.label().equals("outbound");
            line(1, quote(edge.from()) + " -> " + quote(edge.to()) + " [label=" + quote(edge.label())
                    + (outbound ? ", style=dashed, constraint=false" : "") + "];");
        }
        line(1, "// default routes of private subnets");
        for (Edge edge : routes) {
            boolean failover = edge.label().equals(Topology.FAILOVER);
            line(1, quote(edge.from()) + " -> " + quote(edge.to()) + " [label=" + quote(edge.label())
                    + (failover ? ", style=dotted, color=\"#ef6c00\", fontcolor=\"#ef6c00\""
                            : ", style=dashed, color=\"#8e24aa\", fontcolor=\"#8e24aa\"")
                    + ", constraint=false, ltail="
                    + quote(cluster(edge.from())) + "];");
        }
        layoutHints(traffic);
        line(0, "}");
        return out.toString();
    }

    /**
     * Invisible edges and rank constraints that only guide the layout: the internet and other sources
     * on top; in each zone the public subnet above the private one; a box spanning a tier's subnets
     * level with their tops unless another spanning box of that tier feeds it.
     */
    private void layoutHints(List<Edge> traffic) {
        line(1, "// layout only: invisible edges and ranks");
        List<String> sources = new ArrayList<>();
        for (Node node : sorted(topology.outside)) {
            if (node.kind() == Kind.INTERNET || node.kind() == Kind.CIDR || node.kind() == Kind.EXTERNAL) {
                sources.add(node.id());
            }
        }
        for (Vpc vpc : topology.vpcs) {
            List<Subnet> publicSubnets = vpc.tier(true);
            for (String source : sources) {
                for (Subnet subnet : publicSubnets) {
                    invisible(source, subnet.address, null);
                }
            }
            for (Subnet subnet : vpc.subnets) {
                for (Node node : sorted(subnet.nodes)) {
                    invisible(subnet.address, node.id(), null);
                }
            }
            for (List<Subnet> zone : zones(vpc).values()) {
                for (Subnet top : zone) {
                    for (Subnet bottom : zone) {
                        if (top.isPublic && !bottom.isPublic) {
                            invisible(top.address, bottom.address, "10");
                            for (Node node : sorted(top.nodes)) {
                                invisible(node.id(), bottom.address, null);
                            }
                        }
                    }
                }
            }
            for (boolean isPublic : new boolean[] {true, false}) {
                List<Subnet> tier = vpc.tier(isPublic);
                List<Node> spanning = isPublic ? vpc.publicTier : vpc.privateTier;
                List<String> level = new ArrayList<>();
                tier.forEach(subnet -> level.add(quote(subnet.address)));
                for (Node node : sorted(spanning)) {
                    boolean fed = traffic.stream().anyMatch(e -> e.to().equals(node.id())
                            && spanning.stream().anyMatch(other -> other.id().equals(e.from())));
                    if (!fed) {
                        level.add(quote(node.id()));
                    }
                }
                if (level.size() > 1) {
                    line(1, "{ rank=same; " + String.join("; ", level) + "; }");
                }
            }
        }
    }

    private void invisible(String from, String to, String weight) {
        line(1, quote(from) + " -> " + quote(to) + " [style=invis" + (weight == null ? "" : ", weight=" + weight) + "];");
    }

    /** A VPC: one column (cluster) per zone holding its public and private subnets; boxes spanning subnets beside them. */
    private void vpc(Vpc vpc) {
        line(2, "subgraph " + quote("cluster_" + vpc.address) + " {");
        line(3, "label=" + quote("VPC " + vpc.title + "  " + vpc.cidr) + ";");
        line(3, "style=solid; color=\"#2e7d32\"; fontcolor=\"#2e7d32\"; penwidth=1.5;");
        Map<String, List<Subnet>> zones = zones(vpc);
        for (Map.Entry<String, List<Subnet>> zone : zones.entrySet()) {
            line(3, "subgraph " + quote(zoneCluster(vpc, zone.getKey())) + " {");
            line(4, "label=" + quote(zone.getKey()) + "; style=dashed; color=\"#9e9e9e\"; fontcolor=\"#616161\";");
            for (Subnet subnet : zone.getValue()) {
                line(4, "subgraph " + quote(cluster(subnet.address)) + " {");
                line(5, "label=" + quote(subnet.name + "\n" + (subnet.isPublic ? "public" : "private") + "  " + subnet.cidr)
                        + "; style=\"rounded,filled\"; color=\"#9e9e9e\"; fillcolor="
                        + quote(subnet.isPublic ? "#dcedc8" : "#bbdefb") + "; fontsize=9;");
                line(5, quote(subnet.address) + " [shape=point, style=invis, width=0.01, height=0.01, label=\"\"];");
                for (Node node : sorted(subnet.nodes)) {
                    node(5, node);
                }
                line(4, "}");
            }
            line(3, "}");
        }
        for (Node node : sorted(vpc.publicTier)) {
            node(3, node);
        }
        for (Node node : sorted(vpc.privateTier)) {
            node(3, node);
        }
        for (Node node : sorted(vpc.loose)) {
            node(3, node);
        }
        line(2, "}");
    }

    private static Map<String, List<Subnet>> zones(Vpc vpc) {
        Map<String, List<Subnet>> zones = new java.util.TreeMap<>();
        for (Subnet subnet : vpc.subnets) {
            zones.computeIfAbsent(subnet.zone, z -> new ArrayList<>()).add(subnet);
        }
        return zones;
    }

    static String zoneCluster(Vpc vpc, String zone) {
        return "cluster_" + vpc.address + "_" + zone;
    }

    private void node(int depth, Node node) {
        String label = node.detail() == null ? node.title() : node.title() + "\n" + node.detail();
        StringBuilder attributes = new StringBuilder("label=").append(quote(label)).append(", fillcolor=")
                .append(quote(FILL.get(node.kind())));
        switch (node.kind()) {
            case INTERNET -> attributes.append(", shape=ellipse, style=filled");
            case CIDR -> attributes.append(", shape=note, style=filled");
            case DATABASE, CACHE -> attributes.append(", shape=cylinder, style=filled");
            case EXTERNAL -> attributes.append(", shape=component, style=filled");
            default -> { }
        }
        line(depth, quote(node.id()) + " [" + attributes + "];");
    }

    private static List<Node> sorted(List<Node> nodes) {
        List<Node> copy = new ArrayList<>(nodes);
        copy.sort(Comparator.comparing(Node::id));
        return copy;
    }

    static String cluster(String subnetAddress) {
        return "cluster_" + subnetAddress;
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    /** A DOT quoted string: backslashes and quotes escaped, line breaks as {@code \n}. */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
