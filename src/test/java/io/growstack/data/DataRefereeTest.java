package io.growstack.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.SecurityGroupWalk.Rule;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data blocks wired to a server: security-group invariants, the provider 6.25.0 schema check,
 * and the real terraform validate and offline plan (provider 5.100.0).
 */
class DataRefereeTest {
    private static final String DB_GROUP = "${aws_security_group.database_security-group_group.id}";
    private static final String CACHE_GROUP = "${aws_security_group.cache_security-group_group.id}";
    private static final String API_GROUP = "${aws_security_group.api_security-group_group.id}";
    private static final String VPC_CIDR = "10.0.0.0/16";

    private static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    @Test
    void noDatabaseOrCachePortIsReachableFromOutsideTheVpcByDefault() {
        Synthesized s = TestStacks.synthStack("data-private", stack -> {
            Network network = network(stack);
            new Database(stack, "database", DatabaseProps.builder(network).build());
            new Cache(stack, "cache", CacheProps.builder(network).build());
        });
        assertThat(SecurityGroupWalk.violations(s.json())).isEmpty();
        List<Rule> ingress = SecurityGroupWalk.ingress(s.json());
        assertThat(ingress).filteredOn(r -> r.group().equals(DB_GROUP) || r.group().equals(CACHE_GROUP)).isEmpty();
        assertThat(ingress).allSatisfy(r -> assertThat(r.cidr()).as(r.address()).isNull());
        for (String group : List.of(DB_GROUP, CACHE_GROUP)) {
            assertThat(SecurityGroupWalk.egress(s.json())).filteredOn(r -> r.group().equals(group))
                    .singleElement().satisfies(r -> assertThat(r.cidr()).isEqualTo(VPC_CIDR));
        }
        // The private subnets route nowhere outside the VPC, and neither store asks for a public address.
        assertThat(s.resource("aws_db_instance", "database_instance").path("publicly_accessible").asBoolean()).isFalse();
        assertThat(s.resource("aws_db_subnet_group", "database_subnet-group").path("subnet_ids").toString())
                .doesNotContain("public");
        assertThat(s.resource("aws_elasticache_subnet_group", "cache_subnet-group").path("subnet_ids").toString())
                .doesNotContain("public");
    }

    @Test
    void aServerAllowedOnAMultiAzDatabaseAndAReplicatedCacheValidatesAndPlans() {
        Synthesized s = TestStacks.synthStack("tf-data", stack -> {
            Network network = network(stack);
            Server api = new Server(stack, "api", ServerProps.builder(network).ami(TestStacks.ARM_AMI).build());
            Database db = new Database(stack, "database", DatabaseProps.builder(network).multiAz(true).build());
            Cache cache = new Cache(stack, "cache", CacheProps.builder(network).replicas(1).build());
            db.connections().allowDefaultPortFrom(api, "MySQL from the API");
            cache.connections().allowDefaultPortFrom(api, "Valkey from the API");
            output(stack, "database_endpoint", db.endpoint());
            output(stack, "database_secret_arn", db.secretArn());
            output(stack, "cache_primary_endpoint", cache.primaryEndpoint());
            output(stack, "cache_reader_endpoint", cache.readerEndpoint());
        });
        assertThat(SecurityGroupWalk.violations(s.json())).isEmpty();
        List<Rule> ingress = SecurityGroupWalk.ingress(s.json());
        assertThat(ingress).filteredOn(r -> r.group().equals(DB_GROUP)).singleElement().satisfies(r -> {
            assertThat(r.peerGroup()).isEqualTo(API_GROUP);
            assertThat(r.cidr()).isNull();
            assertThat(List.of(r.protocol(), r.from(), r.to())).containsExactly("tcp", 3306, 3306);
        });
        assertThat(ingress).filteredOn(r -> r.group().equals(CACHE_GROUP)).singleElement().satisfies(r -> {
            assertThat(r.peerGroup()).isEqualTo(API_GROUP);
            assertThat(r.cidr()).isNull();
            assertThat(List.of(r.protocol(), r.from(), r.to())).containsExactly("tcp", 6379, 6379);
        });
        assertThat(SecurityGroupWalk.egress(s.json())).filteredOn(r -> r.group().equals(API_GROUP)
                && r.peerGroup() != null).extracting(Rule::peerGroup).containsExactlyInAnyOrder(DB_GROUP, CACHE_GROUP);
        JsonNode outputs = s.json().path("output");
        assertThat(outputs.path("database_secret_arn").path("value").asText())
                .isEqualTo("${aws_db_instance.database_instance.master_user_secret[0].secret_arn}");

        ProviderSchema.aws6().assertValid(s.json());
        Terraform.assertValidAndPlans(s);
    }

    private static void output(GrowStack stack, String name, String value) {
        new TerraformOutput(stack, name, TerraformOutputConfig.builder().value(value).build());
    }
}
