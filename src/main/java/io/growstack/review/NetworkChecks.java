package io.growstack.review;

import static io.growstack.model.Values.Tri;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.core.Cidr;
import io.growstack.core.CidrSet;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Security group ingress ({@link SecurityRules#SG_ADMIN_FROM_WORLD}, {@link SecurityRules#SG_DATA_FROM_WORLD},
 * {@link SecurityRules#SG_OTHER_FROM_WORLD}, {@link SecurityRules#NAT_BEYOND_VPC}) and
 * {@link SecurityRules#VPC_NO_FLOW_LOGS}.
 */
final class NetworkChecks implements Check {
    static final String WORLD_V4 = "0.0.0.0/0";
    static final String WORLD_V6 = "::/0";

    /** Database and cache ports, by number. */
    static final Map<Integer, String> DATA_PORTS = orderedPorts();

    private static Map<Integer, String> orderedPorts() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(1433, "SQL Server");
        ports.put(1521, "Oracle");
        ports.put(3306, "MySQL");
        ports.put(5432, "PostgreSQL");
        ports.put(5439, "Redshift");
        ports.put(6379, "Redis");
        ports.put(9042, "Cassandra");
        ports.put(9200, "OpenSearch");
        ports.put(11211, "Memcached");
        ports.put(27017, "MongoDB");
        return ports;
    }

    /**
     * One ingress permission wherever it is written.
     *
     * @param source   the resource that carries it (a rule resource, or the group for inline blocks)
     * @param where    how to find it inside {@code source}, empty for a rule resource
     * @param group    the address of the security group it opens, or {@code null} when unresolved
     * @param protocol {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code all}, another
     *                 literal, or {@code null} when unknown
     * @param from     the first port, or {@code null} when unknown or not a port protocol
     * @param to       the last port, or {@code null}
     * @param sources  the CIDR sources as written (references included)
     */
    record Ingress(StackModel.Item source, String where, String group, String protocol, Integer from, Integer to,
                   List<String> sources) {
        // Judged by coverage: 0.0.0.0/1 + 128.0.0.0/1 is the world as much as 0.0.0.0/0 is.
        boolean fromWorld() {
            return CidrSet.coversInternet(sources);
        }

        String world() {
            return CidrSet.describeInternet(sources).orElse("");
        }

        /** Whether the permission certainly includes {@code port} over one of {@code protocols}. */
        boolean covers(int port, String... protocols) {
            if ("all".equals(protocol)) {
                return true;
            }
            if (protocol == null || from == null || to == null) {
                return false;
            }
            for (String p : protocols) {
                if (p.equals(protocol)) {
                    return from <= port && port <= to;
                }
            }
            return false;
        }

        boolean isTcpPort(int port) {
            return "tcp".equals(protocol) && from != null && from == port && to != null && to == port;
        }

        String describe() {
            if ("all".equals(protocol)) {
                return "all traffic";
            }
            if (protocol == null) {
                return "traffic";
            }
            if (from == null || to == null) {
                return protocol;
            }
            return protocol + " " + (from.equals(to) ? String.valueOf(from) : from + "-" + to);
        }

        String location() {
            return where.isEmpty() ? "" : " (" + where + ")";
        }
    }

    @Override
    public void run(StackModel stack, Findings findings) {
        List<Ingress> ingress = ingress(stack);
        Set<String> albGroups = new HashSet<>();
        boolean albGroupsKnown = albGroups(stack, albGroups);
        Map<String, StackModel.Item> natGroups = natGroups(stack);

        for (Ingress rule : withSplitWorld(ingress)) {
            if (!rule.fromWorld()) {
                continue;
            }
            boolean reported = admin(rule, findings) | data(rule, findings);
            if (!reported && (rule.group() == null || !natGroups.containsKey(rule.group()))) {
                other(rule, albGroups, albGroupsKnown, findings);
            }
        }
        for (Ingress rule : ingress) {
            if (rule.group() != null && natGroups.containsKey(rule.group())) {
                nat(stack, rule, natGroups.get(rule.group()), findings);
            }
        }
        flowLogs(stack, findings);
    }

    private static boolean admin(Ingress rule, Findings findings) {
        List<String> open = new ArrayList<>();
        if (rule.covers(22, "tcp")) {
            open.add("SSH (22)");
        }
        if (rule.covers(3389, "tcp", "udp")) {
            open.add("RDP (3389)");
        }
        if (open.isEmpty()) {
            return false;
        }
        findings.add(SecurityRules.SG_ADMIN_FROM_WORLD, rule.source(), String.join(" and ", open) + " open to "
                + rule.world() + ": " + rule.describe() + group(rule) + rule.location());
        return true;
    }

    private static boolean data(Ingress rule, Findings findings) {
        List<String> open = new ArrayList<>();
        DATA_PORTS.forEach((port, name) -> {
            if (rule.covers(port, "tcp")) {
                open.add(name + " (" + port + ")");
            }
        });
        if (open.isEmpty()) {
            return false;
        }
        String ports = open.size() > 3 ? open.size() + " database and cache ports including "
                + String.join(", ", open.subList(0, 3)) : String.join(", ", open);
        findings.add(SecurityRules.SG_DATA_FROM_WORLD, rule.source(), ports + " open to " + rule.world() + ": "
                + rule.describe() + group(rule) + rule.location());
        return true;
    }

    private static void other(Ingress rule, Set<String> albGroups, boolean albGroupsKnown, Findings findings) {
        boolean web = rule.isTcpPort(80) || rule.isTcpPort(443);
        if (rule.group() != null && albGroups.contains(rule.group())) {
            if (web || rule.protocol() == null || (!"all".equals(rule.protocol()) && rule.from() == null)) {
                return;
            }
            findings.add(SecurityRules.SG_OTHER_FROM_WORLD, rule.source(), rule.describe() + " open to "
                    + rule.world() + " on a load balancer's group, which needs only tcp 80 and 443"
                    + group(rule) + rule.location());
            return;
        }
        boolean mayBeLoadBalancer = rule.group() == null || !albGroupsKnown;
        if (mayBeLoadBalancer && (web || rule.protocol() == null)) {
            return;
        }
        String on = rule.group() == null ? "" : " on " + rule.group()
                + (albGroupsKnown ? ", which no load balancer uses" : "");
        findings.add(SecurityRules.SG_OTHER_FROM_WORLD, rule.source(), rule.describe() + " open to " + rule.world()
                + on + rule.location());
    }

    private static String group(Ingress rule) {
        return rule.group() == null || rule.where().startsWith("inline") ? "" : " on " + rule.group();
    }

    private static void nat(StackModel stack, Ingress rule, StackModel.Item nat, Findings findings) {
        StackModel.Item group = stack.resolve("${" + rule.group() + ".id}", "aws_security_group");
        Optional<List<Cidr>> vpc = group == null ? Optional.empty() : vpcCidrs(stack, group.get("vpc_id"));
        for (String source : rule.sources()) {
            if (source.equals(WORLD_V6)) {
                findings.add(SecurityRules.NAT_BEYOND_VPC, rule.source(), "NAT instance " + nat.address()
                        + " admits " + rule.describe() + " from ::/0" + rule.location());
                continue;
            }
            Optional<Cidr> cidr = Cidr.parse(source);
            if (cidr.isEmpty() || vpc.isEmpty()) {
                continue;
            }
            if (vpc.get().stream().noneMatch(v -> v.contains(cidr.get()))) {
                findings.add(SecurityRules.NAT_BEYOND_VPC, rule.source(), "NAT instance " + nat.address()
                        + " admits " + rule.describe() + " from " + source + ", outside the VPC's "
                        + vpc.get().stream().map(Cidr::toString).collect(Collectors.joining(", "))
                        + rule.location());
            }
        }
    }

    /** The literal IPv4 blocks of the VPC {@code vpcId} refers to; empty when any is unknown. */
    private static Optional<List<Cidr>> vpcCidrs(StackModel stack, JsonNode vpcId) {
        StackModel.Item vpc = stack.resolve(vpcId, "aws_vpc");
        if (vpc == null) {
            return Optional.empty();
        }
        Optional<Cidr> primary = Cidr.parse(Values.text(vpc.get("cidr_block")));
        if (primary.isEmpty()) {
            return Optional.empty();
        }
        List<Cidr> cidrs = new ArrayList<>(List.of(primary.get()));
        for (StackModel.Item association : stack.all("aws_vpc_ipv4_cidr_block_association")) {
            StackModel.Item target = stack.resolve(association.get("vpc_id"), "aws_vpc");
            if (target == vpc || (target == null && Values.unknown(association.get("vpc_id")))) {
                Optional<Cidr> extra = Cidr.parse(Values.text(association.get("cidr_block")));
                if (extra.isEmpty()) {
                    return Optional.empty();
                }
                cidrs.add(extra.get());
            }
        }
        return Optional.of(cidrs);
    }

    /**
     * {@code ingress} plus, for each group, protocol and port range whose rules only together admit
     * the whole internet (one rule resource per block, say 0.0.0.0/1 and 128.0.0.0/1), one combined
     * permission carried by the first of those rules.
     */
    static List<Ingress> withSplitWorld(List<Ingress> ingress) {
        Map<List<Object>, List<Ingress>> byTarget = new LinkedHashMap<>();
        for (Ingress rule : ingress) {
            if (rule.group() != null && !rule.fromWorld()) {
                byTarget.computeIfAbsent(java.util.Arrays.asList(rule.group(), rule.protocol(), rule.from(), rule.to()),
                        k -> new ArrayList<>()).add(rule);
            }
        }
        List<Ingress> out = new ArrayList<>(ingress);
        for (List<Ingress> rules : byTarget.values()) {
            if (rules.size() < 2) {
                continue;
            }
            List<String> sources = rules.stream().flatMap(r -> r.sources().stream()).toList();
            if (CidrSet.coversInternet(sources)) {
                Ingress first = rules.get(0);
                out.add(new Ingress(first.source(), first.where(), first.group(), first.protocol(), first.from(),
                        first.to(), sources));
            }
        }
        return out;
    }

    /** Every ingress permission of the stack: rule resources, legacy rules and inline blocks. */
    static List<Ingress> ingress(StackModel stack) {
        List<Ingress> out = new ArrayList<>();
        for (StackModel.Item item : stack.all("aws_vpc_security_group_ingress_rule")) {
            String protocol = protocol(item.get("ip_protocol"));
            List<String> sources = new ArrayList<>();
            sources.addAll(Values.strings(item.get("cidr_ipv4")));
            sources.addAll(Values.strings(item.get("cidr_ipv6")));
            out.add(new Ingress(item, "", groupOf(stack, item.get("security_group_id")), protocol,
                    from(protocol, item.body()), to(protocol, item.body()), sources));
        }
        for (StackModel.Item item : stack.all("aws_security_group_rule")) {
            if (!"ingress".equals(Values.text(item.get("type")))) {
                continue;
            }
            out.add(legacy(item, "", groupOf(stack, item.get("security_group_id")), item.body()));
        }
        for (StackModel.Item group : stack.all("aws_security_group")) {
            List<JsonNode> blocks = Values.blocks(group.body(), "ingress");
            for (int i = 0; i < blocks.size(); i++) {
                out.add(legacy(group, "inline ingress block " + (i + 1), group.address(), blocks.get(i)));
            }
        }
        return out;
    }

    private static Ingress legacy(StackModel.Item item, String where, String group, JsonNode rule) {
        String protocol = protocol(rule.path("protocol"));
        List<String> sources = new ArrayList<>();
        sources.addAll(Values.strings(rule.path("cidr_blocks")));
        sources.addAll(Values.strings(rule.path("ipv6_cidr_blocks")));
        return new Ingress(item, where, group, protocol, from(protocol, rule), to(protocol, rule), sources);
    }

    private static String groupOf(StackModel stack, JsonNode reference) {
        StackModel.Item group = stack.resolve(reference, "aws_security_group");
        return group == null ? null : group.address();
    }

    private static String protocol(JsonNode value) {
        String text = Values.text(value);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> "all";
            case "6", "tcp" -> "tcp";
            case "17", "udp" -> "udp";
            case "1", "icmp" -> "icmp";
            case "58", "icmpv6" -> "icmpv6";
            default -> text.toLowerCase(Locale.ROOT);
        };
    }

    private static Integer from(String protocol, JsonNode rule) {
        if ("all".equals(protocol)) {
            return 0;
        }
        return "tcp".equals(protocol) || "udp".equals(protocol) ? Values.integer(rule.path("from_port")) : null;
    }

    private static Integer to(String protocol, JsonNode rule) {
        if ("all".equals(protocol)) {
            return 65535;
        }
        return "tcp".equals(protocol) || "udp".equals(protocol) ? Values.integer(rule.path("to_port")) : null;
    }

    /** Fills {@code groups} with the security groups of application load balancers; false if some are unknown. */
    private static boolean albGroups(StackModel stack, Set<String> groups) {
        boolean known = true;
        for (StackModel.Item lb : stack.all("aws_lb", "aws_alb")) {
            String type = Values.text(lb.get("load_balancer_type"));
            if (type != null && !type.equals("application")) {
                continue;
            }
            if (Values.unknown(lb.get("load_balancer_type")) || Values.unknown(lb.get("security_groups"))) {
                known = false;
                continue;
            }
            for (String reference : Values.strings(lb.get("security_groups"))) {
                StackModel.Item group = stack.resolve(reference, "aws_security_group");
                if (group == null) {
                    known = false;
                } else {
                    groups.add(group.address());
                }
            }
        }
        return known;
    }

    /** The security groups of NAT instances (source/destination check off), each with its instance. */
    private static Map<String, StackModel.Item> natGroups(StackModel stack) {
        Map<String, StackModel.Item> groups = new HashMap<>();
        for (StackModel.Item instance : stack.all("aws_instance", "aws_network_interface")) {
            if (Values.bool(instance.get("source_dest_check")) != Tri.FALSE) {
                continue;
            }
            String attribute = instance.type().equals("aws_instance") ? "vpc_security_group_ids" : "security_groups";
            for (String reference : Values.strings(instance.get(attribute))) {
                StackModel.Item group = stack.resolve(reference, "aws_security_group");
                if (group != null) {
                    groups.putIfAbsent(group.address(), instance);
                }
            }
        }
        return groups;
    }

    private static void flowLogs(StackModel stack, Findings findings) {
        Set<String> logged = new HashSet<>();
        for (StackModel.Item log : stack.all("aws_flow_log")) {
            JsonNode vpcId = log.get("vpc_id");
            if (Values.absent(vpcId)) {
                continue;
            }
            StackModel.Item vpc = stack.resolve(vpcId, "aws_vpc");
            if (vpc != null) {
                logged.add(vpc.address());
            } else if (Values.unknown(vpcId)) {
                return;
            }
        }
        for (StackModel.Item vpc : stack.all("aws_vpc")) {
            if (!logged.contains(vpc.address())) {
                findings.add(SecurityRules.VPC_NO_FLOW_LOGS, vpc, "no aws_flow_log has vpc_id = " + vpc.address() + ".id");
            }
        }
    }
}
