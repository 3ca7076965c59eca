package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import com.hashicorp.cdktf.Testing;
import io.growstack.aws.SnsTopic;
import io.growstack.aws.Vpc;
import io.growstack.network.Network;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

/**
 * growstack resources are plain values rendered by one element per stack: these are the cdktf
 * escape hatches users rely on, asserted on the JSON and, for the whole set, by terraform validate
 * and an offline plan.
 */
class ResourceEscapeHatchTest {
    private static final Vpc VPC = new Vpc("10.0.0.0/16", true, true, Map.of());

    @Test
    void everyEscapeHatchRendersAsCdktfWouldAndTerraformAcceptsIt() {
        TestStacks.Synthesized stack = TestStacks.synth("escape-hatches", app -> {
            GrowStack growStack = new GrowStack(app, "escape-hatches", GrowStackProps.builder(TestStacks.REGION)
                    .project("test").additionalRegions(java.util.List.of("us-east-1")).build());
            Construct block = new Construct(growStack, "block");

            // A user's own cdktf resource, given a readable name.
            TerraformResource userBucket = new TerraformResource(growStack, "user-bucket",
                    TerraformResourceConfig.builder().terraformResourceType("aws_s3_bucket").build());
            userBucket.overrideLogicalId("user_bucket");
            userBucket.addOverride("bucket_prefix", "escape-");

            Resource vpc = new Resource(block, "vpc", VPC, ResourceOptions.ignoreChanges("tags")
                    .withDependsOn(userBucket).withCreateBeforeDestroy());
            vpc.addOverride("instance_tenancy", "default");
            vpc.addOverride("tags.Owner", "platform");
            vpc.addOverride("enable_dns_hostnames", null);

            // The reverse: the user's resource depends on, and refers to, a growstack resource.
            TerraformResource userTopic = new TerraformResource(growStack, "user-topic",
                    TerraformResourceConfig.builder().terraformResourceType("aws_sns_topic")
                            .dependsOn(List.of(vpc)).build());
            userTopic.overrideLogicalId("user_topic");
            userTopic.addOverride("name", "vpc-" + vpc.attr("id"));

            // A cdktf token inside a growstack resource.
            new Resource(block, "topic", new SnsTopic(null, userBucket.getStringAttribute("bucket"), null, null,
                    Map.of()), ResourceOptions.NONE.withProvider(growStack.provider("us-east-1")));

            TerraformVariable names = new TerraformVariable(growStack, "topic_names", TerraformVariableConfig.builder()
                    .type("list(string)").defaultValue(List.of("a", "b")).build());
            new Resource(block, "each", new SnsTopic("${each.value}", null, null, null, Map.of()),
                    ResourceOptions.forEachOf(names.getListValue()));
            new Resource(block, "counted", new SnsTopic(null, "counted", null, null, Map.of()),
                    ResourceOptions.count(2));
            new TerraformOutput(growStack, "vpc-id", TerraformOutputConfig.builder().value(vpc.attr("id")).build());
        });

        JsonNode vpc = stack.resource("aws_vpc", "block_vpc");
        assertThat(vpc.path("instance_tenancy").asText()).isEqualTo("default");
        assertThat(vpc.path("tags").path("Owner").asText()).isEqualTo("platform");
        assertThat(vpc.has("enable_dns_hostnames")).as("a null override deletes the key").isFalse();
        assertThat(vpc.path("depends_on").get(0).asText()).isEqualTo("aws_s3_bucket.user_bucket");
        assertThat(vpc.path("lifecycle").path("ignore_changes").get(0).asText()).isEqualTo("tags");
        assertThat(vpc.path("lifecycle").path("create_before_destroy").asBoolean()).isTrue();
        assertThat(vpc.path("//").path("metadata").path("path").asText()).isEqualTo("escape-hatches/block/vpc");
        assertThat(stack.json().path("//").path("metadata").path("overrides").path("aws_vpc"))
                .extracting(JsonNode::asText).containsExactly("instance_tenancy", "tags", "enable_dns_hostnames");

        JsonNode topic = stack.resource("aws_sns_topic", "user_topic");
        assertThat(topic.path("depends_on").get(0).asText()).isEqualTo("aws_vpc.block_vpc");
        assertThat(topic.path("name").asText()).isEqualTo("vpc-${aws_vpc.block_vpc.id}");

        JsonNode withToken = stack.resource("aws_sns_topic", "block_topic");
        assertThat(withToken.path("display_name").asText()).isEqualTo("${aws_s3_bucket.user_bucket.bucket}");
        assertThat(withToken.path("provider").asText()).isEqualTo("aws.us_east_1");

        assertThat(stack.resource("aws_sns_topic", "block_each").path("for_each").asText())
                .isEqualTo("${toset(var.topic_names)}");
        assertThat(stack.resource("aws_sns_topic", "block_counted").path("count").asInt()).isEqualTo(2);
        assertThat(stack.json().path("output").path("vpc-id").path("value").asText()).isEqualTo("${aws_vpc.block_vpc.id}");

        // Planned instances: 1 bucket + 1 vpc + 2 topics (user's, provider) + 2 for_each + 2 count.
        Terraform.require();
        Terraform.writeOverride(stack);
        assertThat(Terraform.init(stack.dir()).exitCode()).isZero();
        assertThat(Terraform.validate(stack.dir()).exitCode()).isZero();
        assertThat(Terraform.planAdds(stack.dir())).isEqualTo(8);
    }

