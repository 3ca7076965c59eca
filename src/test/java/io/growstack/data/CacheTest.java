package io.growstack.data;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.network.Network;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CacheTest {
    private static Synthesized defaults;

    private static void rejected(String name, UnaryOperator<CacheProps.Builder> settings, String message) {
        assertRejected("cache-" + name, stack -> new Cache(stack, "cache",
                settings.apply(CacheProps.builder(DatabaseTest.network(stack))).build()), message);
    }

    @BeforeAll
    static void synthDefaults() {
        defaults = TestStacks.synthStack("cache-defaults", stack ->
                new Cache(stack, "cache", CacheProps.builder(DatabaseTest.network(stack)).build()));
    }

    @Test
    void theDefaultCacheIsOneEncryptedValkeyNodeOnACacheT4gMicro() {
        JsonNode group = defaults.resource("aws_elasticache_replication_group", "cache_replication-group");
        assertThat(group.path("replication_group_id").asText()).isEqualTo("test-dev-cache");
        assertThat(group.path("description").asText()).isEqualTo("Valkey 8.1 cache test-dev-cache");
        assertThat(group.path("engine").asText()).isEqualTo("valkey");
        assertThat(group.path("engine_version").asText()).isEqualTo("8.1");
        assertThat(group.path("node_type").asText()).isEqualTo("cache.t4g.micro");
        assertThat(group.path("port").asInt()).isEqualTo(6379);
        assertThat(group.path("num_cache_clusters").asInt()).isEqualTo(1);
        assertThat(group.path("automatic_failover_enabled").asBoolean(true)).isFalse();
        assertThat(group.path("multi_az_enabled").asBoolean(true)).isFalse();
        assertThat(group.has("preferred_cache_cluster_azs")).isFalse();
        assertThat(group.path("at_rest_encryption_enabled").asBoolean()).isTrue();
        assertThat(group.path("transit_encryption_enabled").asBoolean()).isTrue();
        assertThat(group.path("auto_minor_version_upgrade").asBoolean()).isTrue();
        assertThat(group.path("snapshot_retention_limit").asInt(-1)).isZero();
        assertThat(group.has("auth_token")).isFalse();
        assertThat(group.has("parameter_group_name")).as("the engine's default group").isFalse();
    }

    @Test
    void itLivesInASubnetGroupOverThePrivateSubnetsBehindItsOwnSecurityGroup() {
        JsonNode group = defaults.resource("aws_elasticache_replication_group", "cache_replication-group");
        assertThat(group.path("subnet_group_name").asText())
                .isEqualTo("${aws_elasticache_subnet_group.cache_subnet-group.name}");
        assertThat(group.path("security_group_ids").toString())
                .isEqualTo("[\"${aws_security_group.cache_security-group_group.id}\"]");
        assertThat(defaults.resource("aws_elasticache_subnet_group", "cache_subnet-group").path("subnet_ids").toString())
                .isEqualTo("[\"${aws_subnet.network_private-subnet-1.id}\",\"${aws_subnet.network_private-subnet-2.id}\"]");
        assertThat(defaults.count("aws_vpc_security_group_ingress_rule")).isZero();
        JsonNode egress = defaults.resource("aws_vpc_security_group_egress_rule", "cache_security-group_egress-all-to-vpc");
        assertThat(egress.path("cidr_ipv4").asText()).isEqualTo("10.0.0.0/16");
        assertThat(DatabaseTest.fieldNames(defaults.json())).noneMatch(name -> name.contains("auth_token"));
    }

    @Test
    void aReplicaTurnsOnAutomaticFailoverAndMultiAzAcrossTheZones() {
        Synthesized s = TestStacks.synthStack("cache-replica", stack -> new Cache(stack, "cache",
                CacheProps.builder(DatabaseTest.network(stack)).replicas(2).snapshotRetentionDays(3)
                        .snapshotWindow("16:00-17:00").maintenanceWindow("sun:18:00-sun:19:00").build()));
        JsonNode group = s.resource("aws_elasticache_replication_group", "cache_replication-group");
        assertThat(group.path("num_cache_clusters").asInt()).isEqualTo(3);
        assertThat(group.path("automatic_failover_enabled").asBoolean()).isTrue();
        assertThat(group.path("multi_az_enabled").asBoolean()).isTrue();
        assertThat(group.path("preferred_cache_cluster_azs").toString())
                .isEqualTo("[\"ap-northeast-2a\",\"ap-northeast-2c\",\"ap-northeast-2a\"]");
        assertThat(group.path("snapshot_retention_limit").asInt()).isEqualTo(3);
        assertThat(group.path("snapshot_window").asText()).isEqualTo("16:00-17:00");
        assertThat(group.path("maintenance_window").asText()).isEqualTo("sun:18:00-sun:19:00");
        ProviderSchema.aws6().assertValid(s.json());
    }

    @Test
    void redisOssDefaultsToItsNewestVersion() {
        Synthesized s = TestStacks.synthStack("cache-redis", stack -> {
            Cache cache = new Cache(stack, "cache", CacheProps.builder(DatabaseTest.network(stack))
                    .engine(CacheProps.REDIS).build());
            assertThat(cache.primaryEndpoint())
                    .isEqualTo("${aws_elasticache_replication_group.cache_replication-group.primary_endpoint_address}");
            assertThat(cache.port()).isEqualTo(6379);
            assertThat(cache.connections().defaultPort()).contains(Cache.CACHE_PORT);
        });
        JsonNode group = s.resource("aws_elasticache_replication_group", "cache_replication-group");
        assertThat(group.path("engine").asText()).isEqualTo("redis");
        assertThat(group.path("engine_version").asText()).isEqualTo("7.1");
        assertThat(group.path("description").asText()).isEqualTo("Redis OSS 7.1 cache test-dev-cache");
        ProviderSchema.aws6().assertValid(s.json());
    }

    // ---- bad input ------------------------------------------------------------------------------

    @Test
    void anUnknownEngineIsRejected() {
        rejected("memcached", b -> b.engine("memcached"),
                "app/cache: property 'engine' is 'memcached': expected valkey (the default) or redis (Redis OSS);"
                        + " Memcached has no replicas or failover");
    }

    @Test
    void aVersionTheEngineDoesNotHaveIsRejected() {
        rejected("redis-8", b -> b.engine("redis").engineVersion("8.0"),
                "app/cache: property 'engineVersion' is '8.0': expected one of 6.2, 7.0, 7.1 for redis (major.minor;"
                        + " ElastiCache applies the patch version)");
    }

    @Test
    void aNodeTypeThatIsNotACacheNodeIsRejected() {
        rejected("node-type", b -> b.nodeType("t4g.micro"),
                "app/cache: property 'nodeType' is 't4g.micro': expected an ElastiCache node type such as"
                        + " cache.t4g.micro or cache.r7g.large");
    }

    @Test
    void sixReplicasAreRejected() {
        rejected("replicas-6", b -> b.replicas(6),
                "app/cache: property 'replicas' is '6': expected 0..5 (one primary and at most five replicas)");
    }

    @Test
    void negativeReplicasAreRejected() {
        rejected("replicas-negative", b -> b.replicas(-1),
                "app/cache: property 'replicas' is '-1': expected 0..5 (one primary and at most five replicas)");
    }

    @Test
    void snapshotRetentionAbove35IsRejected() {
        rejected("snapshots-36", b -> b.snapshotRetentionDays(36),
                "app/cache: property 'snapshotRetentionDays' is '36': expected 0..35 days (0 takes no automatic"
                        + " snapshots)");
    }

    @Test
    void aMalformedSnapshotWindowIsRejected() {
        rejected("snapshot-window", b -> b.snapshotWindow("25:00-26:00"),
                "app/cache: property 'snapshotWindow' is '25:00-26:00': expected hh24:mi-hh24:mi in UTC such as"
                        + " 17:00-18:00 (02:00-03:00 in Seoul)");
    }

    @Test
    void aReplicaInANetworkWithOnePrivateZoneIsRejected() {
        assertRejected("cache-one-zone", stack -> new Cache(stack, "cache", CacheProps.builder(
                        Network.fromAttributes("vpc-0123456789abcdef0", "10.0.0.0/16", List.of("ap-northeast-2a"),
                                List.of("subnet-0aaaaaaaaaaaaaaaa"), List.of("subnet-0bbbbbbbbbbbbbbbb")))
                        .replicas(1).build()),
                "app/cache: property 'replicas' is '1': expected 0 in a network with private subnets in one"
                        + " availability zone: a replica with automatic failover needs a second zone");
    }

    @Test
    void aReplicationGroupIdLongerThan40IsRejected() {
        assertRejected("cache-long-id", stack -> new Cache(stack, "session-cache-for-the-checkout-service",
                        CacheProps.builder(DatabaseTest.network(stack)).build()),
                "app/session-cache-for-the-checkout-service: property 'replicationGroupId' is"
                        + " 'test-dev-session-cache-for-the-checkout-service': expected 1-40 lowercase letters,"
                        + " digits or hyphens starting with a letter, without '--' or a trailing hyphen; it is"
                        + " project-environment-<construct id>, so shorten or rename the construct");
    }

    @Test
    void servicesAuthenticateWithIamAsTheCachesOneUserAndTheDefaultUserIsOff() throws Exception {
        // IAM authentication: a user with authentication_mode iam whose id equals its name, in the group's
        // user group, and elasticache:Connect for the caller: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html
        Synthesized s = TestStacks.synthStack("cache-iam", stack -> {
            Network network = DatabaseTest.network(stack);
            Cache cache = new Cache(stack, "cache", CacheProps.builder(network).build());
            io.growstack.compute.Server api = new io.growstack.compute.Server(stack, "api",
                    io.growstack.compute.ServerProps.builder(network).ami(TestStacks.ARM_AMI).build());
            cache.connectService(api, "Valkey from the API");
        });
        JsonNode app = s.resource("aws_elasticache_user", "cache_app-user");
        assertThat(app.path("user_id").asText()).isEqualTo("test-dev-cache-app").isEqualTo(app.path("user_name").asText());
        assertThat(app.path("authentication_mode").path("type").asText()).isEqualTo("iam");
        assertThat(app.has("passwords")).isFalse();
        JsonNode off = s.resource("aws_elasticache_user", "cache_default-user");
        assertThat(off.path("user_name").asText()).isEqualTo("default");
        assertThat(off.path("access_string").asText()).startsWith("off ");
        JsonNode users = s.resource("aws_elasticache_user_group", "cache_user-group");
        assertThat(users.path("user_ids").toString()).isEqualTo("[\"${aws_elasticache_user.cache_default-user.user_id}\","
                + "\"${aws_elasticache_user.cache_app-user.user_id}\"]");
        JsonNode group = s.resource("aws_elasticache_replication_group", "cache_replication-group");
        assertThat(group.path("user_group_ids").toString())
                .isEqualTo("[\"${aws_elasticache_user_group.cache_user-group.user_group_id}\"]");
        assertThat(group.path("transit_encryption_enabled").asBoolean()).isTrue();
        String policy = s.resource("aws_iam_role_policy", "cache_grant-api").path("policy").asText();
        assertThat(policy).contains("\"Action\":\"elasticache:Connect\"")
                .contains("${aws_elasticache_replication_group.cache_replication-group.arn}")
                .contains("${aws_elasticache_user.cache_app-user.arn}");
        List<String> settings = new java.util.ArrayList<>();
        s.resources("aws_ssm_parameter").forEach(p -> settings.add(p.path("name").asText() + "=" + p.path("value").asText()));
        assertThat(settings).containsExactlyInAnyOrder(
                "/test/dev/cache/host=${aws_elasticache_replication_group.cache_replication-group.primary_endpoint_address}",
                "/test/dev/cache/port=6379",
                "/test/dev/cache/user=${aws_elasticache_user.cache_app-user.user_id}",
                "/test/dev/cache/tls=true");
        assertThat(policy).contains("\"Resource\":\"${dirname(aws_ssm_parameter.cache_setting-host.arn)}/*\"");
        assertThat(s.resource("aws_vpc_security_group_ingress_rule", "cache_security-group_ingress-tcp-6379-from-api")
                .path("referenced_security_group_id").asText()).contains("api");
        ProviderSchema.aws6().assertValid(s.json());
    }
}
