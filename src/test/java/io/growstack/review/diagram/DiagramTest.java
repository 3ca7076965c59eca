package io.growstack.review.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Tools;
import io.growstack.web.StaticSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The diagram of the seed's version-4 shape built from the real blocks: a network with a NAT
 * instance, a bastion, an auto-scaled service behind a load balancer, a database, and a server standing
 * in for monitoring. The DOT is parsed back and the arrows that carry the story are asserted.
 */
class DiagramTest {
    private static final String CERTIFICATE =
            "arn:aws:acm:ap-northeast-2:123456789012:certificate/00000000-0000-0000-0000-000000000000";
    private static final String ALB = "aws_lb.service_alb";
    private static final String GROUP = "aws_autoscaling_group.service_group";
    private static final String DATABASE = "aws_db_instance.database_instance";
    private static final String MONITORING = "aws_instance.monitoring_instance";
    private static final String BASTION = "aws_instance.bastion_host_instance";
    private static final String NAT = "aws_autoscaling_group.network_nat-group";
    private static final String INTERNET = "internet";

    private static Synthesized stack;
    private static Diagram diagram;
    private static DotGraph graph;

    @BeforeAll
    static void synth() {
        stack = TestStacks.synthStack("diagram-v4", s -> {
            Network network = new Network(s, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build());
            Bastion bastion = new Bastion(s, "bastion", BastionProps.builder(network).ami(TestStacks.X86_AMI)
                    .allowSshFrom(List.of("203.0.113.7/32")).build());
            AutoScaledService service = new AutoScaledService(s, "service", AutoScaledServiceProps.builder(network)
                    .ami(TestStacks.ARM_AMI).certificateArn(CERTIFICATE).build());
            Database database = new Database(s, "database", DatabaseProps.builder(network).build());
            database.connections().allowDefaultPortFrom(service, "MySQL from the service");
            Server monitoring = new Server(s, "monitoring", ServerProps.builder(network).instanceType("t4g.small")
                    .ami(TestStacks.ARM_AMI).build());
            service.allowManagementFrom(monitoring);
            monitoring.connections().allowFrom(bastion, Port.tcp(3000), "Grafana through the bastion tunnel");
            new StaticSite(s, "site");
        });
        diagram = Diagram.of(stack.json());
        graph = DotGraph.parse(diagram.dot());
    }

    private static DotGraph.Edge edge(String from, String to) {
        DotGraph.Edge edge = graph.edge(from, to);
        assertThat(edge).as("edge " + from + " -> " + to + " in\n" + diagram.dot()).isNotNull();
        return edge;
    }

    @Test
    void theInternetReachesOnlyTheLoadBalancerOn80And443() {
        assertThat(DotGraph.ports(edge(INTERNET, ALB).label(), "tcp")).containsExactly("80", "443");
        assertThat(graph.edges).filteredOn(e -> e.from().equals(INTERNET) && e.visible())
                .extracting(DotGraph.Edge::to)
                .containsExactlyInAnyOrder(ALB, "aws_cloudfront_distribution.site_distribution");
    }

    @Test
    void theLoadBalancerReachesTheAppPortAndTheManagementPortAndMonitoringTheManagementPort() {
        assertThat(DotGraph.ports(edge(ALB, GROUP).label(), "tcp")).containsExactly("8080", "8081");
        assertThat(DotGraph.ports(edge(MONITORING, GROUP).label(), "tcp")).containsExactly("8081");
    }

    @Test
    void theAppReachesTheDatabaseOn3306AndNothingElseDoes() {
        assertThat(DotGraph.ports(edge(GROUP, DATABASE).label(), "tcp")).containsExactly("3306");
        assertThat(graph.edges).filteredOn(e -> e.to().equals(DATABASE) && e.visible()).extracting(DotGraph.Edge::from)
                .containsExactly(GROUP);
    }

    @Test
    void theBastionReachesGrafanaOn3000AndOnlyTheAdminCidrReachesTheBastion() {
        assertThat(DotGraph.ports(edge(BASTION, MONITORING).label(), "tcp")).containsExactly("3000");
        assertThat(DotGraph.ports(edge("cidr:203.0.113.7/32", BASTION).label(), "tcp")).containsExactly("22");
        assertThat(graph.edges).filteredOn(e -> e.to().equals(BASTION) && e.visible()).extracting(DotGraph.Edge::from)
                .containsExactly("cidr:203.0.113.7/32");
    }

