package io.growstack.data;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    private static Synthesized defaults;

    static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    private static void rejected(String name, UnaryOperator<DatabaseProps.Builder> settings, String message) {
        assertRejected("database-" + name, stack -> new Database(stack, "database",
                settings.apply(DatabaseProps.builder(network(stack))).build()), message);
    }

    @BeforeAll
    static void synthDefaults() {
        defaults = TestStacks.synthStack("database-defaults", stack ->
                new Database(stack, "database", DatabaseProps.builder(network(stack)).build()));
    }

    @Test
    void theDefaultDatabaseIsAPrivateEncryptedMysql84OnAT4gMicro() {
        JsonNode db = defaults.resource("aws_db_instance", "database_instance");
        assertThat(db.path("identifier").asText()).isEqualTo("test-dev-database");
        assertThat(db.path("engine").asText()).isEqualTo("mysql");
        assertThat(db.path("engine_version").asText()).isEqualTo("8.4");
        assertThat(db.path("instance_class").asText()).isEqualTo("db.t4g.micro");
        assertThat(db.path("storage_type").asText()).isEqualTo("gp3");
        assertThat(db.path("allocated_storage").asInt()).isEqualTo(20);
        assertThat(db.path("max_allocated_storage").asInt()).isEqualTo(100);
        assertThat(db.path("storage_encrypted").asBoolean()).isTrue();
        assertThat(db.path("publicly_accessible").isBoolean()).isTrue();
        assertThat(db.path("publicly_accessible").asBoolean()).isFalse();
        assertThat(db.path("multi_az").asBoolean(true)).isFalse();
        assertThat(db.path("port").asInt()).isEqualTo(3306);
        assertThat(db.path("backup_retention_period").asInt()).isEqualTo(7);
        assertThat(db.path("copy_tags_to_snapshot").asBoolean()).isTrue();
        assertThat(db.path("auto_minor_version_upgrade").asBoolean()).isTrue();
        assertThat(db.path("apply_immediately").asBoolean(true)).isFalse();
        assertThat(db.path("performance_insights_enabled").asBoolean(true)).isFalse();
        assertThat(db.has("backup_window")).isFalse();
        assertThat(db.has("maintenance_window")).isFalse();
        assertThat(db.has("db_name")).isFalse();
        assertThat(db.path("tags").path("Name").asText()).isEqualTo("test-dev-database");
    }

    @Test
    void itLivesInASubnetGroupOverThePrivateSubnetsBehindItsOwnSecurityGroup() {
        JsonNode db = defaults.resource("aws_db_instance", "database_instance");
        assertThat(db.path("db_subnet_group_name").asText())
                .isEqualTo("${aws_db_subnet_group.database_subnet-group.name}");
        assertThat(db.path("vpc_security_group_ids").toString())
                .isEqualTo("[\"${aws_security_group.database_security-group_group.id}\"]");
        JsonNode subnets = defaults.resource("aws_db_subnet_group", "database_subnet-group");
        assertThat(subnets.path("name").asText()).isEqualTo("test-dev-database");
        assertThat(subnets.path("subnet_ids").toString()).isEqualTo(
                "[\"${aws_subnet.network_private-subnet-1.id}\",\"${aws_subnet.network_private-subnet-2.id}\"]");
        assertThat(defaults.resource("aws_security_group", "database_security-group_group").path("name").asText())
                .isEqualTo("test-dev-database");
    }

    @Test
    void theMasterPasswordIsManagedBySecretsManagerAndAppearsNowhereInTheJson() {
        JsonNode db = defaults.resource("aws_db_instance", "database_instance");
        assertThat(db.path("manage_master_user_password").asBoolean()).isTrue();
        assertThat(db.path("username").asText()).isEqualTo("admin");
        assertThat(fieldNames(defaults.json())).filteredOn(name -> name.contains("password"))
                .containsOnly("manage_master_user_password");
        assertThat(defaults.json().toString()).doesNotContainIgnoringCase("\"password\"");
    }

    @Test
    void deletionProtectionAndAFinalSnapshotNamedFromTheStackAreOnByDefault() {
        JsonNode db = defaults.resource("aws_db_instance", "database_instance");
        assertThat(db.path("deletion_protection").asBoolean()).isTrue();
        assertThat(db.path("skip_final_snapshot").isBoolean()).isTrue();
        assertThat(db.path("skip_final_snapshot").asBoolean()).isFalse();
        // A fixed snapshot name fails the second destroy (DBSnapshotAlreadyExists, CreateDBSnapshot:
        // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSnapshot.html); the creation
        // time fixed by ignore_changes makes each one new while the JSON stays the same bytes.
        assertThat(db.path("final_snapshot_identifier").asText())
                .isEqualTo("test-dev-database-final-${formatdate(\"YYYYMMDDhhmmss\", timestamp())}");
        assertThat(db.path("lifecycle").path("ignore_changes").toString()).isEqualTo("[\"final_snapshot_identifier\"]");
    }

    @Test
    void theParameterGroupFollowsTheEngineVersionWithUtf8mb4AndTlsRequired() {
        JsonNode db = defaults.resource("aws_db_instance", "database_instance");
        assertThat(db.path("parameter_group_name").asText())
                .isEqualTo("${aws_db_parameter_group.database_parameter-group.name}");
        JsonNode group = defaults.resource("aws_db_parameter_group", "database_parameter-group");
        assertThat(group.path("family").asText()).isEqualTo("mysql8.4");
        // Created before the old one is destroyed, so a prefix: a fixed name would collide with itself.
        assertThat(group.has("name")).isFalse();
        assertThat(group.path("name_prefix").asText()).isEqualTo("test-dev-database-mysql8-4-");
        assertThat(group.path("lifecycle").path("create_before_destroy").asBoolean()).isTrue();
        assertThat(group.path("parameter").toString()).isEqualTo("["
                + "{\"apply_method\":\"immediate\",\"name\":\"character_set_server\",\"value\":\"utf8mb4\"},"
                + "{\"apply_method\":\"immediate\",\"name\":\"collation_server\",\"value\":\"utf8mb4_0900_ai_ci\"},"
                + "{\"apply_method\":\"immediate\",\"name\":\"require_secure_transport\",\"value\":\"1\"}]");
    }

    @Test
    void extraParametersApplyImmediatelyOrAtTheNextRebootAndMayReplaceADefault() {
        Synthesized s = TestStacks.synthStack("database-parameters", stack -> new Database(stack, "database",
                DatabaseProps.builder(network(stack)).parameter("max_connections", "200")
                        .staticParameter("innodb_log_buffer_size", "33554432")
                        .parameter("require_secure_transport", "0").build()));
        JsonNode parameters = s.resource("aws_db_parameter_group", "database_parameter-group").path("parameter");
        assertThat(parameters.size()).isEqualTo(5);
        assertThat(parameter(parameters, "require_secure_transport").path("value").asText()).isEqualTo("0");
        assertThat(parameter(parameters, "max_connections").path("apply_method").asText()).isEqualTo("immediate");
        assertThat(parameter(parameters, "innodb_log_buffer_size").path("apply_method").asText())
                .isEqualTo("pending-reboot");
        ProviderSchema.aws6().assertValid(s.json());
    }

    @Test
    void mysql80IsAvailableOnlyWhenAskedForAndGetsItsOwnFamily() {
        Synthesized s = TestStacks.synthStack("database-mysql80", stack -> new Database(stack, "database",
                DatabaseProps.builder(network(stack)).engineVersion(DatabaseProps.ENGINE_VERSION_8_0).build()));
        assertThat(s.resource("aws_db_instance", "database_instance").path("engine_version").asText()).isEqualTo("8.0");
        JsonNode group = s.resource("aws_db_parameter_group", "database_parameter-group");
        assertThat(group.path("family").asText()).isEqualTo("mysql8.0");
        assertThat(group.path("name_prefix").asText()).isEqualTo("test-dev-database-mysql8-0-");
    }

    @Test
    void aDevStackSwitchesOffDeletionProtectionAndTheFinalSnapshotAndMultiAzIsOneSwitch() {
        Synthesized s = TestStacks.synthStack("database-dev", stack -> new Database(stack, "database",
                DatabaseProps.builder(network(stack)).deletionProtection(false).finalSnapshot(false).multiAz(true)
                        .backupRetentionDays(0).backupWindow("17:00-17:30").maintenanceWindow("Sun:18:00-Sun:19:00")
                        .databaseName("shop").instanceClass("db.m7g.large").performanceInsights(true)
                        .allocatedStorageGb(50).maxAllocatedStorageGb(0).build()));
        JsonNode db = s.resource("aws_db_instance", "database_instance");
        assertThat(db.path("deletion_protection").asBoolean(true)).isFalse();
        assertThat(db.path("skip_final_snapshot").asBoolean()).isTrue();
        assertThat(db.has("final_snapshot_identifier")).isFalse();
        assertThat(db.path("multi_az").asBoolean()).isTrue();
        assertThat(db.path("backup_retention_period").isInt()).isTrue();
        assertThat(db.path("backup_retention_period").asInt()).isZero();
        assertThat(db.path("backup_window").asText()).isEqualTo("17:00-17:30");
        assertThat(db.path("maintenance_window").asText()).isEqualTo("sun:18:00-sun:19:00");
        assertThat(db.path("db_name").asText()).isEqualTo("shop");
        assertThat(db.path("performance_insights_enabled").asBoolean()).isTrue();
        assertThat(db.path("allocated_storage").asInt()).isEqualTo(50);
        assertThat(db.path("max_allocated_storage").asInt(-1)).isZero();
        ProviderSchema.aws6().assertValid(s.json());
    }

    @Test
    void theSeedsVersion2PublicModeUsesThePublicSubnetsButOpensNoPort() {
        Synthesized s = TestStacks.synthStack("database-public", stack -> new Database(stack, "database",
                DatabaseProps.builder(network(stack)).publiclyAccessibleForSeedVersion2().build()));
        assertThat(s.resource("aws_db_instance", "database_instance").path("publicly_accessible").asBoolean()).isTrue();
        assertThat(s.resource("aws_db_subnet_group", "database_subnet-group").path("subnet_ids").toString())
                .isEqualTo("[\"${aws_subnet.network_public-subnet-1.id}\",\"${aws_subnet.network_public-subnet-2.id}\"]");
        assertThat(s.count("aws_vpc_security_group_ingress_rule")).isZero();
    }

    @Test
    void theGettersAreReferencesToTheInstance() {
        TestStacks.synthStack("database-getters", stack -> {
            Database db = new Database(stack, "database", DatabaseProps.builder(network(stack)).build());
            assertThat(db.endpoint()).isEqualTo("${aws_db_instance.database_instance.address}");
            assertThat(db.secretArn()).isEqualTo("${aws_db_instance.database_instance.master_user_secret[0].secret_arn}");
            assertThat(db.port()).isEqualTo(3306);
            assertThat(db.identifier()).isEqualTo("test-dev-database");
            assertThat(db.connections().defaultPort()).contains(Database.MYSQL);
        });
    }

    @Test
    void allowingAServerOpensOnly3306FromItsGroupWithTheMatchingEgress() {
        Synthesized s = TestStacks.synthStack("database-allow", stack -> {
            Network network = network(stack);
            Server api = new Server(stack, "api", ServerProps.builder(network).ami(TestStacks.ARM_AMI).build());
            Database db = new Database(stack, "database", DatabaseProps.builder(network).build());
            db.connections().allowDefaultPortFrom(api, "MySQL from the API");
        });
        JsonNode ingress = s.resources("aws_vpc_security_group_ingress_rule");
        assertThat(ingress.size()).isEqualTo(1);
        JsonNode in = ingress.path("database_security-group_ingress-tcp-3306-from-api");
        assertThat(in.path("security_group_id").asText())
                .isEqualTo("${aws_security_group.database_security-group_group.id}");
        assertThat(in.path("referenced_security_group_id").asText())
                .isEqualTo("${aws_security_group.api_security-group_group.id}");
        assertThat(in.has("cidr_ipv4")).isFalse();
        JsonNode out = s.resource("aws_vpc_security_group_egress_rule", "api_security-group_egress-tcp-3306-to-database");
        assertThat(out.path("referenced_security_group_id").asText())
                .isEqualTo("${aws_security_group.database_security-group_group.id}");
        JsonNode own = s.resource("aws_vpc_security_group_egress_rule", "database_security-group_egress-all-to-vpc");
        assertThat(own.path("cidr_ipv4").asText()).isEqualTo("10.0.0.0/16");
    }

    // ---- bad input ------------------------------------------------------------------------------

    @Test
    void allocatedStorageBelow20IsRejected() {
        rejected("storage-small", b -> b.allocatedStorageGb(10),
                "app/database: property 'allocatedStorageGb' is '10': expected 20..100 GiB: gp3 needs at least 20,"
                        + " and maxAllocatedStorageGb (the storage-autoscaling ceiling) is 100");
    }

    @Test
    void allocatedStorageAboveTheAutoscalingCeilingIsRejected() {
        rejected("storage-above-ceiling", b -> b.allocatedStorageGb(200),
                "app/database: property 'allocatedStorageGb' is '200': expected 20..100 GiB: gp3 needs at least 20,"
                        + " and maxAllocatedStorageGb (the storage-autoscaling ceiling) is 100");
    }

    @Test
    void aCeilingLessThanTenPercentAboveTheStorageIsRejected() {
        rejected("storage-ceiling-close", b -> b.allocatedStorageGb(100).maxAllocatedStorageGb(105),
                "app/database: property 'maxAllocatedStorageGb' is '105': expected 110..65536 GiB, at least 10 %"
                        + " above allocatedStorageGb 100 (RDS rejects a closer ceiling), or 0 to turn storage"
                        + " autoscaling off");
    }

    @Test
    void anUnknownEngineVersionIsRejected() {
        rejected("engine-57", b -> b.engineVersion("5.7"),
                "app/database: property 'engineVersion' is '5.7': expected 8.4 (the default, LTS) or 8.0 (Extended"
                        + " Support charges since 2026-07-31): the MySQL major version only, RDS picks and upgrades"
                        + " the minor version");
    }

    @Test
    void aMinorEngineVersionIsRejected() {
        rejected("engine-minor", b -> b.engineVersion("8.4.3"),
                "app/database: property 'engineVersion' is '8.4.3': expected 8.4 (the default, LTS) or 8.0 (Extended"
                        + " Support charges since 2026-07-31): the MySQL major version only, RDS picks and upgrades"
                        + " the minor version");
    }

    @Test
    void backupRetentionAbove35IsRejected() {
        rejected("retention-36", b -> b.backupRetentionDays(36),
                "app/database: property 'backupRetentionDays' is '36': expected 0..35 days (0 turns automated"
                        + " backups and point-in-time recovery off)");
    }

    @Test
    void negativeBackupRetentionIsRejected() {
        rejected("retention-negative", b -> b.backupRetentionDays(-1),
                "app/database: property 'backupRetentionDays' is '-1': expected 0..35 days (0 turns automated"
                        + " backups and point-in-time recovery off)");
    }

    @Test
    void anInstanceClassWithoutTheDbPrefixIsRejected() {
        rejected("class-ec2", b -> b.instanceClass("t4g.micro"),
                "app/database: property 'instanceClass' is 't4g.micro': expected an RDS instance class such as"
                        + " db.t4g.micro or db.m7g.large: db.t3 or db.t4g micro..2xlarge, or db.m5, db.m6g, db.m6i,"
                        + " db.m7g, db.m7i, db.m8g, db.r5, db.r6g, db.r6i, db.r7g, db.r7i or db.r8g large and up");
    }

    @Test
    void anUnknownInstanceClassFamilyIsRejected() {
        rejected("class-family", b -> b.instanceClass("db.x2g.large"),
                "app/database: property 'instanceClass' is 'db.x2g.large': expected an RDS instance class such as"
                        + " db.t4g.micro or db.m7g.large: db.t3 or db.t4g micro..2xlarge, or db.m5, db.m6g, db.m6i,"
                        + " db.m7g, db.m7i, db.m8g, db.r5, db.r6g, db.r6i, db.r7g, db.r7i or db.r8g large and up");
    }

    @Test
    void aUsernameRdsKeepsForItselfIsRejected() {
        rejected("username-reserved", b -> b.username("rdsadmin"),
                "app/database: property 'username' is 'rdsadmin': expected a name RDS does not keep for itself"
                        + " (rdsadmin, rdsproxyadmin, rdsrepladmin), such as the default admin");
    }

    @Test
    void aUsernameWithAHyphenIsRejected() {
        rejected("username-hyphen", b -> b.username("app-admin"),
                "app/database: property 'username' is 'app-admin': expected 1-16 letters, digits or underscores"
                        + " starting with a letter");
    }

    @Test
    void aDatabaseNameStartingWithADigitIsRejected() {
        rejected("db-name", b -> b.databaseName("1shop"),
                "app/database: property 'databaseName' is '1shop': expected 1-64 letters, digits or underscores"
                        + " starting with a letter");
    }

    @Test
    void aMalformedBackupWindowIsRejected() {
        rejected("backup-window", b -> b.backupWindow("2am-3am"),
                "app/database: property 'backupWindow' is '2am-3am': expected hh24:mi-hh24:mi in UTC such as"
                        + " 17:00-18:00 (02:00-03:00 in Seoul)");
    }

    @Test
    void aMaintenanceWindowWithoutDaysIsRejected() {
        rejected("maintenance-window", b -> b.maintenanceWindow("18:00-19:00"),
                "app/database: property 'maintenanceWindow' is '18:00-19:00': expected ddd:hh24:mi-ddd:hh24:mi in"
                        + " UTC such as sun:18:00-sun:19:00 (Monday 03:00 in Seoul)");
    }

    @Test
    void performanceInsightsOnAMicroClassIsRejected() {
        rejected("insights-micro", b -> b.performanceInsights(true),
                "app/database: property 'performanceInsights' is 'true': expected false on db.t4g.micro: RDS for"
                        + " MySQL offers no Performance Insights on micro and small classes; choose db.t4g.medium"
                        + " or larger");
    }

    @Test
    void aBlankParameterValueIsRejected() {
        rejected("parameter-blank", b -> b.parameter("max_connections", " "),
                "app/database: property 'parameter.max_connections' is ' ': expected a value; leave the parameter"
                        + " out to keep the engine default");
    }

    @Test
    void aNetworkWithoutPrivateSubnetsIsRejected() {
        assertRejected("database-no-private", stack -> new Database(stack, "database", DatabaseProps.builder(
                        new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                                .privateSubnets(false).build())).build()),
                "app/database: property 'network' is '0 private subnets': expected private subnets in at least 2"
                        + " availability zones (an RDS DB subnet group spans two zones, even for a Single-AZ instance)");
    }

    @Test
    void aConstructIdThatMakesAnInvalidIdentifierIsRejected() {
        assertRejected("database-identifier", stack -> new Database(stack, "Main_DB",
                        DatabaseProps.builder(network(stack)).build()),
                "app/Main_DB: property 'identifier' is 'test-dev-Main_DB': expected 1-63 lowercase letters, digits"
                        + " or hyphens starting with a letter, without '--' or a trailing hyphen; it is"
                        + " project-environment-<construct id>, so shorten or rename the construct");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static JsonNode parameter(JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, List<String> names) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.add(name);
                collect(node.get(name), names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    @Test
    void aConnectedServiceGetsThePortTheSettingsAndReadAccessToTheSecretOnly() throws Exception {
        Synthesized s = TestStacks.synthStack("database-connect", stack -> {
            Network network = network(stack);
            Database db = new Database(stack, "db", DatabaseProps.builder(network).databaseName("shop").build());
            Server api = new Server(stack, "api", ServerProps.builder(network).ami(TestStacks.ARM_AMI).build());
            db.connectService(api, "MySQL from the API");
        });
        // The port, from the service's group only.
        JsonNode ingress = s.resource("aws_vpc_security_group_ingress_rule", "db_security-group_ingress-tcp-3306-from-api");
        assertThat(ingress.path("referenced_security_group_id").asText()).contains("api");
        // The settings, as plain SSM parameters under /<project>/<env>/<id> (no secret among them).
        List<String> names = new ArrayList<>();
        s.resources("aws_ssm_parameter").forEach(p -> names.add(p.path("name").asText() + "=" + p.path("value").asText()));
        assertThat(names).containsExactlyInAnyOrder(
                "/test/dev/db/host=${aws_db_instance.db_instance.address}",
                "/test/dev/db/port=${aws_db_instance.db_instance.port}",
                "/test/dev/db/name=shop",
                "/test/dev/db/secret-arn=${aws_db_instance.db_instance.master_user_secret[0].secret_arn}");
        s.resources("aws_ssm_parameter").forEach(p -> assertThat(p.path("type").asText()).isEqualTo("String"));
        // The role reads those and the managed secret, nothing else. GetSecretValue on the secret's ARN:
        // https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_iam-policies.html
        JsonNode grant = s.resource("aws_iam_role_policy", "db_grant-api");
        assertThat(grant.path("role").asText()).isEqualTo("${aws_iam_role.api_role_role.id}");
        JsonNode statements = new com.fasterxml.jackson.databind.ObjectMapper().readTree(grant.path("policy").asText())
                .path("Statement");
        assertThat(statements.toString())
                .contains("\"ssm:GetParametersByPath\",\"Resource\":\"${dirname(aws_ssm_parameter.db_setting-host.arn)}\"")
                .contains("\"Resource\":\"${dirname(aws_ssm_parameter.db_setting-host.arn)}/*\"")
                .contains("\"secretsmanager:GetSecretValue\"")
                .contains("\"Resource\":\"${aws_db_instance.db_instance.master_user_secret[0].secret_arn}\"")
                .doesNotContain("\"*\"");
        ProviderSchema.aws6().assertValid(s.json());
    }
}
