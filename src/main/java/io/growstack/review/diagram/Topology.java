package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.growstack.model.Reference;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the diagram shows, read from a synthesized stack: VPCs with their subnets by tier and zone,
 * the boxes placed in them, services outside, and the traffic security groups and routes allow.
 */
final class Topology {
    static final String INTERNET = "internet";
    static final String GITHUB = "github";

    private static final Pattern ZONE_LOOKUP =
            Pattern.compile("^\\$\\{data\\.aws_availability_zones\\.[^.]+\\.names\\[(\\d+)]}$");
    private static final Pattern EACH_OF = Pattern.compile("^\\$\\{toset\\((.+)\\)}$");
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    /** The kinds of boxes, each drawn in its own colour. */
    enum Kind { INTERNET, EXTERNAL, INSTANCE, NAT, GROUP, LOAD_BALANCER, DATABASE, CACHE, BUCKET, CDN, DEPLOY, CIDR }

    /** One box. {@code id} is the Terraform address (or a fixed id for the internet, GitHub, CIDRs). */
    record Node(String id, String title, String detail, Kind kind) {
    }

    /** One arrow; {@code route} arrows start at a subnet (its cluster). */
    record Edge(String from, String to, String label, boolean route) {
    }

    /** A subnet: where it is and what sits in it. */
    static final class Subnet {
        final String address;
        final String name;
        final String cidr;
        final String zone;
        final boolean isPublic;
        final List<Node> nodes = new ArrayList<>();

        Subnet(String address, String name, String cidr, String zone, boolean isPublic) {
            this.address = address;
            this.name = name;
            this.cidr = cidr;
            this.zone = zone;
            this.isPublic = isPublic;
        }
    }

    /** A VPC: its subnets by tier, and boxes that span several subnets of one tier. */
    static final class Vpc {
        final String address;
        final String title;
        final String cidr;
        final List<Subnet> subnets = new ArrayList<>();
        final List<Node> publicTier = new ArrayList<>();
        final List<Node> privateTier = new ArrayList<>();
        final List<Node> loose = new ArrayList<>();

        Vpc(String address, String title, String cidr) {
            this.address = address;
            this.title = title;
            this.cidr = cidr;
        }

        List<Subnet> tier(boolean isPublic) {
            return subnets.stream().filter(s -> s.isPublic == isPublic).toList();
        }
    }

    private final StackModel model;
    final String stackName;
    final String region;
    final List<Vpc> vpcs = new ArrayList<>();
    /** Boxes in the region but outside any VPC (S3, CodeDeploy, hosts whose subnet is not in the stack). */
    final List<Node> regional = new ArrayList<>();
    /** Boxes outside AWS's region: the internet, GitHub, CloudFront, CIDR blocks. */
    final List<Node> outside = new ArrayList<>();
    final Set<Edge> edges = new LinkedHashSet<>();

    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Security group address to the boxes that use it. */
    private final Map<String, List<String>> members = new TreeMap<>();
    /** (from, to) to the ports allowed, in order. */
    private final Map<String, Map<String, Set<String>>> traffic = new TreeMap<>();
    private final Set<String> natTargets = new TreeSet<>();
    /** The label of a route a NAT watcher may take over when that zone's own NAT fails. */
    static final String FAILOVER = "failover";
    private static final Pattern LOCAL_USER_DATA = Pattern.compile("\\$\\{base64encode\\(local\\.([A-Za-z0-9_-]+)\\)}");
    private static final Pattern WATCHED_TABLES = Pattern.compile("\nNAT_ROUTE_TABLES=\"([^\"]*)\"\n");

    Topology(StackModel model) {
        this.model = model;
        this.stackName = model.stackName();
        this.region = model.defaultRegion();
        build();
    }

    // ---- Reading ---------------------------------------------------------------------------------

    /** The addresses of the resources of {@code type}, sorted. */
    private List<String> addresses(String type) {
        return model.all(type).stream().map(StackModel.Item::address).sorted().toList();
    }

    private JsonNode item(String address) {
        return model.item(address).map(StackModel.Item::body).orElse(null);
    }

    /** The address a whole-value reference names when it is one of {@code types} in this stack, or null. */
    private String resolve(JsonNode value, String... types) {
        StackModel.Item item = model.resolve(value, types);
        return item == null ? null : item.address();
    }