    @Test
    void thePrivateSubnetsRouteToTheNatInstanceWhichForwardsToTheInternet() {
        for (String subnet : List.of("aws_subnet.network_private-subnet-1", "aws_subnet.network_private-subnet-2")) {
            DotGraph.Edge route = edge(subnet, NAT);
            assertThat(route.label()).isEqualTo("0.0.0.0/0");
            assertThat(route.attributes()).containsEntry("ltail", "cluster_" + subnet);
        }
        assertThat(graph.edges).filteredOn(e -> e.to().equals(NAT) && e.visible()).hasSize(2);
        assertThat(edge(NAT, INTERNET).label()).isEqualTo("outbound");
    }

    @Test
    void theSelfHealingNatIsDrawnAsANatInstanceNotAsAnAppGroup() {
        assertThat(diagram.dot()).contains("NAT instance · t3.nano · self-healing");
    }

    @Test
    void natInstancesPerZoneEachServeTheirZoneAndMayTakeOverTheOther() {
        Synthesized zones = TestStacks.synthStack("diagram-nat-per-az", s -> new Network(s, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES).nat(NatProvider.instancePerAz()).build()));
        DotGraph perAz = DotGraph.parse(Diagram.of(zones.json()).dot());
        String nat1 = "aws_autoscaling_group.network_nat-group-1";
        String nat2 = "aws_autoscaling_group.network_nat-group-2";
        assertThat(perAz.edges).filteredOn(e -> e.visible() && e.from().equals("aws_subnet.network_private-subnet-1"))
                .extracting(DotGraph.Edge::to, DotGraph.Edge::label)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(nat1, "0.0.0.0/0"),
                        org.assertj.core.groups.Tuple.tuple(nat2, "failover"));
        assertThat(perAz.edges).filteredOn(e -> e.visible() && e.from().equals("aws_subnet.network_private-subnet-2"))
                .extracting(DotGraph.Edge::to, DotGraph.Edge::label)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(nat2, "0.0.0.0/0"),
                        org.assertj.core.groups.Tuple.tuple(nat1, "failover"));
        assertThat(Diagram.of(zones.json()).dot()).contains("NAT instance · t3.nano · self-healing · fails over");
    }

    @Test
    void boxesSitInTheirSubnetsInZoneColumnsAndServicesOutsideTheVpc() {
        String vpc = "cluster_aws_vpc.network_vpc";
        String zoneA = vpc + "_ap-northeast-2a";
        assertThat(graph.nodes.get(NAT).clusters()).containsExactly("cluster_region", vpc, zoneA,
                "cluster_aws_subnet.network_public-subnet-1");
        assertThat(graph.nodes.get(BASTION).clusters()).containsExactly("cluster_region", vpc, zoneA,
                "cluster_aws_subnet.network_public-subnet-1");
        assertThat(graph.nodes.get(MONITORING).clusters()).containsExactly("cluster_region", vpc, zoneA,
                "cluster_aws_subnet.network_private-subnet-1");
        assertThat(graph.nodes.get("aws_subnet.network_private-subnet-2").clusters()).containsExactly("cluster_region",
                vpc, vpc + "_ap-northeast-2c", "cluster_aws_subnet.network_private-subnet-2");
        for (String spanning : List.of(ALB, GROUP, DATABASE)) {
            assertThat(graph.nodes.get(spanning).clusters()).as(spanning).containsExactly("cluster_region", vpc);
        }
        assertThat(graph.nodes.get("aws_s3_bucket.site_content_bucket").clusters()).containsExactly("cluster_region");
        assertThat(graph.nodes.get("aws_cloudfront_distribution.site_distribution").clusters()).isEmpty();
        assertThat(graph.nodes.get(INTERNET).clusters()).isEmpty();
        assertThat(graph.nodes.get(ALB).label()).isEqualTo("service\nApplication Load Balancer\nspans 2 public subnets");
        assertThat(graph.nodes.get(GROUP).label())
                .isEqualTo("service\nAuto Scaling group · t4g.micro · 1..6\nspans 2 private subnets");
        assertThat(graph.nodes.get(DATABASE).label())
                .isEqualTo("database\nRDS MySQL 8.4 · db.t4g.micro\nspans 2 private subnets");
        assertThat(graph.nodes.get(NAT).label()).isEqualTo("network\nNAT instance · t3.nano · self-healing");
        assertThat(graph.nodes.get(BASTION).label()).isEqualTo("bastion/host\nEC2 t3.nano · spot");
        assertThat(diagram.dot()).contains("label=\"network_private-subnet-2\\nprivate  10.0.144.0/20\"")
                .contains("label=\"ap-northeast-2c\";");
    }

    @Test
    void cloudFrontReadsTheBucketThroughItsOriginAccessControl() {
        assertThat(edge("aws_cloudfront_distribution.site_distribution", "aws_s3_bucket.site_content_bucket").label())
                .isEqualTo("origin (OAC)");
    }

    @Test
    void theDotIsDeterministic() {
        assertThat(Diagram.of(stack.json()).dot()).isEqualTo(diagram.dot());
    }

    @Test
    void graphvizLaysOutTheSameEdgesAndWritesAnSvg() throws IOException {
        Tools.require("dot", "Graphviz lays out the architecture diagram");
        String plain = new String(Diagram.render(diagram.dot(), "plain"), StandardCharsets.UTF_8);
        Set<String> laidOut = new HashSet<>();
        for (String line : plain.split("\n")) {
            if (line.startsWith("edge ")) {
                String[] fields = line.split(" ");
                laidOut.add(fields[1].replace("\"", "") + " -> " + fields[2].replace("\"", ""));
            }
        }
        Set<String> written = new HashSet<>();
        graph.edges.forEach(e -> written.add(e.from() + " -> " + e.to()));
        assertThat(laidOut).isEqualTo(written);

        String svg = diagram.svg();
        assertThat(svg).contains("<svg").contains("<title>" + ALB + "</title>").contains("tcp 8080, 8081");
        Files.writeString(stack.dir().resolve("architecture.svg"), svg);
        Files.write(stack.dir().resolve("architecture.png"), Diagram.render(diagram.dot(), "png"));
    }

    @Test
    void codeDeployAndGitHubAppearOutsideTheVpcWhenTheStackHasThem() throws IOException {
        JsonNode json = new ObjectMapper().readTree(getClass().getResourceAsStream("/review/diagram/delivery.json"));
        DotGraph delivery = DotGraph.parse(Diagram.of(json).dot());
        assertThat(delivery.nodes.get("github").label()).isEqualTo("GitHub\nActions (OIDC)");
        assertThat(delivery.nodes.get("aws_codedeploy_app.app").clusters()).containsExactly("cluster_region");
        assertThat(delivery.edge("github", "aws_codedeploy_app.app").label()).isEqualTo("deploy");
        assertThat(delivery.edge("github", "aws_s3_bucket.artifacts").label()).isEqualTo("upload");
        assertThat(delivery.edge("aws_codedeploy_app.app", "aws_autoscaling_group.app").label()).isEqualTo("deploy");
        assertThat(delivery.edge("aws_codedeploy_app.app", "aws_autoscaling_group.app-green").label())
                .as("blue/green: the replacement group launches from the same template").isEqualTo("deploy");
        // A hand-written inline rule from the whole VPC is drawn from the VPC's block.
        assertThat(delivery.edge("cidr:10.1.0.0/16", "aws_autoscaling_group.app").label()).isEqualTo("tcp 8080");
    }

    @Test
    void aGroupOnALaunchConfigurationBesideADeployedGroupIsDrawnWithoutADeployArrow() throws IOException {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(
                getClass().getResourceAsStream("/review/diagram/delivery.json"));
        ObjectNode legacy = ((ObjectNode) json.path("resource").path("aws_autoscaling_group")).putObject("legacy");
        legacy.put("name", "legacy").put("min_size", 1).put("max_size", 1)
                .put("launch_configuration", "legacy-config").putArray("vpc_zone_identifier").add("${aws_subnet.app_a.id}");
        DotGraph delivery = DotGraph.parse(Diagram.of(json).dot());
        assertThat(delivery.nodes).containsKey("aws_autoscaling_group.legacy");
        assertThat(delivery.edge("aws_codedeploy_app.app", "aws_autoscaling_group.app").label()).isEqualTo("deploy");
        assertThat(delivery.edges).noneMatch(e -> e.from().equals("aws_codedeploy_app.app")
                && e.to().equals("aws_autoscaling_group.legacy"));
    }
}
