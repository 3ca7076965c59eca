package io.growstack.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.Cidr;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.delivery.Delivery;
import io.growstack.delivery.DeliveryProps;
import io.growstack.delivery.DeliveryTarget;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import io.growstack.web.PrivateBucket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

/**
 * Property-based tests of the blocks users touch most: generated settings for names, Network,
 * AutoScaledService, Database and Delivery each end in growstack's own one-line error or in a stack
 * that synthesizes, and Terraform validates a sample of the accepted stacks (the last test) and
 * plans two of them. Inputs are drawn around the limits each block checks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlockPropertiesTest {
    /** Accepted stacks sampled for Terraform, a few from each property. */
    private static final List<TestStacks.Synthesized> VALIDATE = Collections.synchronizedList(new ArrayList<>());
    private static final List<TestStacks.Synthesized> PLAN = Collections.synchronizedList(new ArrayList<>());
    private static final int SAMPLE = 3;
    private static final String CERTIFICATE =
            "arn:aws:acm:ap-northeast-2:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    private static void sample(List<TestStacks.Synthesized> accepted, boolean plan) {
        VALIDATE.addAll(accepted.subList(0, Math.min(SAMPLE, accepted.size())));
        if (plan) {
            // The offline plan has no AWS API: only stacks without data sources (lookups) can plan.
            accepted.stream().filter(s -> s.json().path("data").isEmpty()).findFirst().ifPresent(PLAN::add);
        }
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    /** Usually (4 in 5) {@code usual}, else one of {@code others}: most cases then pass or fail on one setting. */
    @SafeVarargs
    private static <T> T mostly(Random r, T usual, T... others) {
        return r.nextInt(5) > 0 || others.length == 0 ? usual : others[r.nextInt(others.length)];
    }

    private static String text(Random r, String alphabet, int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = min + r.nextInt(max - min + 1); i > 0; i--) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    // --- names ---------------------------------------------------------------------------------------

    static Gen<Case> names() {
        return longs().all().map(seed -> {
            Random r = new Random(seed);
            String project = r.nextInt(8) == 0 ? null
                    : r.nextBoolean() ? "p" + text(r, "abcz019-", 0, 16) : text(r, "abcz019-_A.", 0, 18);
            String environment = r.nextBoolean() ? "e" + text(r, "dev09-", 0, 8) : text(r, "abdevz09-_P", 0, 10);
            String id = r.nextBoolean() ? "b" + text(r, "bucket-09.", 0, 14) : text(r, "bucket-09.A_", 0, 14);
            GrowStackProps.Builder props = GrowStackProps.builder(TestStacks.REGION).environment(environment);
            if (project != null) {
                props.project(project);
            }
            return new Case("project=" + project + " environment=" + environment + " bucket id=" + id,
                    props.build(), stack -> new PrivateBucket(stack, id));
        });
    }

    @Test
    @Order(1)
    void projectEnvironmentAndIdsMakeValidNamesOrOurError() {
        List<TestStacks.Synthesized> accepted = new Referee("names")
                .run(judge -> Tries.qt(60).forAll(names()).checkAssert(judge));
        for (TestStacks.Synthesized s : accepted) {
            // A bucket is named by prefix (AWS appends a unique suffix) unless the case named it.
            s.resources("aws_s3_bucket").forEach(bucket -> assertThat(bucket.has("bucket")
                    ? bucket.path("bucket").asText() : bucket.path("bucket_prefix").asText() + "0123456789")
                    .as("bucket name in %s", s.dir()).matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
                    .doesNotContain(".."));
        }
        sample(accepted, false);
    }

    // --- network -------------------------------------------------------------------------------------

    private static final List<String> ZONES = List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c",
            "ap-northeast-2d", "ap-northeast-2z", "us-east-1a");

    static Gen<Case> networks() {
        return longs().all().zip(integers().between(0, 3), (seed, natKind) -> {
            Random r = new Random(seed);
            int vpcPrefix = 14 + r.nextInt(17);
            long address = r.nextInt(4) == 0 ? (r.nextLong() & 0xFFFFFFFFL) : (10L << 24) | ((long) r.nextInt(256) << 16);
            if (r.nextInt(5) > 0) {
                address &= (0xFFFFFFFFL << (32 - vpcPrefix)) & 0xFFFFFFFFL;
            }
            String cidr = new Cidr(address, vpcPrefix).toString();
            NetworkProps.Builder b = NetworkProps.builder().cidr(cidr);
            StringBuilder d = new StringBuilder("cidr=" + cidr);
            int azs = 1 + r.nextInt(7);
            if (r.nextBoolean()) {
                List<String> zones = new ArrayList<>(ZONES.subList(0, r.nextInt(4) == 0 ? 6 : 4));
                Collections.shuffle(zones, r);
                List<String> picked = zones.subList(0, Math.min(azs, zones.size()));
                b.availabilityZones(picked);
                d.append(" zones=").append(picked);
                azs = picked.size();
            } else {
                b.azCount(azs);
                d.append(" azCount=").append(azs);
            }
            if (r.nextBoolean()) {
                int subnetPrefix = vpcPrefix - 1 + r.nextInt(34 - vpcPrefix);
                b.subnetPrefix(subnetPrefix);
                d.append(" subnetPrefix=").append(subnetPrefix);
            }
            boolean privateTier = r.nextInt(4) > 0;
            b.privateSubnets(privateTier);
            d.append(" private=").append(privateTier);
            if (r.nextInt(4) == 0) {
                Cidr vpc = new Cidr(address & ((0xFFFFFFFFL << (32 - vpcPrefix)) & 0xFFFFFFFFL), vpcPrefix);
                int length = Math.min(32, vpcPrefix + 2 + r.nextInt(4));
                List<String> publics = new ArrayList<>();
                for (int i = 0; i < azs; i++) {
                    publics.add(vpc.subnet(length, (int) Math.min(i, vpc.count(length) - 1)).toString());
                }
                b.publicSubnetCidrs(publics);
                d.append(" public=").append(publics);
            }
            NatProvider nat = switch (natKind) {
                case 0 -> NatProvider.none();
                case 1 -> NatProvider.instance();
                case 2 -> NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE);
                default -> null;
            };
            if (nat != null) {
                b.nat(nat);
                d.append(" nat=").append(natKind);
            }
            NetworkProps props = b.build();
            return new Case(d.toString(), stack -> new Network(stack, "network", props));
        });
    }

    @Test
    @Order(2)
    void anyNetworkIsOurErrorOrLaidOutSoundly() {
        List<TestStacks.Synthesized> accepted = new Referee("network")
                .run(judge -> Tries.qt(50).forAll(networks()).checkAssert(judge));
        accepted.forEach(BlockPropertiesTest::assertSoundSubnets);
        sample(accepted, true);
    }

    private static void assertSoundSubnets(TestStacks.Synthesized s) {
        Cidr vpc = Cidr.parse(s.resource("aws_vpc", "network_vpc").path("cidr_block").asText()).orElseThrow();
        List<Cidr> subnets = new ArrayList<>();
        Set<String> publicZones = new HashSet<>();
        s.resources("aws_subnet").fields().forEachRemaining(e -> {
            Cidr subnet = Cidr.parse(e.getValue().path("cidr_block").asText()).orElseThrow();
            assertThat(vpc.contains(subnet)).as("%s inside %s in %s", subnet, vpc, s.dir()).isTrue();
            subnets.add(subnet);
            if (e.getKey().contains("public")) {
                assertThat(publicZones.add(e.getValue().path("availability_zone").asText()))
                        .as("one public subnet per zone in %s", s.dir()).isTrue();
            }
        });
        for (int i = 0; i < subnets.size(); i++) {
            for (int j = i + 1; j < subnets.size(); j++) {
                assertThat(subnets.get(i).overlaps(subnets.get(j)))
                        .as("%s and %s in %s", subnets.get(i), subnets.get(j), s.dir()).isFalse();
            }
        }
    }

    // --- auto-scaled service -------------------------------------------------------------------------

    static Gen<Case> services() {
        return longs().all().map(seed -> {
            Random r = new Random(seed);
            int min = mostly(r, 1, 0, 2, -1, 7);
            int max = mostly(r, 6, 1, 0, 8);
            int desired = mostly(r, 1, 0, 2, -1, 9);
            String type = mostly(r, "t4g.micro", "t4g.small", "m7g.large", "t3.micro", "t4g.huge", "x9.large");
            String path = mostly(r, "/actuator/health", "/", "health", "/a b", "");
            int appPort = mostly(r, 8080, 80, 0, 70000, 8081);
            int managementPort = mostly(r, 8081, 8080, 9000);
            String certificate = mostly(r, null, CERTIFICATE, CERTIFICATE.replace("ap-northeast-2", "us-east-1"),
                    "arn:bogus");
            String policy = mostly(r, AutoScaledServiceProps.DEFAULT_SSL_POLICY, "ELBSecurityPolicy-FS-1-2-2019-08",
                    "TLS-please");
            double cpu = mostly(r, 90.0, 50.5, 0.0, 101.0);
            String d = "min=" + min + " max=" + max + " desired=" + desired + " type=" + type + " path=" + path
                    + " ports=" + appPort + "/" + managementPort + " cert=" + certificate + " policy=" + policy
                    + " cpu=" + cpu;
            return new Case(d, stack -> {
                AutoScaledServiceProps.Builder b = AutoScaledServiceProps.builder(network(stack))
                        .ami(type.startsWith("t3") ? TestStacks.X86_AMI : TestStacks.ARM_AMI).instanceType(type)
                        .minSize(min).maxSize(max).desiredCapacity(desired).healthCheckPath(path).appPort(appPort)
                        .managementPort(managementPort).sslPolicy(policy).cpuTargetUtilizationPercent(cpu)
                        .deletionProtection(false);
                if (certificate != null) {
                    b.certificateArn(certificate);
                }
                new AutoScaledService(stack, "web", b.build());
            });
        });
    }

    @Test
    @Order(3)
    void anyAutoScaledServiceIsOurErrorOrAConsistentGroup() {
        List<TestStacks.Synthesized> accepted = new Referee("service")
                .run(judge -> Tries.qt(40).forAll(services()).checkAssert(judge));
        for (TestStacks.Synthesized s : accepted) {
            JsonNode group = s.resource("aws_autoscaling_group", "web_group");
            assertThat(group.path("min_size").asInt()).as("min <= desired in %s", s.dir())
                    .isLessThanOrEqualTo(group.path("desired_capacity").asInt());
            assertThat(group.path("desired_capacity").asInt()).as("desired <= max in %s", s.dir())
                    .isLessThanOrEqualTo(group.path("max_size").asInt());
        }
        sample(accepted, false);
    }

    // --- database ------------------------------------------------------------------------------------

    private static String window(Random r) {
        int start = r.nextInt(24 * 60);
        int length = pick(r, List.of(10, 29, 30, 60, 90, 600));
        int end = (start + length) % (24 * 60);
        return String.format("%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60);
    }

    static Gen<Case> databases() {
        return longs().all().map(seed -> {
            Random r = new Random(seed);
            String username = pick(r, List.of("admin", "app_user", "select", "rdsadmin", "9lives", "a",
                    "a_very_long_user_name_x"));
            String database = pick(r, Arrays.asList(null, "app", "order", "shop_db", "1st", "x".repeat(65)));
            String backup = r.nextBoolean() ? null : window(r);
            String maintenance = r.nextBoolean() ? null
                    : pick(r, List.of("sun:18:00-sun:19:00", "mon:00:00-mon:00:20", "sat:23:30-sun:00:30",
                    "fri:17:00-fri:18:30"));
            String instanceClass = pick(r, List.of("db.t4g.micro", "db.t4g.micro", "db.m7g.large", "db.t2.nano",
                    "db.t4g.huge"));
            int storage = pick(r, List.of(20, 20, 100, 19, 65537));
            int maxStorage = pick(r, List.of(100, 100, 0, 10, 200));
            int retention = r.nextInt(38) - 1;
            boolean multiAz = r.nextBoolean();
            String d = "user=" + username + " db=" + database + " backup=" + backup + " maintenance=" + maintenance
                    + " class=" + instanceClass + " storage=" + storage + "/" + maxStorage + " retention=" + retention
                    + " multiAz=" + multiAz;
            return new Case(d, stack -> new Database(stack, "db", DatabaseProps.builder(network(stack))
                    .username(username).databaseName(database).backupWindow(backup).maintenanceWindow(maintenance)
                    .instanceClass(instanceClass).allocatedStorageGb(storage).maxAllocatedStorageGb(maxStorage)
                    .backupRetentionDays(retention).multiAz(multiAz).deletionProtection(false).finalSnapshot(false)
                    .build()));
        });
    }

    @Test
    @Order(4)
    void anyDatabaseIsOurErrorOrAStackThatKeepsItsDefaults() {
        List<TestStacks.Synthesized> accepted = new Referee("database")
                .run(judge -> Tries.qt(40).forAll(databases()).checkAssert(judge));
        for (TestStacks.Synthesized s : accepted) {
            JsonNode db = s.resource("aws_db_instance", "db_instance");
            assertThat(db.path("publicly_accessible").asBoolean(true)).as("private in %s", s.dir()).isFalse();
            assertThat(db.path("storage_encrypted").asBoolean()).as("encrypted in %s", s.dir()).isTrue();
        }
        sample(accepted, true);
    }

    // --- delivery ------------------------------------------------------------------------------------

    static Gen<Case> deliveries() {
        return longs().all().map(seed -> {
            Random r = new Random(seed);
            String id = pick(r, List.of("deploy", "api-deploy", "Api_Delivery", "d", "x".repeat(33)));
            String serviceName = pick(r, Arrays.asList(null, null, "api", "API", "y".repeat(33), "shop-api"));
            int java = pick(r, List.of(17, 21, 16, 100));
            int timeout = pick(r, List.of(60, 300, 0, -5));
            String path = pick(r, List.of("/actuator/health", "/", "", "no-slash"));
            String d = "id=" + id + " serviceName=" + serviceName + " java=" + java + " validateTimeout=" + timeout
                    + " healthCheckPath=" + path;
            return new Case(d, stack -> {
                Server server = new Server(stack, "api", ServerProps.builder(network(stack))
                        .ami(TestStacks.ARM_AMI).build());
                DeliveryProps.Builder b = DeliveryProps.builder(DeliveryTarget.inPlace(server)).javaVersion(java)
                        .validateTimeoutSeconds(timeout).healthCheckPath(path).forceDestroyArtifacts(true);
                if (serviceName != null) {
                    b.serviceName(serviceName);
                }
                new Delivery(stack, id, b.build());
            });
        });
    }

    @Test
    @Order(5)
    void anyDeliveryIsOurErrorOrAStack() {
        List<TestStacks.Synthesized> accepted = new Referee("delivery")
                .run(judge -> Tries.qt(30).forAll(deliveries()).checkAssert(judge));
        sample(accepted, false);
    }

    // --- the referee ---------------------------------------------------------------------------------

    @Test
    @Order(6)
    void terraformValidatesTheSampledStacksAndPlansTwo() {
        assertThat(VALIDATE).as("sampled stacks (the property tests ran first)").hasSizeGreaterThanOrEqualTo(5);
        Referee.assertValid("validate", List.copyOf(VALIDATE));
        assertThat(PLAN).as("offline-plannable samples").isNotEmpty();
        Referee.assertPlans("plan", List.copyOf(PLAN));
    }
}