    /** Arguments with a list of blocks, to override into. */
    record Rules(String name, List<Map<String, Object>> ingress) implements ResourceArgs {
        @Override
        public String terraformType() {
            return "aws_security_group";
        }
    }

    @Test
    void anOverrideIndexesIntoARenderedListAndAListValueIsAppended() {
        TestStacks.Synthesized stack = TestStacks.synthStack("override-list", growStack -> {
            Resource described = new Resource(growStack, "described", new Rules("g", List.of(Map.of("from_port", 22))));
            described.addOverride("ingress.0.description", "ssh");
            Resource appended = new Resource(growStack, "appended", new Rules("h", List.of(Map.of("from_port", 22))));
            appended.addOverride("ingress", List.of(Map.of("from_port", 443)));
        });
        assertThat(stack.resource("aws_security_group", "described").path("ingress").toString())
                .isEqualTo("[{\"description\":\"ssh\",\"from_port\":22}]");
        assertThat(stack.resource("aws_security_group", "appended").path("ingress").toString())
                .isEqualTo("[{\"from_port\":22},{\"from_port\":443}]");
    }

    @Test
    void aCdktfObjectAsAnOverrideValueIsResolvedByCdktf() {
        // Such a body cannot go to jsii as plain JSON: it stays a map, so jsii passes the object by reference.
        TestStacks.Synthesized stack = TestStacks.synthStack("override-object", growStack -> {
            Resource vpc = new Resource(growStack, "vpc", VPC);
            vpc.addOverride("instance_tenancy", com.hashicorp.cdktf.Token.asAny("dedicated"));
            vpc.addOverride("tags.Lookup", com.hashicorp.cdktf.Fn.lookup(Map.of("k", "v"), "k", "none"));
        });
        JsonNode vpc = stack.resource("aws_vpc", "vpc");
        assertThat(vpc.path("instance_tenancy").asText()).isEqualTo("dedicated");
        assertThat(vpc.path("tags").path("Lookup").asText()).isEqualTo("${lookup({\"k\" = \"v\"}, \"k\", \"none\")}");
    }

    @Test
    void anOverridePathPastTheEndOfAListIsAnError() {
        assertThatThrownBy(() -> TestStacks.synthStack("override-past-end", growStack -> {
            Resource group = new Resource(growStack, "group", new Rules("g", List.of(Map.of("from_port", 22))));
            group.addOverride("ingress.5.description", "ssh");
        })).isInstanceOf(ValidationException.class)
                .hasMessage("override-past-end/group: property 'override' is 'override path part '5' is outside the"
                        + " list: expected an index 0..1': expected a path into the rendered arguments");
    }

