package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the diagram shows, read from a synthesized stack: VPCs with their subnets by tier and zone,
 * the boxes placed in them, services outside, and the traffic security groups and routes allow.
 *
 * <p>This class holds the picture and where a box goes; {@link SubnetReader}, {@link BoxReader},
 * {@link SecurityGroupTraffic}, {@link RouteReader} and {@link DeliveryReader} fill it, in that order,
 * because boxes need their subnets, traffic needs the boxes, and routes need to know which boxes are NATs.
 */
final class Topology {
    static final String INTERNET = "internet";
    static final String GITHUB = "github";
    /** The label of a route a NAT watcher may take over when that zone's own NAT fails. */
    static final String FAILOVER = "failover";
    static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

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

    private final StackView view;
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
    /** (from, to) to the ports allowed, in order. */
    private final Map<String, Map<String, Set<String>>> traffic = new TreeMap<>();

    Topology(StackModel model) {
        this.view = new StackView(model);
        this.stackName = view.stackName();
        this.region = view.region();
        new SubnetReader(view, this).read();
        new BoxReader(view, this).read();
        new SecurityGroupTraffic(view, this).read();
        new RouteReader(view, this).read();
        new DeliveryReader(view, this).read();
        for (Map.Entry<String, Map<String, Set<String>>> from : traffic.entrySet()) {
            for (Map.Entry<String, Set<String>> to : from.getValue().entrySet()) {
                edges.add(new Edge(from.getKey(), to.getKey(), PortLabels.join(to.getValue()), false));
            }
        }
    }

    /** The box with {@code id}, if any. */
    Node node(String id) {
        return nodes.get(id);
    }

    Collection<Subnet> subnets() {
        return subnets.values();
    }

    void addSubnet(Subnet subnet) {
        subnets.put(subnet.address, subnet);
    }

    /** The VPC at {@code address}; subnets of a VPC outside the stack share one pseudo VPC. */
    Vpc vpcFor(String address) {
        for (Vpc vpc : vpcs) {
            if (vpc.address.equals(address)) {
                return vpc;
            }
        }
        for (Vpc vpc : vpcs) {
            if (vpc.address.equals("external")) {
                return vpc;
            }
        }
        Vpc external = new Vpc("external", "existing VPC", "not in this stack");
        vpcs.add(external);
        return external;
    }

    /** Puts a box in its subnet, its VPC's tier (when it spans one tier's subnets), its VPC, or the region. */
    void place(Node node, List<JsonNode> subnetRefs) {
        nodes.put(node.id(), node);
        List<Subnet> where = new ArrayList<>();
        for (JsonNode ref : subnetRefs) {
            String address = view.resolve(ref, "aws_subnet");
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

    void addRegional(Node node) {
        add(regional, node);
    }

    void addOutside(Node node) {
        add(outside, node);
    }

    /** Adds an outside box once: several rules may name one CIDR. */
    void addOutsideOnce(Node node) {
        if (!nodes.containsKey(node.id())) {
            addOutside(node);
        }
    }

    private void add(List<Node> list, Node node) {
        nodes.put(node.id(), node);
        list.add(node);
    }

    void internet() {
        addOutsideOnce(new Node(INTERNET, "Internet", null, Kind.INTERNET));
    }

    void addTraffic(String from, String to, String label) {
        if (INTERNET.equals(from)) {
            internet();
        }
        traffic.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new LinkedHashSet<>()).add(label);
    }
}