    private static String attribute(JsonNode value) {
        return value != null && value.isTextual()
                ? Reference.parse(value.asText()).map(Reference::attribute).orElse(null) : null;
    }

    private static JsonNode first(JsonNode node) {
        List<JsonNode> all = Values.elements(node);
        return all.isEmpty() ? MissingNode.getInstance() : all.get(0);
    }

    /**
     * The box title: the construct path without the stack and the resource's own id ({@code bastion/host}),
     * the whole path when another resource of the type would get the same title, else the resource name.
     */
    private String title(String address) {
        String type = address.substring(0, address.indexOf('.'));
        String own = shortTitle(address);
        boolean shared = addresses(type).stream().anyMatch(a -> !a.equals(address) && shortTitle(a).equals(own));
        if (!shared) {
            return own;
        }
        List<String> parts = pathParts(address);
        return parts.isEmpty() ? address.substring(address.indexOf('.') + 1) : String.join("/", parts);
    }

    private String shortTitle(String address) {
        List<String> parts = pathParts(address);
        if (parts.isEmpty()) {
            return address.substring(address.indexOf('.') + 1);
        }
        return String.join("/", parts.size() > 1 ? parts.subList(0, parts.size() - 1) : parts);
    }

    /** The construct path without the stack, or empty when cdktf recorded none. */
    private List<String> pathParts(String address) {
        JsonNode path = item(address).path("//").path("metadata").path("path");
        if (!path.isTextual()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>(List.of(path.asText().split("/")));
        if (parts.size() > 1) {
            parts.remove(0);
        }
        return parts;
    }

    // ---- Building --------------------------------------------------------------------------------

    private void build() {
        for (String address : addresses("aws_vpc")) {
            JsonNode vpc = item(address);
            vpcs.add(new Vpc(address, title(address), Values.text(vpc.path("cidr_block"), "?")));
        }
        readSubnets();
        readBoxes();
        readSecurityGroups();
        readRoutes();
        readDelivery();
        for (Map.Entry<String, Map<String, Set<String>>> from : traffic.entrySet()) {
            for (Map.Entry<String, Set<String>> to : from.getValue().entrySet()) {
                edges.add(new Edge(from.getKey(), to.getKey(), ports(to.getValue()), false));
            }
        }
    }

    private void readSubnets() {
        Set<String> publicTables = new TreeSet<>();
        for (String address : addresses("aws_route")) {
            JsonNode route = item(address);
            if (WORLD.contains(Values.text(route.path("destination_cidr_block"), ""))
                    && resolve(route.path("gateway_id"), "aws_internet_gateway") != null) {
                String table = resolve(route.path("route_table_id"), "aws_route_table");
                if (table != null) {
                    publicTables.add(table);
                }
            }
        }
        for (String address : addresses("aws_route_table")) {
            for (JsonNode route : Values.elements(item(address).path("route"))) {
                if (WORLD.contains(Values.text(route.path("cidr_block"), ""))
                        && resolve(route.path("gateway_id"), "aws_internet_gateway") != null) {
                    publicTables.add(address);
                }
            }
        }
        Map<String, String> tableOf = tables();
        List<Subnet> all = new ArrayList<>();
        for (String address : addresses("aws_subnet")) {
            JsonNode subnet = item(address);
            String table = tableOf.get(address);
            String tier = Values.text(subnet.path("tags").path("Tier"));
            boolean isPublic = table != null ? publicTables.contains(table)
                    : tier != null ? tier.equals("public") : Values.isTrue(subnet.path("map_public_ip_on_launch"));
            Subnet s = new Subnet(address, address.substring(address.indexOf('.') + 1),
                    Values.text(subnet.path("cidr_block"), "?"), zone(subnet.path("availability_zone")), isPublic);
            all.add(s);
        }
        all.sort(Comparator.comparing((Subnet s) -> s.zone).thenComparing(s -> !s.isPublic).thenComparing(s -> s.address));
        for (Subnet s : all) {
            subnets.put(s.address, s);
            String vpc = resolve(item(s.address).path("vpc_id"), "aws_vpc");
            vpcFor(vpc).subnets.add(s);
        }
    }

    /** Subnet address to route table address. */
    private Map<String, String> tables() {
        Map<String, String> out = new TreeMap<>();
        for (String address : addresses("aws_route_table_association")) {
            JsonNode association = item(address);
            String subnet = resolve(association.path("subnet_id"), "aws_subnet");
            String table = resolve(association.path("route_table_id"), "aws_route_table");
            if (subnet != null && table != null) {
                out.put(subnet, table);
            }
        }
        return out;
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

    private Vpc vpcFor(String address) {
        for (Vpc vpc : vpcs) {
            if (vpc.address.equals(address)) {
                return vpc;
            }
        }
        // Subnets of a VPC outside the stack: one pseudo VPC holds them.
        for (Vpc vpc : vpcs) {
            if (vpc.address.equals("external")) {
                return vpc;
            }
        }
        Vpc external = new Vpc("external", "existing VPC", "not in this stack");
        vpcs.add(external);
        return external;
    }

    private void readBoxes() {
        Set<String> natInstances = new TreeSet<>();
        for (String address : addresses("aws_route")) {
            JsonNode route = item(address);
            String nic = resolve(route.path("network_interface_id"), "aws_instance");
            String instance = resolve(route.path("instance_id"), "aws_instance");
            if (nic != null) {
                natInstances.add(nic);
            }
            if (instance != null) {
                natInstances.add(instance);
            }
        }
        for (String address : addresses("aws_instance")) {
            JsonNode instance = item(address);
            String type = Values.text(instance.path("instance_type"), "?");
            boolean nat = natInstances.contains(address);
            boolean spot = "spot".equals(Values.text(first(instance.path("instance_market_options")).path("market_type")));
            String detail = nat ? "NAT instance · " + type : "EC2 " + type + (spot ? " · spot" : "");
            place(new Node(address, title(address), detail, nat ? Kind.NAT : Kind.INSTANCE),
                    List.of(instance.path("subnet_id")));
        }
        for (String address : addresses("aws_nat_gateway")) {
            JsonNode gateway = item(address);
            String connectivity = Values.text(gateway.path("connectivity_type"), "public");
            place(new Node(address, title(address), "NAT gateway" + (connectivity.equals("private") ? " (private)" : ""),
                    Kind.NAT), List.of(gateway.path("subnet_id")));
        }
        for (String address : addresses("aws_lb")) {
            JsonNode lb = item(address);
            String type = Values.text(lb.path("load_balancer_type"), "application");
            String detail = (type.equals("application") ? "Application" : type.equals("network") ? "Network" : "Gateway")
                    + " Load Balancer" + (Values.isTrue(lb.path("internal")) ? " · internal" : "");
            List<JsonNode> where = Values.elements(lb.path("subnets"));
            for (JsonNode mapping : Values.elements(lb.path("subnet_mapping"))) {
                where.add(mapping.path("subnet_id"));
            }
            place(new Node(address, title(address), detail, Kind.LOAD_BALANCER), where);
        }
        Set<String> natHosts = new TreeSet<>();
        for (String address : addresses("aws_route")) {
            String eni = resolve(item(address).path("network_interface_id"), "aws_network_interface");
            if (eni != null) {
                natHosts.add(natHostOf(eni));
            }
        }
        for (String address : addresses("aws_autoscaling_group")) {
            JsonNode group = item(address);
            String template = resolve(first(group.path("launch_template")).path("id"), "aws_launch_template");
            String type = template == null ? "?" : Values.text(item(template).path("instance_type"), "?");
            String capacity = Values.text(group.path("min_size"), group.path("min_size").asText("?")) + ".."
                    + group.path("max_size").asText("?");
            boolean nat = natHosts.contains(address);
            String detail = nat ? "NAT instance · " + type + " · self-healing"
                    + (userDataOf(address).contains("growstack-nat-watch") ? " · fails over" : "")
                    : "Auto Scaling group · " + type + " · " + capacity;
            place(new Node(address, title(address), detail, nat ? Kind.NAT : Kind.GROUP),
                    Values.elements(group.path("vpc_zone_identifier")));
        }
        for (String eni : addresses("aws_network_interface")) {
            if (natHosts.contains(eni)) {
                place(new Node(eni, title(eni), "NAT interface (no host in this stack)", Kind.NAT),
                        List.of(item(eni).path("subnet_id")));
            }
        }
        for (String address : addresses("aws_db_instance")) {
            JsonNode db = item(address);
            String engine = Values.text(db.path("engine"), "?");
            String detail = "RDS " + (engine.equals("mysql") ? "MySQL" : engine) + " "
                    + Values.text(db.path("engine_version"), "") + " · " + Values.text(db.path("instance_class"), "?")
                    + (Values.isTrue(db.path("multi_az")) ? " · Multi-AZ" : "");
            String group = resolve(db.path("db_subnet_group_name"), "aws_db_subnet_group");
            place(new Node(address, title(address), detail.replace("  ", " "), Kind.DATABASE),
                    group == null ? List.of() : Values.elements(item(group).path("subnet_ids")));
        }
        for (String address : addresses("aws_elasticache_replication_group")) {
            JsonNode cache = item(address);
            String group = resolve(cache.path("subnet_group_name"), "aws_elasticache_subnet_group");
            int nodes = cache.path("num_cache_clusters").asInt(1);
            place(new Node(address, title(address), "ElastiCache " + Values.text(cache.path("engine"), "redis") + " · "
                    + Values.text(cache.path("node_type"), "?") + (nodes > 1 ? " x" + nodes : ""), Kind.CACHE),
                    group == null ? List.of() : Values.elements(item(group).path("subnet_ids")));
        }
        for (String address : addresses("aws_s3_bucket")) {
            JsonNode bucket = item(address);
            add(regional, new Node(address, title(address), "S3 bucket " + Values.text(bucket.path("bucket"), ""), Kind.BUCKET));
        }
        for (String address : addresses("aws_cloudfront_distribution")) {
            add(outside, new Node(address, title(address), "CloudFront distribution", Kind.CDN));
            JsonNode distribution = item(address);
            String policy = Values.text(first(distribution.path("default_cache_behavior")).path("viewer_protocol_policy"), "");
            addTraffic(INTERNET, address, policy.equals("https-only") ? "https" : "http, https");
            for (JsonNode origin : Values.elements(distribution.path("origin"))) {
                String bucket = resolve(origin.path("domain_name"), "aws_s3_bucket");
                if (bucket != null) {
                    addTraffic(address, bucket, origin.hasNonNull("origin_access_control_id") ? "origin (OAC)" : "origin");
                }
            }
        }
    }

    /** Puts a box in its subnet, its VPC's tier (when it spans one tier's subnets), its VPC, or the region. */
    private void place(Node node, List<JsonNode> subnetRefs) {
        nodes.put(node.id(), node);
        List<Subnet> where = new ArrayList<>();
        for (JsonNode ref : subnetRefs) {
            String address = resolve(ref, "aws_subnet");
            if (address != null && subnets.containsKey(address)) {
                where.add(subnets.get(address));
            }
        }
        if (where.isEmpty()) {
            regional.add(node);
            return;
        }
        if (where.size() == 1) {
            where.get(0).nodes.add(node);
            return;
        }
        Vpc vpc = vpcs.stream().filter(v -> v.subnets.contains(where.get(0))).findFirst().orElseThrow();
        boolean allPublic = where.stream().allMatch(s -> s.isPublic);
        boolean allPrivate = where.stream().noneMatch(s -> s.isPublic);
        String tier = allPublic ? "public " : allPrivate ? "private " : "";
        Node spanning = new Node(node.id(), node.title(), node.detail() + "\nspans " + where.size() + " " + tier
                + "subnets", node.kind());
        nodes.put(node.id(), spanning);
        (allPublic ? vpc.publicTier : allPrivate ? vpc.privateTier : vpc.loose).add(spanning);
    }

    private void add(List<Node> list, Node node) {
        nodes.put(node.id(), node);
        list.add(node);
    }

    // ---- Traffic ---------------------------------------------------------------------------------

    private void readSecurityGroups() {
        member("aws_instance", "vpc_security_group_ids");
        member("aws_instance", "security_groups");
        member("aws_lb", "security_groups");
        member("aws_db_instance", "vpc_security_group_ids");
        member("aws_elasticache_replication_group", "security_group_ids");
        for (String group : addresses("aws_autoscaling_group")) {
            String template = resolve(first(item(group).path("launch_template")).path("id"), "aws_launch_template");
            if (template == null) {
                continue;
            }
            JsonNode lt = item(template);
            List<JsonNode> ids = Values.elements(lt.path("vpc_security_group_ids"));
            for (JsonNode nic : Values.elements(lt.path("network_interfaces"))) {
                ids.addAll(Values.elements(nic.path("security_groups")));
            }
            for (JsonNode id : ids) {
                String sg = resolve(id, "aws_security_group");
                if (sg != null) {
                    members.computeIfAbsent(sg, k -> new ArrayList<>()).add(group);
                }
            }
        }
        for (String address : addresses("aws_vpc_security_group_ingress_rule")) {
            JsonNode rule = item(address);
            String cidr = rule.hasNonNull("cidr_ipv4") ? rule.path("cidr_ipv4").asText()
                    : rule.hasNonNull("cidr_ipv6") ? rule.path("cidr_ipv6").asText() : null;
            ingress(resolve(rule.path("security_group_id"), "aws_security_group"),
                    resolve(rule.path("referenced_security_group_id"), "aws_security_group"), cidr,
                    rule.path("for_each"), port(rule.path("ip_protocol").asText("-1"), rule.path("from_port"),
                            rule.path("to_port")));
        }
        for (String address : addresses("aws_security_group_rule")) {
            JsonNode rule = item(address);
            if (!"ingress".equals(Values.text(rule.path("type")))) {
                continue;
            }
            String target = resolve(rule.path("security_group_id"), "aws_security_group");
            String label = port(rule.path("protocol").asText("-1"), rule.path("from_port"), rule.path("to_port"));
            String source = Values.isTrue(rule.path("self")) ? target
                    : resolve(rule.path("source_security_group_id"), "aws_security_group");
            if (source != null) {
                ingress(target, source, null, null, label);
            }
            for (JsonNode cidr : Values.elements(rule.path("cidr_blocks"))) {
                ingress(target, null, cidr.asText(), null, label);
            }
        }
        for (String address : addresses("aws_security_group")) {
            for (JsonNode rule : Values.elements(item(address).path("ingress"))) {
                String label = port(rule.path("protocol").asText("-1"), rule.path("from_port"), rule.path("to_port"));
                for (JsonNode group : Values.elements(rule.path("security_groups"))) {
                    ingress(address, resolve(group, "aws_security_group"), null, null, label);
                }
                for (JsonNode cidr : Values.elements(rule.path("cidr_blocks"))) {
                    ingress(address, null, cidr.asText(), null, label);
                }
            }
        }
    }

    private void member(String type, String attribute) {
        for (String address : addresses(type)) {
            for (JsonNode id : Values.elements(item(address).path(attribute))) {
                String sg = resolve(id, "aws_security_group");
                if (sg != null) {
                    members.computeIfAbsent(sg, k -> new ArrayList<>()).add(address);
                }
            }
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
                addTraffic(source, target, label);
            }
        }
    }

    /** The box a CIDR source is drawn as: the internet, a list variable, or the block itself. */
    private String cidrNode(String cidr, JsonNode forEach, List<String> targets) {
        if (WORLD.contains(cidr)) {
            internet();
            return INTERNET;
        }
        if (cidr.equals("${each.value}") && forEach != null && forEach.isTextual()) {
            Matcher m = EACH_OF.matcher(forEach.asText());
            String expression = m.matches() ? m.group(1) : forEach.asText().replace("${", "").replace("}", "");
            String id = "cidrs:" + expression;
            if (!nodes.containsKey(id)) {
                add(outside, new Node(id, "CIDR list", expression, Kind.CIDR));
            }
            return id;
        }
        for (Vpc vpc : vpcs) {
            if (vpc.cidr.equals(cidr)) {
                // The whole VPC: drawn for a NAT by its routes instead.
                if (targets.stream().allMatch(t -> nodes.containsKey(t) && nodes.get(t).kind() == Kind.NAT)) {
                    return null;
                }
                String id = "cidr:" + cidr;
                if (!nodes.containsKey(id)) {
                    add(outside, new Node(id, cidr, "the whole VPC", Kind.CIDR));
                }
                return id;
            }
        }
        String id = "cidr:" + cidr;
        if (!nodes.containsKey(id)) {
            add(outside, new Node(id, cidr, "CIDR block", Kind.CIDR));
        }
        return id;
    }

    private void internet() {
        if (!nodes.containsKey(INTERNET)) {
            add(outside, new Node(INTERNET, "Internet", null, Kind.INTERNET));
        }
    }

    private void addTraffic(String from, String to, String label) {
        if (INTERNET.equals(from)) {
            internet();
        }
        traffic.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new LinkedHashSet<>()).add(label);
    }

