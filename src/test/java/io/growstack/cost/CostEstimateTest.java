package io.growstack.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.cost.CostComponent.Pricing;
import io.growstack.cost.CostComponent.Status;
import io.growstack.data.Cache;
import io.growstack.data.CacheProps;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.io.IOException;
import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Monthly costs of stacks the real blocks synthesize. Every expected figure is literal arithmetic
 * on the ap-northeast-2 price book (730 hours a month), never a call into the estimator.
 */
class CostEstimateTest {
    private static final Offset<Double> CENT = within(1e-9);
    private static final PriceBook BOOK = PriceBook.defaultBook();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Synthesized natInstance;
    private static Synthesized natGateway;

    @BeforeAll
    static void synth() {
        natInstance = TestStacks.synthStack("cost-nat-instance", stack -> network(stack,
                NatProvider.plainInstance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())));
        natGateway = TestStacks.synthStack("cost-nat-gateway", stack -> network(stack,
                NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE)));
    }

    private static Network network(GrowStack stack, NatProvider nat) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES).nat(nat).build());
    }

    private static Network noNat(GrowStack stack) {
        return network(stack, NatProvider.none());
    }

    private static CostEstimate estimate(Synthesized s) {
        return CostEstimate.of(s.json(), BOOK, Usage.none());
    }

    private static CostComponent line(CostEstimate estimate, String address, String key) {
        ResourceCost resource = estimate.resource(address).orElseThrow(() -> new AssertionError("no cost lines for "
                + address + " in\n" + estimate.toTable()));
        CostComponent line = resource.component(key);
        assertThat(line).as(address + " " + key + " in\n" + estimate.toTable()).isNotNull();
        return line;
    }

    @Test
    void aNatInstancePaysItsHoursRootVolumeAndPublicAddress() {
        CostEstimate estimate = estimate(natInstance);
        String nat = "aws_instance.network_nat-instance";
        assertThat(line(estimate, nat, "instance_hours").asSet()).isCloseTo(0.0065 * 730, CENT);
        assertThat(line(estimate, nat, "instance_hours").name()).isEqualTo("Instance usage (Linux/UNIX, on-demand, t3.nano)");
        assertThat(line(estimate, nat, "root_volume").asSet()).isCloseTo(8 * 0.0912, CENT);
        assertThat(line(estimate, nat, "public_ipv4").asSet()).isCloseTo(0.005 * 730, CENT);
        assertThat(estimate.resource(nat).orElseThrow().asSet()).isCloseTo(0.0065 * 730 + 8 * 0.0912 + 0.005 * 730, CENT);
        // Nothing else in the network costs money: VPC, subnets, routes, the S3 gateway endpoint are free.
        assertThat(estimate.totals().asSet()).isCloseTo(0.0065 * 730 + 8 * 0.0912 + 0.005 * 730, CENT);
        assertThat(estimate.free()).contains("aws_vpc.network_vpc", "aws_vpc_endpoint.network_s3-endpoint",
                "aws_route.network_private-default-route-1");
        assertThat(estimate.notPriced()).isEmpty();
        // The instance hours are what a commitment discounts.
        assertThat(line(estimate, nat, "instance_hours").committed()).isCloseTo(0.0065 * 730 * (1 - 0.35), CENT);
        assertThat(line(estimate, nat, "public_ipv4").committed()).isCloseTo(0.005 * 730, CENT);
    }

    @Test
    void theSelfHealingNatPaysItsGroupOfOneAndTwoPublicAddressesTheBootTimeOneAndTheElasticIp() {
        CostEstimate estimate = estimate(TestStacks.synthStack("cost-nat-self-healing", stack -> network(stack,
                NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build()))));
        String group = "aws_autoscaling_group.network_nat-group";
        assertThat(line(estimate, group, "instance_hours").asSet()).isCloseTo(0.0065 * 730, CENT);
        assertThat(line(estimate, group, "root_volume").asSet()).isCloseTo(8 * 0.0912, CENT);
        assertThat(line(estimate, group, "public_ipv4").asSet()).isCloseTo(0.005 * 730, CENT);
        assertThat(line(estimate, "aws_eip.network_nat-eip", "public_ipv4").asSet()).isCloseTo(0.005 * 730, CENT);
        assertThat(line(estimate, "aws_eip.network_nat-eip", "public_ipv4").detail())
                .isEqualTo("on aws_network_interface.network_nat-interface");
        assertThat(estimate.free()).contains("aws_network_interface.network_nat-interface",
                "aws_launch_template.network_nat-launch-template");
        assertThat(estimate.notPriced()).isEmpty();
        assertThat(estimate.totals().asSet()).as("the plain instance plus one public IPv4 address")
                .isCloseTo(0.0065 * 730 + 8 * 0.0912 + 2 * 0.005 * 730, CENT);
    }

    @Test
    void natInstancesPerZonePayOneSelfHealingNatPerZone() {
        CostEstimate estimate = estimate(TestStacks.synthStack("cost-nat-per-az", stack -> network(stack,
                NatProvider.instancePerAz(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build()))));
        assertThat(estimate.totals().asSet()).isCloseTo(2 * (0.0065 * 730 + 8 * 0.0912 + 2 * 0.005 * 730), CENT);
        assertThat(estimate.notPriced()).isEmpty();
    }

    @Test
    void aNatGatewayPaysItsHoursItsPublicAddressAndEachGbProcessed() {
        CostEstimate idle = estimate(natGateway);
        String gateway = "aws_nat_gateway.network_nat-gateway-1";
        assertThat(line(idle, gateway, "nat_hours").asSet()).isCloseTo(0.059 * 730, CENT);
        assertThat(line(idle, "aws_eip.network_nat-eip-1", "public_ipv4").asSet()).isCloseTo(0.005 * 730, CENT);
        assertThat(line(idle, "aws_eip.network_nat-eip-1", "public_ipv4").detail())
                .isEqualTo("the address of aws_nat_gateway.network_nat-gateway-1");
        assertThat(idle.resource(gateway).orElseThrow().component("public_ipv4"))
                .as("the gateway's address is priced once, on its Elastic IP").isNull();
        CostComponent data = line(idle, gateway, "data_processed");
        assertThat(data.status()).isEqualTo(Status.DEPENDS_ON_USAGE);
        assertThat(data.asSet()).isNull();
        assertThat(idle.totals().asSet()).isCloseTo(0.059 * 730 + 0.005 * 730, CENT);
        assertThat(idle.toTable()).contains("Data processed").contains("depends on usage")
                .contains("$0.059 per GB; give monthly_data_processed_gb for aws_nat_gateway.network_nat-gateway-1");

        CostEstimate busy = CostEstimate.of(natGateway.json(), BOOK, Usage.builder()
                .resource(gateway, "monthly_data_processed_gb", 100).build());
        assertThat(line(busy, gateway, "data_processed").asSet()).isCloseTo(100 * 0.059, CENT);
        assertThat(busy.totals().asSet()).isCloseTo(0.059 * 730 + 0.005 * 730 + 100 * 0.059, CENT);
    }

    @Test
    void atZeroTrafficTheNatGatewayCostsAboutFiveTimesTheNatInstanceNotTenBecausePublicIpv4IsBilled() {
        Usage zeroTraffic = Usage.builder().typeDefault("aws_nat_gateway", "monthly_data_processed_gb", 0).build();
        CostEstimate instance = CostEstimate.of(natInstance.json(), BOOK, zeroTraffic);
        CostEstimate gateway = CostEstimate.of(natGateway.json(), BOOK, zeroTraffic);
        double instanceSide = 0.0065 * 730 + 8 * 0.0912 + 0.005 * 730;
        double gatewaySide = 0.059 * 730 + 0.005 * 730 + 0 * 0.059;
        assertThat(instance.totals().asSet()).isCloseTo(instanceSide, CENT);
        assertThat(gateway.totals().asSet()).isCloseTo(gatewaySide, CENT);
        double ratio = gateway.totals().asSet() / instance.totals().asSet();
        assertThat(ratio).as("the seed's 10x compared hours only: 0.059 / 0.0065 = %.1f", 0.059 / 0.0065)
                .isBetween(4.5, 5.5);

        CostComparison change = CostComparison.of(instance, gateway);
        assertThat(change.deltaAsSet()).isCloseTo(gatewaySide - instanceSide, CENT);
        assertThat(change.lines()).filteredOn(l -> l.address().equals("aws_instance.network_nat-instance"))
                .extracting(CostComparison.Line::key, l -> l.delta())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("instance_hours", -0.0065 * 730),
                        org.assertj.core.groups.Tuple.tuple("root_volume", -8 * 0.0912),
                        org.assertj.core.groups.Tuple.tuple("public_ipv4", -0.005 * 730));
        assertThat(change.lines()).filteredOn(l -> l.address().equals("aws_nat_gateway.network_nat-gateway-1")
                && l.key().equals("nat_hours")).singleElement()
                .satisfies(l -> assertThat(l.delta()).isCloseTo(0.059 * 730, CENT));
        assertThat(change.toTable())
                .contains("Monthly cost change from stack cost-nat-instance to stack cost-nat-gateway")
                .contains("aws_instance.network_nat-instance")
                .contains("-$4.75")
                .contains("+$43.07")
                .contains("cost-nat-gateway costs 5.12 x cost-nat-instance as set.");
    }

    @Test
    void theSpotBastionIsPricedAtATypicalSpotPriceWithTheRangeShown() {
        CostEstimate estimate = estimate(TestStacks.synthStack("cost-bastion", stack ->
                new Bastion(stack, "bastion", BastionProps.builder(noNat(stack)).ami(TestStacks.X86_AMI).build())));
        CostComponent hours = line(estimate, "aws_instance.bastion_host_instance", "instance_hours");
        assertThat(hours.pricing()).isEqualTo(Pricing.SPOT);
        assertThat(hours.name()).isEqualTo("Instance usage (Linux/UNIX, spot, t3.nano)");
        assertThat(hours.onDemand()).isCloseTo(0.0065 * 730, CENT);
        assertThat(hours.asSet()).isCloseTo(0.0015 * 730, CENT);
        assertThat(hours.committed()).as("spot stays spot under a commitment").isCloseTo(0.0015 * 730, CENT);
        assertThat(hours.detail()).isEqualTo(
                "spot typical $0.001-$0.002/h, lowest $0.0008/h (M, 2026-11); on-demand $0.0065/h");
        assertThat(line(estimate, "aws_instance.bastion_host_instance", "public_ipv4").asSet())
                .as("the seed's $0.0006/h bastion also pays for its address").isCloseTo(0.005 * 730, CENT);
        assertThat(estimate.totals().asSet()).isCloseTo(0.0015 * 730 + 8 * 0.0912 + 0.005 * 730, CENT);
        assertThat(estimate.totals().onDemand()).isCloseTo(0.0065 * 730 + 8 * 0.0912 + 0.005 * 730, CENT);
        assertThat(estimate.toTable()).contains("spot typical $0.001-$0.002/h, lowest $0.0008/h");
    }

    @Test
    void anAutoScalingGroupIsPricedAtDesiredCapacityWithItsRangeShown() {
        Synthesized s = TestStacks.synthStack("cost-asg", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(noNat(stack)).ami(TestStacks.ARM_AMI).desiredCapacity(2).build()));
        CostEstimate estimate = CostEstimate.of(s.json(), BOOK, Usage.builder()
                .typeDefault("aws_lb", "average_lcus", 0.5).build());
        String group = "aws_autoscaling_group.web_group";
        CostComponent hours = line(estimate, group, "instance_hours");
        assertThat(hours.monthlyQuantity()).isEqualTo(2 * 730.0);
        assertThat(hours.asSet()).isCloseTo(2 * 0.0104 * 730, CENT);
        assertThat(line(estimate, group, "root_volume").asSet()).isCloseTo(2 * 8 * 0.0912, CENT);
        assertThat(hours.detail()).isEqualTo("desired capacity 2 of 1..6; 1..6 instances: $8.32..$49.93 a month as set");
        assertThat(1 * (0.0104 * 730 + 8 * 0.0912)).isCloseTo(8.32, within(0.005));
        assertThat(6 * (0.0104 * 730 + 8 * 0.0912)).isCloseTo(49.93, within(0.005));
        assertThat(estimate.resource(group).orElseThrow().component("public_ipv4")).as("private instances").isNull();

        String alb = "aws_lb.web_alb";
        assertThat(line(estimate, alb, "lb_hours").asSet()).isCloseTo(0.0225 * 730, CENT);
        assertThat(line(estimate, alb, "lcu").asSet()).isCloseTo(0.5 * 730 * 0.008, CENT);
        assertThat(line(estimate, alb, "public_ipv4").asSet()).as("one address per zone").isCloseTo(2 * 0.005 * 730, CENT);
        assertThat(estimate.totals().asSet()).isCloseTo(2 * 0.0104 * 730 + 2 * 8 * 0.0912
                + 0.0225 * 730 + 0.5 * 730 * 0.008 + 2 * 0.005 * 730, CENT);
        assertThat(estimate.totals().committed()).isCloseTo(2 * 0.0104 * 730 * (1 - 0.35) + 2 * 8 * 0.0912
                + 0.0225 * 730 + 0.5 * 730 * 0.008 + 2 * 0.005 * 730, CENT);
    }

    @Test
    void aMultiAzDatabaseCostsTwiceTheSingleAzInstanceAndStorage() {
        CostEstimate single = estimate(TestStacks.synthStack("cost-db-single", stack ->
                new Database(stack, "database", DatabaseProps.builder(noNat(stack)).build())));
        CostEstimate multi = estimate(TestStacks.synthStack("cost-db-multi", stack ->
                new Database(stack, "database", DatabaseProps.builder(noNat(stack)).multiAz(true).build())));
        String db = "aws_db_instance.database_instance";
        assertThat(line(single, db, "db_instance").name()).isEqualTo("Database instance (MySQL, db.t4g.micro, Single-AZ)");
        assertThat(line(single, db, "db_instance").asSet()).isCloseTo(0.025 * 730, CENT);
        assertThat(line(single, db, "db_storage").asSet()).isCloseTo(20 * 0.131, CENT);
        assertThat(line(multi, db, "db_instance").asSet()).isCloseTo(2 * 0.025 * 730, CENT);
        assertThat(line(multi, db, "db_storage").asSet()).isCloseTo(2 * 20 * 0.131, CENT);
        assertThat(line(multi, db, "db_instance").detail()).isEqualTo("Multi-AZ: 2 x Single-AZ (M)");
        assertThat(single.resource(db).orElseThrow().component("extended_support")).as("MySQL 8.4").isNull();
        assertThat(line(single, db, "master_user_secret").asSet()).as("the secret RDS keeps").isCloseTo(0.40, CENT);
        assertThat(single.totals().asSet()).isCloseTo(0.025 * 730 + 20 * 0.131 + 0.40, CENT);
        assertThat(multi.totals().asSet()).isCloseTo(2 * 0.025 * 730 + 2 * 20 * 0.131 + 0.40, CENT);
        assertThat(single.totals().committed()).as("the commitment what-if covers EC2 only")
                .isCloseTo(0.025 * 730 + 20 * 0.131 + 0.40, CENT);
    }

    @Test
    void usageInsideTheFreeTierShowsItsQuantityAtNoCost() throws IOException {
        JsonNode stack = JSON.readTree(getClass().getResourceAsStream("/cost/hand-written.json"));
        CostEstimate estimate = CostEstimate.of(stack, BOOK, Usage.builder()
                .resource("aws_cloudfront_distribution.site", "monthly_data_transfer_to_internet_gb", 200).build());
        CostComponent out = line(estimate, "aws_cloudfront_distribution.site", "data_out");
        assertThat(out.monthlyQuantity()).as("the 200 GB given, not 0").isEqualTo(200.0);
        assertThat(out.asSet()).isZero();
        assertThat(out.detail()).isEqualTo("200 GB of them in the always-free tier");
        assertThat(estimate.toTable()).containsPattern("Data transfer out to internet \\(Asia Pacific\\) +200 +GB +\\$0\\.00");
    }

    @Test
    void alarmsPastTheTenFreeMetricsAndAKmsKeyAndASecretArePriced() throws IOException {
        JsonNode stack = JSON.readTree("""
                {"provider": {"aws": [{"region": "ap-northeast-2"}]}, "resource": {
                  "aws_kms_key": {"alarms": {"enable_key_rotation": true}},
                  "aws_secretsmanager_secret": {"api": {"name": "api"}},
                  "aws_cloudwatch_metric_alarm": {
                    "a1": {"period": 60}, "a2": {"period": 60}, "a3": {"period": 60}, "a4": {"period": 60},
                    "a5": {"period": 60}, "a6": {"period": 60}, "a7": {"period": 60}, "a8": {"period": 60},
                    "a9": {"period": 300}, "math": {"metric_query": [
                      {"id": "m1", "metric": {"metric_name": "RequestCount", "period": 60}},
                      {"id": "m2", "metric": {"metric_name": "HTTPCode_Target_5XX_Count", "period": 60}},
                      {"id": "e1", "expression": "m2 / m1", "return_data": true}]},
                    "fast": {"period": 10}},
                  "aws_sns_topic": {"alarms": {"name": "alarms"}},
                  "aws_sns_topic_subscription": {"ops": {"topic_arn": "${aws_sns_topic.alarms.arn}",
                    "protocol": "email", "endpoint": "ops@example.com"}}}}
                """);
        CostEstimate estimate = CostEstimate.of(stack, BOOK, Usage.none());
        assertThat(line(estimate, "aws_kms_key.alarms", "key").asSet()).isCloseTo(1.0, CENT);
        assertThat(line(estimate, "aws_secretsmanager_secret.api", "secret").asSet()).isCloseTo(0.40, CENT);
        // Nine single-metric alarms and a two-metric one: eleven alarm metrics, ten of them free.
        double alarms = estimate.resources().stream().filter(r -> r.type().equals("aws_cloudwatch_metric_alarm"))
                .flatMap(r -> r.components().stream()).filter(c -> c.asSet() != null).mapToDouble(CostComponent::asSet).sum();
        assertThat(alarms).isCloseTo((11 - 10) * 0.10, CENT);
        assertThat(line(estimate, "aws_cloudwatch_metric_alarm.math", "alarm_metrics").monthlyQuantity()).isEqualTo(2.0);
        assertThat(line(estimate, "aws_cloudwatch_metric_alarm.fast", "alarm_metrics").status())
                .as("high resolution is not in the book").isEqualTo(Status.PRICE_NOT_FOUND);
        assertThat(line(estimate, "aws_sns_topic.alarms", "requests").status()).isEqualTo(Status.DEPENDS_ON_USAGE);
        assertThat(line(estimate, "aws_sns_topic_subscription.ops", "notifications").status())
                .isEqualTo(Status.DEPENDS_ON_USAGE);
        assertThat(estimate.notPriced()).isEmpty();
        assertThat(estimate.totals().asSet()).isCloseTo(1.0 + 0.40 + (11 - 10) * 0.10, CENT);
    }

    @Test
    void mysql80AfterJuly2026PaysExtendedSupportPerVcpu() {
        Synthesized s = TestStacks.synthStack("cost-db-80", stack -> new Database(stack, "database",
                DatabaseProps.builder(noNat(stack)).engineVersion("8.0").instanceClass("db.t3.micro").build()));
        CostEstimate estimate = estimate(s);
        CostComponent extended = line(estimate, "aws_db_instance.database_instance", "extended_support");
        assertThat(extended.asSet()).as("about $175 a month").isCloseTo(2 * 0.120 * 730, CENT);
        assertThat(extended.name()).isEqualTo("Extended support (MySQL 8.0)");
        assertThat(estimate.totals().asSet()).isCloseTo(0.026 * 730 + 20 * 0.131 + 2 * 0.120 * 730 + 0.40, CENT);

        CostEstimate beforeJuly = CostEstimate.of(s.json(), BOOK, Usage.none(),
                CostOptions.defaults().withAsOf(LocalDate.of(2026, 7, 31)));
        assertThat(beforeJuly.resource("aws_db_instance.database_instance").orElseThrow()
                .component("extended_support")).isNull();
    }

    @Test
    void aTokenCdktfHasNotResolvedIsNotAnInstanceTypeAndANegativeCountIsNeverANegativeCost() throws IOException {
        JsonNode stack = JSON.readTree("""
                {"provider": {"aws": [{"region": "ap-northeast-2"}]}, "resource": {
                  "aws_instance": {"token": {"instance_type": "#{TfToken[TOKEN.7]}"}},
                  "aws_eip": {"text": {"count": "-1"}, "number": {"count": -1}}}}
                """);
        CostEstimate estimate = CostEstimate.of(stack, PriceBook.defaultBook(), Usage.none());

        assertThat(estimate.resource("aws_instance.token").orElseThrow().component("instance_hours").detail())
                .isEqualTo("the instance type is not known until apply");
        for (String eip : java.util.List.of("aws_eip.text", "aws_eip.number")) {
            CostComponent address = estimate.resource(eip).orElseThrow().component("public_ipv4");
            assertThat(address.asSet()).as(eip).isCloseTo(0.005 * 730, within(0.001));
            assertThat(address.detail()).as(eip).endsWith("count unknown until plan (for_each/count): priced once");
        }
    }

    @Test
    void anInstanceTypeThePriceBookLacksIsPriceNotFoundNeverZero() {
        CostEstimate estimate = estimate(TestStacks.synthStack("cost-unknown-type", stack -> new Server(stack, "api",
                ServerProps.builder(noNat(stack)).instanceType("m7g.large").ami(TestStacks.ARM_AMI).build())));
        CostComponent hours = line(estimate, "aws_instance.api_instance", "instance_hours");
        assertThat(hours.status()).isEqualTo(Status.PRICE_NOT_FOUND);
        assertThat(hours.asSet()).isNull();
        assertThat(hours.onDemand()).isNull();
        assertThat(hours.detail()).isEqualTo("the ap-northeast-2 price book has no on-demand price for EC2 m7g.large");
        assertThat(estimate.totals().priceNotFound()).isEqualTo(1);
        assertThat(estimate.totals().complete()).isFalse();
        assertThat(estimate.totals().asSet()).as("only the root volume").isCloseTo(8 * 0.0912, CENT);
        assertThat(estimate.toTable())
                .containsPattern("Instance usage \\(Linux/UNIX, on-demand, m7g.large\\)\\s+730\\s+hours\\s+price not found")
                .contains("price not found for 1 line (not counted): aws_instance.api_instance Instance usage");
    }

    @Test
    void aRegionWithoutAPriceBookPricesNothing() {
        Synthesized s = TestStacks.synth("cost-tokyo", app -> new Server(new GrowStack(app, "cost-tokyo",
                io.growstack.core.GrowStackProps.builder("ap-northeast-1").project("test").build()), "api",
                ServerProps.builder(Network.fromAttributes("vpc-0123456789abcdef0", "10.0.0.0/16",
                        java.util.List.of("ap-northeast-1a", "ap-northeast-1c"), java.util.List.of("subnet-0a", "subnet-0b"),
                        java.util.List.of("subnet-1a", "subnet-1b"))).ami(TestStacks.ARM_AMI).build()));
        CostEstimate estimate = CostEstimate.of(s.json(), PriceBook.forRegion("ap-northeast-1"), Usage.none());
        assertThat(estimate.region()).isEqualTo("ap-northeast-1");
        assertThat(line(estimate, "aws_instance.api_instance", "instance_hours").detail())
                .isEqualTo("no price book for region ap-northeast-1");
        // the same stack against the Seoul book
        CostEstimate seoul = estimate(s);
        assertThat(line(seoul, "aws_instance.api_instance", "instance_hours").status()).isEqualTo(Status.PRICE_NOT_FOUND);
        assertThat(line(seoul, "aws_instance.api_instance", "instance_hours").detail())
                .isEqualTo("no prices for region ap-northeast-1 (the price book covers ap-northeast-2)");
        assertThat(seoul.totals().asSet()).isZero();
        assertThat(seoul.totals().priceNotFound()).isEqualTo(2);
    }

    @Test
    void aCacheNodeTypeThePriceBookLacksIsPriceNotFound() {
        CostEstimate estimate = estimate(TestStacks.synthStack("cost-cache", stack ->
                new Cache(stack, "cache", CacheProps.builder(noNat(stack)).build())));
        CostComponent nodes = line(estimate, "aws_elasticache_replication_group.cache_replication-group", "cache_nodes");
        assertThat(nodes.status()).isEqualTo(Status.PRICE_NOT_FOUND);
        assertThat(nodes.name()).isEqualTo("Cache nodes (valkey, cache.t4g.micro, 1 node)");
    }

    @Test
    void handWrittenResourcesArePricedFromTheirJsonWithUsageFromAFile() throws IOException {
        JsonNode stack = JSON.readTree(getClass().getResourceAsStream("/cost/hand-written.json"));
        Usage usage = Usage.read(java.nio.file.Path.of("src/test/resources/cost/usage.yaml"));
        CostEstimate estimate = CostEstimate.of(stack, BOOK, usage);
        // An instance whose ephemeral address gives way to an Elastic IP pays for one address, on the EIP.
        assertThat(estimate.resource("aws_instance.web").orElseThrow().component("public_ipv4")).isNull();
        assertThat(line(estimate, "aws_eip.web", "public_ipv4").asSet()).isCloseTo(0.005 * 730, CENT);
        assertThat(line(estimate, "aws_instance.web", "instance_hours").asSet()).isCloseTo(0.013 * 730, CENT);
        assertThat(line(estimate, "aws_instance.web", "root_volume").asSet()).isCloseTo(30 * 0.114, CENT);
        // No credit specification: a t3 runs unlimited, and its surplus credits depend on usage.
        assertThat(line(estimate, "aws_instance.web", "cpu_credits").status()).isEqualTo(Status.DEPENDS_ON_USAGE);
        // S3: the per-type default, overridden for one bucket.
        assertThat(line(estimate, "aws_s3_bucket.assets", "storage").asSet()).isCloseTo(50 * 0.025, CENT);
        assertThat(line(estimate, "aws_s3_bucket.logs", "storage").asSet()).isCloseTo(5 * 0.025, CENT);
        assertThat(line(estimate, "aws_s3_bucket.assets", "tier1_requests").asSet()).isCloseTo(20_000 / 1000.0 * 0.0045, CENT);
        assertThat(line(estimate, "aws_s3_bucket.assets", "tier2_requests").asSet()).isCloseTo(1_000_000 / 1000.0 * 0.00035, CENT);
        // CloudFront after its always-free tier (1 TB and 10 million requests a month); the quantity column
        // shows the usage given, the cost only what is past the free tier.
        assertThat(line(estimate, "aws_cloudfront_distribution.site", "data_out").asSet()).isCloseTo((1500 - 1024) * 0.120, CENT);
        assertThat(line(estimate, "aws_cloudfront_distribution.site", "data_out").monthlyQuantity()).isEqualTo(1500.0);
        assertThat(line(estimate, "aws_cloudfront_distribution.site", "https_requests").monthlyQuantity())
                .isEqualTo(1200.0);
        assertThat(line(estimate, "data_transfer", "internet_out").monthlyQuantity()).isEqualTo(300.0);
        assertThat(line(estimate, "aws_cloudfront_distribution.site", "https_requests").asSet())
                .isCloseTo((12_000_000 - 10_000_000) / 10_000.0 * 0.0120, CENT);
        // Data transfer: the first 100 GB out are free; cross-zone traffic is billed on both sides.
        assertThat(line(estimate, "data_transfer", "internet_out").asSet()).isCloseTo((300 - 100) * 0.126, CENT);
        assertThat(line(estimate, "data_transfer", "cross_az").asSet()).isCloseTo(2 * 40 * 0.01, CENT);
        // Types the book does not cover are listed, not counted as 0.
        assertThat(estimate.notPriced()).containsExactly("aws_cloudwatch_log_group.app", "aws_vpc_endpoint.ssm");
        assertThat(estimate.warnings()).containsExactly("usage for aws_s3_bucket.gone: no such resource in this stack");
        assertThat(estimate.totals().asSet()).isCloseTo(0.013 * 730 + 30 * 0.114 + 0.005 * 730
                + 50 * 0.025 + 5 * 0.025 + 2 * 20_000 / 1000.0 * 0.0045 + 2 * 1_000_000 / 1000.0 * 0.00035
                + (1500 - 1024) * 0.120 + (12_000_000 - 10_000_000) / 10_000.0 * 0.0120
                + (300 - 100) * 0.126 + 2 * 40 * 0.01, CENT);
    }

    @Test
    void theJsonFormCarriesTheSameLinesAndTotals() throws IOException {
        CostEstimate estimate = estimate(natInstance);
        JsonNode json = JSON.readTree(estimate.toJson());
        assertThat(json.path("stack").asText()).isEqualTo("cost-nat-instance");
        assertThat(json.path("priceBook").path("date").asText()).isEqualTo("2026-11");
        assertThat(json.path("totalMonthlyCost").path("asSet").asDouble())
                .isCloseTo(0.0065 * 730 + 8 * 0.0912 + 0.005 * 730, within(1e-6));
        JsonNode nat = null;
        for (JsonNode resource : json.path("resources")) {
            if (resource.path("address").asText().equals("aws_instance.network_nat-instance")) {
                nat = resource;
            }
        }
        assertThat(nat).isNotNull();
        JsonNode hours = nat.path("costComponents").get(0);
        assertThat(hours.path("name").asText()).isEqualTo("Instance usage (Linux/UNIX, on-demand, t3.nano)");
        assertThat(hours.path("monthlyQuantity").asInt()).isEqualTo(730);
        assertThat(hours.path("price").asDouble()).isEqualTo(0.0065);
        assertThat(hours.path("monthlyCost").asDouble()).isCloseTo(0.0065 * 730, within(1e-6));
        assertThat(hours.path("priceKey").asText()).isEqualTo("ec2.instance.t3.nano");
        assertThat(hours.path("confidence").asText()).isEqualTo("H");
        assertThat(estimate.toJson()).as("same input, same output").isEqualTo(estimate(natInstance).toJson());
    }

    @Test
    void theCommitmentDiscountIsConfigurable() {
        CostEstimate estimate = CostEstimate.of(natInstance.json(), BOOK, Usage.none(),
                CostOptions.defaults().withCommitmentDiscount(0.28));
        assertThat(estimate.totals().committed()).isCloseTo(0.0065 * 730 * (1 - 0.28) + 8 * 0.0912 + 0.005 * 730, CENT);
        assertThat(estimate.toTable()).contains("1-yr commit 28 %");
    }
}
