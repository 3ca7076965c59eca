package io.growstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks every security group and rule of a synthesized stack and lists what breaks the library's
 * invariants: a group without egress; an ingress from another group without the matching egress
 * on that group; SSH or RDP from the world; world ingress on anything but a public entry point
 * (a load balancer's or a public host's group) on 80/443.
 */
public final class SecurityGroupWalk {
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    private SecurityGroupWalk() {
    }

    /** One rule as Terraform sees it. */
    public record Rule(String address, String group, String protocol, int from, int to, String cidr, String peerGroup) {
        boolean world() {
            return cidr != null && WORLD.contains(cidr);
        }

        boolean covers(int port) {
            return protocol.equals("-1") || (from <= port && port <= to);
        }
    }

    /** Ingress rules of the stack. */
    public static List<Rule> ingress(JsonNode stack) {
        return rules(stack, "aws_vpc_security_group_ingress_rule");
    }

    /** Egress rules of the stack. */
    public static List<Rule> egress(JsonNode stack) {
        return rules(stack, "aws_vpc_security_group_egress_rule");
    }

    private static List<Rule> rules(JsonNode stack, String type) {
        List<Rule> rules = new ArrayList<>();
        stack.path("resource").path(type).fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            String cidr = r.hasNonNull("cidr_ipv4") ? r.path("cidr_ipv4").asText()
                    : r.hasNonNull("cidr_ipv6") ? r.path("cidr_ipv6").asText() : null;
            rules.add(new Rule(type + "." + e.getKey(), r.path("security_group_id").asText(),
                    r.path("ip_protocol").asText(), r.path("from_port").asInt(-1), r.path("to_port").asInt(-1), cidr,
                    r.hasNonNull("referenced_security_group_id") ? r.path("referenced_security_group_id").asText() : null));
        });
        return rules;
    }

    /** Group references ({@code ${aws_security_group.x.id}}) of public entry points. */
    public static Set<String> publicEntryGroups(JsonNode stack) {
        Set<String> groups = new HashSet<>();
        stack.path("resource").path("aws_lb").forEach(lb -> lb.path("security_groups").forEach(g -> groups.add(g.asText())));
        stack.path("resource").path("aws_instance").forEach(instance -> {
            if (instance.path("subnet_id").asText().contains("public-subnet")) {
                instance.path("vpc_security_group_ids").forEach(g -> groups.add(g.asText()));
            }
        });
        return groups;
    }

    /** Every violation; empty when the stack is sound. */
    public static List<String> violations(JsonNode stack) {
        List<String> problems = new ArrayList<>();
        List<Rule> ingress = ingress(stack);
        List<Rule> egress = egress(stack);
        Set<String> entry = publicEntryGroups(stack);
        for (Map.Entry<String, JsonNode> group : iterable(stack.path("resource").path("aws_security_group"))) {
            String ref = "${aws_security_group." + group.getKey() + ".id}";
            if (egress.stream().noneMatch(r -> r.group().equals(ref))) {
                problems.add(ref + " states no egress");
            }
            if (group.getValue().has("ingress") || group.getValue().has("egress")) {
                problems.add(ref + " has inline rules");
            }
        }
        for (Rule in : ingress) {
            if (in.world() && (in.covers(22) || in.covers(3389))) {
                problems.add(in.address() + " opens SSH/RDP to " + in.cidr());
            } else if (in.world() && !(entry.contains(in.group()) && in.protocol().equals("tcp")
                    && (in.from() == 80 || in.from() == 443) && in.from() == in.to())) {
                problems.add(in.address() + " opens " + in.protocol() + " " + in.from() + "-" + in.to() + " to "
                        + in.cidr() + " on a group that is not a public entry point");
            }
            if (in.peerGroup() != null && egress.stream().noneMatch(out -> out.group().equals(in.peerGroup())
                    && in.group().equals(out.peerGroup()) && out.protocol().equals(in.protocol())
                    && out.from() == in.from() && out.to() == in.to())) {
                problems.add(in.address() + " has no matching egress on " + in.peerGroup());
            }
        }
        return problems;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