    private static String port(String protocol, JsonNode from, JsonNode to) {
        if (protocol.equals("-1") || protocol.equals("all")) {
            return "all";
        }
        String range = from.asText("?").equals(to.asText("?")) ? from.asText("?") : from.asText("?") + "-" + to.asText("?");
        String name = protocol.equals("6") ? "tcp" : protocol.equals("17") ? "udp" : protocol;
        return name + " " + range;
    }

    /** "tcp 80", "tcp 8080, 8081", "tcp 22; udp 53", "all". */
    private static String ports(Set<String> labels) {
        Map<String, TreeSet<String>> byProtocol = new TreeMap<>();
        List<String> other = new ArrayList<>();
        for (String label : labels) {
            int space = label.indexOf(' ');
            if (space < 0 || !label.startsWith("tcp ") && !label.startsWith("udp ") && !label.startsWith("icmp ")) {
                other.add(label);
            } else {
                byProtocol.computeIfAbsent(label.substring(0, space), k -> new TreeSet<>(Topology::comparePorts))
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

    // ---- Routes ----------------------------------------------------------------------------------

    private void readRoutes() {
        Map<String, List<String>> subnetsByTable = new TreeMap<>();
        tables().forEach((subnet, table) -> subnetsByTable.computeIfAbsent(table, k -> new ArrayList<>()).add(subnet));
        Map<String, String> defaultTarget = new TreeMap<>();
        for (String address : addresses("aws_route")) {
            JsonNode route = item(address);
            if (!WORLD.contains(Values.text(route.path("destination_cidr_block"), ""))) {
                continue;
            }
            String table = resolve(route.path("route_table_id"), "aws_route_table");
            String target = natTarget(route);
            if (table != null && target != null) {
                defaultTarget.put(table, target);
            }
        }
        for (String table : addresses("aws_route_table")) {
            for (JsonNode route : Values.elements(item(table).path("route"))) {
                if (WORLD.contains(Values.text(route.path("cidr_block"), "")) && natTarget(route) != null) {
                    defaultTarget.put(table, natTarget(route));
                }
            }
        }
        defaultTarget.forEach((table, target) -> {
            natTargets.add(target);
            for (String subnet : subnetsByTable.getOrDefault(table, List.of())) {
                edges.add(new Edge(subnet, target, "0.0.0.0/0", true));
            }
        });
        // Per-zone NAT watchers: each may take over every other zone's private table (drawn dotted).
        for (String group : addresses("aws_autoscaling_group")) {
            Matcher tables = WATCHED_TABLES.matcher(userDataOf(group));
            if (!natTargets.contains(group) || !userDataOf(group).contains("growstack-nat-watch") || !tables.find()) {
                continue;
            }
            for (String reference : tables.group(1).split(" ")) {
                String table = resolve(new com.fasterxml.jackson.databind.node.TextNode(reference), "aws_route_table");
                if (table != null && !group.equals(defaultTarget.get(table))) {
                    for (String subnet : subnetsByTable.getOrDefault(table, List.of())) {
                        edges.add(new Edge(subnet, group, FAILOVER, true));
                    }
                }
            }
        }
        // A NAT in a public subnet sends what it forwards to the internet.
        for (String nat : natTargets) {
            boolean inPublicSubnet = subnets.values().stream().anyMatch(s -> s.isPublic
                    && s.nodes.stream().anyMatch(n -> n.id().equals(nat)));
            if (inPublicSubnet) {
                addTraffic(nat, INTERNET, "outbound");
            }
        }
    }

    private String natTarget(JsonNode route) {
        String gateway = resolve(route.path("nat_gateway_id"), "aws_nat_gateway");
        if (gateway != null) {
            return gateway;
        }
        String instance = resolve(route.path("network_interface_id"), "aws_instance");
        if (instance != null && "primary_network_interface_id".equals(attribute(route.path("network_interface_id")))) {
            return instance;
        }
        String staticInterface = resolve(route.path("network_interface_id"), "aws_network_interface");
        if (staticInterface != null) {
            return natHostOf(staticInterface);
        }
        return resolve(route.path("instance_id"), "aws_instance");
    }

    /**
     * The Auto Scaling group whose hosts attach the static interface {@code eni} at boot (their
     * launch template's user data names it), or the interface itself when no group does.
     */
    private String natHostOf(String eni) {
        String reference = "${" + eni + ".id}";
        for (String group : addresses("aws_autoscaling_group")) {
            if (userDataOf(group).contains("NAT_INTERFACE_ID=" + reference + "\n")) {
                return group;
            }
        }
        return eni;
    }

    /** The user data of a group's launch template as Terraform templates it (from a local), or "". */
    private String userDataOf(String group) {
        String template = resolve(first(item(group).path("launch_template")).path("id"), "aws_launch_template");
        if (template == null) {
            return "";
        }
        // Raw text: both are templates (references inside), which Values.text() does not return.
        Matcher local = LOCAL_USER_DATA.matcher(item(template).path("user_data").asText(""));
        return local.matches() ? model.locals().getOrDefault(local.group(1), MissingNode.getInstance()).asText("") : "";
    }

    // ---- Delivery --------------------------------------------------------------------------------

    private void readDelivery() {
        List<String> apps = addresses("aws_codedeploy_app");
        for (String app : apps) {
            add(regional, new Node(app, title(app), "CodeDeploy " + Values.text(item(app).path("name"), ""), Kind.DEPLOY));
        }
        for (String group : addresses("aws_codedeploy_deployment_group")) {
            JsonNode deployment = item(group);
            String app = resolve(deployment.path("app_name"), "aws_codedeploy_app");
            String appName = Values.text(deployment.path("app_name"));
            for (String candidate : apps) {
                if (app == null && appName != null && appName.equals(Values.text(item(candidate).path("name")))) {
                    app = candidate;
                }
            }
            if (app == null) {
                continue;
            }
            Set<String> targets = new TreeSet<>();
            for (JsonNode asg : Values.elements(deployment.path("autoscaling_groups"))) {
                String target = resolve(asg, "aws_autoscaling_group");
                if (target != null) {
                    targets.add(target);
                }
            }
            for (JsonNode info : Values.elements(first(deployment.path("load_balancer_info")).path("target_group_info"))) {
                String targetGroup = resolve(info.path("name"), "aws_lb_target_group");
                for (String asg : addresses("aws_autoscaling_group")) {
                    if (targetGroup != null && Values.elements(item(asg).path("target_group_arns")).stream()
                            .anyMatch(arn -> targetGroup.equals(resolve(arn, "aws_lb_target_group")))) {
                        targets.add(asg);
                    }
                }
            }
            // Blue/green: the replacement group is found behind the same target group, or launches from the
            // same template (Terraform owns both groups; CodeDeploy attaches the target group itself).
            Set<String> templates = new TreeSet<>();
            for (String target : targets) {
                String template = resolve(first(item(target).path("launch_template")).path("id"), "aws_launch_template");
                if (template != null) {
                    templates.add(template);
                }
            }
            for (String asg : addresses("aws_autoscaling_group")) {
                if (templates.contains(resolve(first(item(asg).path("launch_template")).path("id"), "aws_launch_template"))) {
                    targets.add(asg);
                }
            }
            for (String target : targets) {
                addTraffic(app, target, "deploy");
            }
        }
        boolean github = addresses("aws_iam_openid_connect_provider").stream().anyMatch(p ->
                item(p).path("url").asText("").contains("token.actions.githubusercontent.com"));
        List<String> roles = addresses("aws_iam_role").stream().filter(r ->
                item(r).path("assume_role_policy").asText("").contains("token.actions.githubusercontent.com")).toList();
        if (!github && roles.isEmpty()) {
            return;
        }
        add(outside, new Node(GITHUB, "GitHub", "Actions (OIDC)", Kind.EXTERNAL));
        for (String app : apps) {
            addTraffic(GITHUB, app, "deploy");
        }
        for (String role : roles) {
            for (String policy : addresses("aws_iam_role_policy")) {
                if (!role.equals(resolve(item(policy).path("role"), "aws_iam_role"))) {
                    continue;
                }
                String document = item(policy).path("policy").asText("");
                for (String bucket : addresses("aws_s3_bucket")) {
                    String name = Values.text(item(bucket).path("bucket"));
                    if (document.contains("${" + bucket + ".") || name != null && document.contains(":::" + name)) {
                        addTraffic(GITHUB, bucket, "upload");
                    }
                }
            }
        }
    }

    /** The box with {@code id}, if any. */
    Node node(String id) {
        return nodes.get(id);
    }
}
