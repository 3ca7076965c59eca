package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Port labels on the arrows: one ingress permission's ports, and all of one arrow's joined. */
final class PortLabels {
    private PortLabels() {
    }

    /** "tcp 80", "udp 53-54", "all". */
    static String of(String protocol, JsonNode from, JsonNode to) {
        if (protocol.equals("-1") || protocol.equals("all")) {
            return "all";
        }
        String range = from.asText("?").equals(to.asText("?")) ? from.asText("?") : from.asText("?") + "-" + to.asText("?");
        String name = protocol.equals("6") ? "tcp" : protocol.equals("17") ? "udp" : protocol;
        return name + " " + range;
    }

    /** "tcp 80", "tcp 8080, 8081", "tcp 22; udp 53", "all". */
    static String join(Set<String> labels) {
        Map<String, TreeSet<String>> byProtocol = new TreeMap<>();
        List<String> other = new ArrayList<>();
        for (String label : labels) {
            int space = label.indexOf(' ');
            if (space < 0 || !label.startsWith("tcp ") && !label.startsWith("udp ") && !label.startsWith("icmp ")) {
                other.add(label);
            } else {
                byProtocol.computeIfAbsent(label.substring(0, space), k -> new TreeSet<>(PortLabels::comparePorts))
                        .add(label.substring(space + 1));
            }
        }
        List<String> parts = new ArrayList<>();
        byProtocol.forEach((protocol, ranges) -> parts.add(protocol + " " + String.join(", ", ranges)));
        other.stream().sorted().forEach(parts::add);
        return String.join("; ", parts);
    }

    private static int comparePorts(String a, String b) {
        int first = Integer.compare(start(a), start(b));
        return first != 0 ? first : a.compareTo(b);
    }

    private static int start(String range) {
        String head = range.contains("-") ? range.substring(0, range.indexOf('-')) : range;
        return head.matches("\\d+") ? Integer.parseInt(head) : Integer.MAX_VALUE;
    }
}
