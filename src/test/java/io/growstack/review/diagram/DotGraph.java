package io.growstack.review.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser for the DOT subset {@link DotWriter} writes (one statement per line): nodes with their
 * label and enclosing clusters, edges with their label and attributes. Tests read the diagram
 * through it rather than trusting the writer's own model.
 */
final class DotGraph {
    private static final String ID = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    private static final Pattern SUBGRAPH = Pattern.compile("^\\s*subgraph " + ID + " \\{$");
    private static final Pattern EDGE = Pattern.compile("^\\s*" + ID + " -> " + ID + " \\[(.*)];$");
    private static final Pattern NODE = Pattern.compile("^\\s*" + ID + " \\[(.*)];$");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=(?:" + ID + "|([^,\\s]+))");

    /** One node: its label and the clusters around it, outermost first. */
    record Node(String id, String label, List<String> clusters) {
    }

    /** One edge: its label ("" when none) and every attribute. */
    record Edge(String from, String to, String label, Map<String, String> attributes) {
        boolean visible() {
            return !"invis".equals(attributes.get("style"));
        }
    }

    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<Edge> edges = new ArrayList<>();

    static DotGraph parse(String dot) {
        DotGraph graph = new DotGraph();
        Deque<String> clusters = new ArrayDeque<>();
        for (String line : dot.split("\n")) {
            Matcher m;
            if ((m = SUBGRAPH.matcher(line)).matches()) {
                clusters.addLast(unescape(m.group(1)));
            } else if (line.strip().equals("}")) {
                clusters.pollLast();
            } else if ((m = EDGE.matcher(line)).matches()) {
                Map<String, String> attributes = attributes(m.group(3));
                graph.edges.add(new Edge(unescape(m.group(1)), unescape(m.group(2)),
                        attributes.getOrDefault("label", ""), attributes));
            } else if ((m = NODE.matcher(line)).matches()) {
                Map<String, String> attributes = attributes(m.group(2));
                String id = unescape(m.group(1));
                graph.nodes.put(id, new Node(id, attributes.getOrDefault("label", ""), List.copyOf(clusters)));
            }
        }
        return graph;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2) != null ? unescape(m.group(2)) : m.group(3));
        }
        return out;
    }

    private static String unescape(String text) {
        return text.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** The visible edge from {@code from} to {@code to}, or null. */
    Edge edge(String from, String to) {
        return edges.stream().filter(e -> e.visible() && e.from().equals(from) && e.to().equals(to)).findFirst()
                .orElse(null);
    }

    /** The ports an edge label allows for {@code protocol}: "tcp 8080, 8081; udp 53" gives [8080, 8081] for tcp. */
    static List<String> ports(String label, String protocol) {
        List<String> out = new ArrayList<>();
        for (String part : label.split(";")) {
            String trimmed = part.strip();
            if (trimmed.startsWith(protocol + " ")) {
                for (String port : trimmed.substring(protocol.length() + 1).split(",")) {
                    out.add(port.strip());
                }
            }
        }
        return out;
    }
}