    @Test
    void twoConstructPathsWithOneTerraformAddressAreAnErrorNamingBoth() {
        assertThatThrownBy(() -> TestStacks.synthStack("address-collision", growStack -> {
            new Network(growStack, "a_b");
            new Network(new Construct(growStack, "a"), "b");
        })).isInstanceOf(ValidationException.class)
                .hasMessage("address-collision/a/b/vpc: property 'id' is 'vpc': expected a construct path whose"
                        + " Terraform address differs from that of address-collision/a_b/vpc: both become"
                        + " aws_vpc.a_b_vpc (construct ids are joined with '_'); rename one of them");
    }

    @Test
    void aResourceIdUsedTwiceUnderOneScopeIsAnError() {
        assertThatThrownBy(() -> TestStacks.synthStack("duplicate-resource", growStack -> {
            new Resource(growStack, "vpc", VPC);
            new Resource(growStack, "vpc", new SnsTopic("t", null, null, null, Map.of()));
        })).isInstanceOf(ValidationException.class)
                .hasMessage("duplicate-resource/vpc: property 'id' is 'vpc': expected an id not used yet under"
                        + " duplicate-resource (it already holds aws_vpc.vpc)");
    }

    @Test
    void aResourceOutsideAGrowStackIsAnErrorNamingItsPath() {
        App app = new App();
        Construct plain = new Construct(app, "plain");
        assertThatThrownBy(() -> new Resource(plain, "vpc", VPC)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("plain: property 'scope' is 'plain': expected a GrowStack or a construct inside one");
    }

    @Test
    void cdktfTestingSynthRendersGrowstackResources() throws Exception {
        App app = Testing.app();
        GrowStack stack = TestStacks.stack(app, "testing-synth");
        new Network(stack, "network");
        JsonNode json = new ObjectMapper().readTree(Testing.synth(stack));
        assertThat(json.path("resource").path("aws_vpc").has("network_vpc")).isTrue();
        assertThat(json.path("resource").path("aws_subnet").size()).isEqualTo(4);
    }

    @Test
    void aCrossStackReferenceIsAnOutputThereAndRemoteStateHere() {
        TestStacks.Synthesized consumer = TestStacks.synth("cross-stack", app -> {
            GrowStack producer = TestStacks.stack(app, "cross-producer");
            GrowStack reader = TestStacks.stack(app, "cross-stack");
            Resource vpc = new Resource(producer, "vpc", VPC);
            String id = CrossStack.reference(vpc, "id", reader);
            assertThat(CrossStack.reference(vpc, "id", producer)).isEqualTo("${aws_vpc.vpc.id}");
            new Resource(reader, "topic", new SnsTopic(null, id, null, null, Map.of()));
        });
        // TestStacks.synth returns the first stack in the manifest; find the consumer by name.
        JsonNode producer = TestStacks.read(consumer.dir().getParent().resolve("cross-producer/cdk.tf.json"));
        assertThat(producer.path("output").path("cross-stack_aws_vpc_vpc_id").path("value").asText())
                .isEqualTo("${aws_vpc.vpc.id}");
        assertThat(producer.path("output").path("cross-stack_aws_vpc_vpc_id").path("sensitive").asBoolean()).isTrue();
        JsonNode reader = TestStacks.read(consumer.dir().getParent().resolve("cross-stack/cdk.tf.json"));
        JsonNode remote = reader.path("data").path("terraform_remote_state");
        assertThat(remote.size()).isEqualTo(1);
        String name = remote.fieldNames().next();
        assertThat(remote.path(name).path("backend").asText()).isEqualTo("local");
        assertThat(reader.path("resource").path("aws_sns_topic").path("topic").path("display_name").asText())
                .isEqualTo("${data.terraform_remote_state." + name + ".outputs.cross-stack_aws_vpc_vpc_id}");

        Terraform.require();
        TestStacks.Synthesized read = new TestStacks.Synthesized(consumer.dir().getParent().resolve("cross-stack"), reader);
        Terraform.writeOverride(read);
        assertThat(Terraform.init(read.dir()).exitCode()).isZero();
        var validate = Terraform.validate(read.dir());
        assertThat(validate.exitCode()).as(validate.stderr() + validate.stdout()).isZero();
    }
}
