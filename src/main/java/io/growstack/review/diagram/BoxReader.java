package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.Values;
import io.growstack.review.diagram.Topology.Kind;
import io.growstack.review.diagram.Topology.Node;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the boxes — hosts, NATs, load balancers, groups, databases, caches, buckets, CDNs — and places
 * each in the subnets it runs in.
 */
final class BoxReader extends TopologyReader {
    BoxReader(StackView view, Topology topology) {
        super(view, topology);
    }

    @Override
    void read() {
        instances();
        natGateways();
        loadBalancers();
        groups();
        databases();
        caches();
        buckets();
        distributions();
    }

    /** Plain instances; one a default route names is a NAT instance. */
    private void instances() {
        Set<String> natInstances = new TreeSet<>();
        for (String address : view.addresses("aws_route")) {
            JsonNode route = view.item(address);
            String nic = view.resolve(route.path("network_interface_id"), "aws_instance");
            String instance = view.resolve(route.path("instance_id"), "aws_instance");
            if (nic != null) {
                natInstances.add(nic);
            }
            if (instance != null) {
                natInstances.add(instance);
            }
        }
        for (String address : view.addresses("aws_instance")) {
            JsonNode instance = view.item(address);
            String type = Values.text(instance.path("instance_type"), "?");
            boolean nat = natInstances.contains(address);
            JsonNode market = StackView.first(instance.path("instance_market_options"));
            boolean spot = "spot".equals(Values.text(market.path("market_type")));
            String detail = nat ? "NAT instance · " + type : "EC2 " + type + (spot ? " · spot" : "");
            topology.place(new Node(address, view.title(address), detail, nat ? Kind.NAT : Kind.INSTANCE),
                    List.of(instance.path("subnet_id")));
        }
    }

    private void natGateways() {
        for (String address : view.addresses("aws_nat_gateway")) {
            JsonNode gateway = view.item(address);
            String connectivity = Values.text(gateway.path("connectivity_type"), "public");
            String detail = "NAT gateway" + (connectivity.equals("private") ? " (private)" : "");
            topology.place(new Node(address, view.title(address), detail, Kind.NAT), List.of(gateway.path("subnet_id")));
        }
    }

    private void loadBalancers() {
        for (String address : view.addresses("aws_lb")) {
            JsonNode lb = view.item(address);
            String type = Values.text(lb.path("load_balancer_type"), "application");
            String detail = (type.equals("application") ? "Application" : type.equals("network") ? "Network" : "Gateway")
                    + " Load Balancer" + (Values.isTrue(lb.path("internal")) ? " · internal" : "");
            List<JsonNode> where = Values.elements(lb.path("subnets"));
            for (JsonNode mapping : Values.elements(lb.path("subnet_mapping"))) {
                where.add(mapping.path("subnet_id"));
            }
            topology.place(new Node(address, view.title(address), detail, Kind.LOAD_BALANCER), where);
        }
    }

    /** Auto Scaling groups; one whose hosts attach the interface a default route names is a self-healing NAT. */
    private void groups() {
        Set<String> natHosts = new TreeSet<>();
        for (String address : view.addresses("aws_route")) {
            String eni = view.resolve(view.item(address).path("network_interface_id"), "aws_network_interface");
            if (eni != null) {
                natHosts.add(view.natHostOf(eni));
            }
        }
        for (String address : view.addresses("aws_autoscaling_group")) {
            JsonNode group = view.item(address);
            String template = view.launchTemplateOf(address);
            String type = template == null ? "?" : Values.text(view.item(template).path("instance_type"), "?");
            String capacity = Values.text(group.path("min_size"), group.path("min_size").asText("?")) + ".."
                    + group.path("max_size").asText("?");
            boolean nat = natHosts.contains(address);
            String detail = nat ? "NAT instance · " + type + " · self-healing"
                    + (view.userDataOf(address).contains("growstack-nat-watch") ? " · fails over" : "")
                    : "Auto Scaling group · " + type + " · " + capacity;
            topology.place(new Node(address, view.title(address), detail, nat ? Kind.NAT : Kind.GROUP),
                    Values.elements(group.path("vpc_zone_identifier")));
        }
        for (String eni : view.addresses("aws_network_interface")) {
            if (natHosts.contains(eni)) {
                topology.place(new Node(eni, view.title(eni), "NAT interface (no host in this stack)", Kind.NAT),
                        List.of(view.item(eni).path("subnet_id")));
            }
        }
    }

    private void databases() {
        for (String address : view.addresses("aws_db_instance")) {
            JsonNode db = view.item(address);
            String engine = Values.text(db.path("engine"), "?");
            String detail = "RDS " + (engine.equals("mysql") ? "MySQL" : engine) + " "
                    + Values.text(db.path("engine_version"), "") + " · " + Values.text(db.path("instance_class"), "?")
                    + (Values.isTrue(db.path("multi_az")) ? " · Multi-AZ" : "");
            String group = view.resolve(db.path("db_subnet_group_name"), "aws_db_subnet_group");
            topology.place(new Node(address, view.title(address), detail.replace("  ", " "), Kind.DATABASE),
                    subnetsOf(group));
        }
    }

    private void caches() {
        for (String address : view.addresses("aws_elasticache_replication_group")) {
            JsonNode cache = view.item(address);
            String group = view.resolve(cache.path("subnet_group_name"), "aws_elasticache_subnet_group");
            int nodes = cache.path("num_cache_clusters").asInt(1);
            String detail = "ElastiCache " + Values.text(cache.path("engine"), "redis") + " · "
                    + Values.text(cache.path("node_type"), "?") + (nodes > 1 ? " x" + nodes : "");
            topology.place(new Node(address, view.title(address), detail, Kind.CACHE), subnetsOf(group));
        }
    }

    /** The subnets of a DB or cache subnet group; none when the group is not in the stack. */
    private List<JsonNode> subnetsOf(String subnetGroup) {
        return subnetGroup == null ? List.of() : Values.elements(view.item(subnetGroup).path("subnet_ids"));
    }

    private void buckets() {
        for (String address : view.addresses("aws_s3_bucket")) {
            JsonNode bucket = view.item(address);
            String detail = "S3 bucket " + Values.text(bucket.path("bucket"), "");
            topology.addRegional(new Node(address, view.title(address), detail, Kind.BUCKET));
        }
    }

    private void distributions() {
        for (String address : view.addresses("aws_cloudfront_distribution")) {
            topology.addOutside(new Node(address, view.title(address), "CloudFront distribution", Kind.CDN));
            JsonNode distribution = view.item(address);
            JsonNode behavior = StackView.first(distribution.path("default_cache_behavior"));
            String policy = Values.text(behavior.path("viewer_protocol_policy"), "");
            topology.addTraffic(Topology.INTERNET, address, policy.equals("https-only") ? "https" : "http, https");
            for (JsonNode origin : Values.elements(distribution.path("origin"))) {
                String bucket = view.resolve(origin.path("domain_name"), "aws_s3_bucket");
                if (bucket != null) {
                    topology.addTraffic(address, bucket, origin.hasNonNull("origin_access_control_id") ? "origin (OAC)" : "origin");
                }
            }
        }
    }
}
