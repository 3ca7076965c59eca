package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.Values;
import io.growstack.review.diagram.Topology.Kind;
import io.growstack.review.diagram.Topology.Node;
import io.growstack.review.diagram.Topology.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the traffic security groups allow: each ingress permission (rule resource, legacy rule or
 * inline block) becomes an arrow from every box of the source group, or the CIDR's box, to every box
 * of the target group.
 */
final class SecurityGroupTraffic extends TopologyReader {
    private static final Pattern EACH_OF = Pattern.compile("^\\$\\{toset\\((.+)\\)}$");

    /** Security group address to the boxes that use it. */
    private final Map<String, List<String>> members = new TreeMap<>();

    SecurityGroupTraffic(StackView view, Topology topology) {
        super(view, topology);
    }

    @Override
    void read() {
        member("aws_instance", "vpc_security_group_ids");
        member("aws_instance", "security_groups");
        member("aws_lb", "security_groups");
        member("aws_db_instance", "vpc_security_group_ids");
        member("aws_elasticache_replication_group", "security_group_ids");
        for (String group : view.addresses("aws_autoscaling_group")) {
            String template = view.launchTemplateOf(group);
            if (template == null) {
                continue;
            }
            JsonNode lt = view.item(template);
            List<JsonNode> ids = Values.elements(lt.path("vpc_security_group_ids"));
            for (JsonNode nic : Values.elements(lt.path("network_interfaces"))) {
                ids.addAll(Values.elements(nic.path("security_groups")));
            }
            for (JsonNode id : ids) {
                join(id, group);
            }
        }
        for (String address : view.addresses("aws_vpc_security_group_ingress_rule")) {
            JsonNode rule = view.item(address);
            String cidr = rule.hasNonNull("cidr_ipv4") ? rule.path("cidr_ipv4").asText()
                    : rule.hasNonNull("cidr_ipv6") ? rule.path("cidr_ipv6").asText() : null;
            ingress(view.resolve(rule.path("security_group_id"), "aws_security_group"),
                    view.resolve(rule.path("referenced_security_group_id"), "aws_security_group"), cidr,
                    rule.path("for_each"), PortLabels.of(rule.path("ip_protocol").asText("-1"), rule.path("from_port"),
                            rule.path("to_port")));
        }
        for (String address : view.addresses("aws_security_group_rule")) {
            JsonNode rule = view.item(address);
            if (!"ingress".equals(Values.text(rule.path("type")))) {
                continue;
            }
            String target = view.resolve(rule.path("security_group_id"), "aws_security_group");
            String label = PortLabels.of(rule.path("protocol").asText("-1"), rule.path("from_port"), rule.path("to_port"));
            String source = Values.isTrue(rule.path("self")) ? target
                    : view.resolve(rule.path("source_security_group_id"), "aws_security_group");
            if (source != null) {
                ingress(target, source, null, null, label);
            }
            for (JsonNode cidr : Values.elements(rule.path("cidr_blocks"))) {
                ingress(target, null, cidr.asText(), null, label);
            }
        }
        for (String address : view.addresses("aws_security_group")) {
            for (JsonNode rule : Values.elements(view.item(address).path("ingress"))) {
                String label = PortLabels.of(rule.path("protocol").asText("-1"), rule.path("from_port"), rule.path("to_port"));
                for (JsonNode group : Values.elements(rule.path("security_groups"))) {
                    ingress(address, view.resolve(group, "aws_security_group"), null, null, label);
                }
                for (JsonNode cidr : Values.elements(rule.path("cidr_blocks"))) {
                    ingress(address, null, cidr.asText(), null, label);
                }
            }
        }
    }

    private void member(String type, String attribute) {
        for (String address : view.addresses(type)) {
            for (JsonNode id : Values.elements(view.item(address).path(attribute))) {
                join(id, address);
            }
        }
    }

    /** Records that {@code box} uses the security group {@code id} names, when it is in the stack. */
    private void join(JsonNode id, String box) {
        String sg = view.resolve(id, "aws_security_group");
        if (sg != null) {
            members.computeIfAbsent(sg, k -> new ArrayList<>()).add(box);
        }
    }

    /** One ingress permission on {@code group} from another group, a CIDR block or a list of them. */
    private void ingress(String group, String sourceGroup, String cidr, JsonNode forEach, String label) {
        if (group == null) {
            return;
        }
        List<String> targets = members.getOrDefault(group, List.of());
        List<String> sources = new ArrayList<>();
        if (sourceGroup != null) {
            sources.addAll(members.getOrDefault(sourceGroup, List.of()));
        } else if (cidr != null) {
            String source = cidrNode(cidr, forEach, targets);
            if (source == null) {
                return;
            }
            sources.add(source);
        }
        for (String source : sources) {
            for (String target : targets) {
                topology.addTraffic(source, target, label);
            }
        }
    }

    /** The box a CIDR source is drawn as: the internet, a list variable, or the block itself. */
    private String cidrNode(String cidr, JsonNode forEach, List<String> targets) {
        if (Topology.WORLD.contains(cidr)) {
            topology.internet();
            return Topology.INTERNET;
        }
        if (cidr.equals("${each.value}") && forEach != null && forEach.isTextual()) {
            Matcher m = EACH_OF.matcher(forEach.asText());
            String expression = m.matches() ? m.group(1) : forEach.asText().replace("${", "").replace("}", "");
            String id = "cidrs:" + expression;
            topology.addOutsideOnce(new Node(id, "CIDR list", expression, Kind.CIDR));
            return id;
        }
        for (Vpc vpc : topology.vpcs) {
            if (vpc.cidr.equals(cidr)) {
                // The whole VPC: drawn for a NAT by its routes instead.
                if (targets.stream().allMatch(t -> isNat(topology.node(t)))) {
                    return null;
                }
                String id = "cidr:" + cidr;
                topology.addOutsideOnce(new Node(id, cidr, "the whole VPC", Kind.CIDR));
                return id;
            }
        }
        String id = "cidr:" + cidr;
        topology.addOutsideOnce(new Node(id, cidr, "CIDR block", Kind.CIDR));
        return id;
    }

    private static boolean isNat(Node node) {
        return node != null && node.kind() == Kind.NAT;
    }
}
