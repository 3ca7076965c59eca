package io.growstack.core;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowStackTest {

    @Test
    void theProviderIsPinnedToTheVerifiedRangeWithRegionAndDefaultTags() {
        Synthesized s = TestStacks.synth("stack-provider", app -> new GrowStack(app, "shop",
                GrowStackProps.builder("ap-northeast-2").environment("prod").tag("Team", "api").build()));
        JsonNode aws = s.json().path("terraform").path("required_providers").path("aws");
        assertThat(aws.path("source").asText()).isEqualTo("hashicorp/aws");
        assertThat(aws.path("version").asText()).isEqualTo(">= 5.100.0, < 7.0.0");
        JsonNode provider = s.json().path("provider").path("aws").get(0);
        assertThat(provider.path("region").asText()).isEqualTo("ap-northeast-2");
        assertThat(provider.path("default_tags").get(0).path("tags").toString())
                .isEqualTo("{\"Environment\":\"prod\",\"ManagedBy\":\"growstack\",\"Project\":\"shop\",\"Team\":\"api\"}");
    }

    @Test
    void localStateLivesOutsideTheOutputFolderOnARelativePath() {
        Synthesized s = TestStacks.synth("stack-local", app -> new GrowStack(app, "shop",
                GrowStackProps.builder("ap-northeast-2").build()));
        assertThat(s.json().path("terraform").path("backend").path("local").path("path").asText())
                .isEqualTo("../../../terraform.shop.tfstate");
        // From cdktf.out/stacks/shop, ../../../ is the folder that holds cdktf.out.
        assertThat(s.dir().resolve("../../../terraform.shop.tfstate").normalize())
                .isEqualTo(s.dir().getParent().getParent().getParent().resolve("terraform.shop.tfstate"));
    }

    @Test
    void s3StateLocksWithTheNativeLockFileAndRequiresTerraformOneTen() {
        Synthesized s = TestStacks.synth("stack-s3", app -> new GrowStack(app, "shop",
                GrowStackProps.builder("ap-northeast-2")
                        .backend(StateBackend.s3("shop-state", "prod/shop.tfstate", "ap-northeast-2")).build()));
        JsonNode s3 = s.json().path("terraform").path("backend").path("s3");
        assertThat(s3.path("bucket").asText()).isEqualTo("shop-state");
        assertThat(s3.path("encrypt").asBoolean()).isTrue();
        assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
        assertThat(s3.has("dynamodb_table")).isFalse();
        assertThat(s.json().path("terraform").path("required_version").asText()).isEqualTo(">= 1.10");
    }

    @Test
    void s3StateMayLockWithADynamoDbTableInstead() {
        Synthesized s = TestStacks.synth("stack-s3-dynamo", app -> new GrowStack(app, "shop",
                GrowStackProps.builder("ap-northeast-2").backend(StateBackend.s3("shop-state", "shop.tfstate",
                        "ap-northeast-2").withDynamoDbLockTable("shop-locks")).build()));
        JsonNode s3 = s.json().path("terraform").path("backend").path("s3");
        assertThat(s3.path("dynamodb_table").asText()).isEqualTo("shop-locks");
        assertThat(s3.has("use_lockfile")).isFalse();
    }

    @Test
    void anAdditionalRegionGetsAnAliasedProvider() {
        Synthesized s = TestStacks.synth("stack-regions", app -> {
            GrowStack stack = new GrowStack(app, "shop", GrowStackProps.builder("ap-northeast-2")
                    .additionalRegions(List.of("us-east-1")).build());
            assertThat(stack.provider("us-east-1").getAlias()).isEqualTo("us_east_1");
            assertThat(stack.provider("ap-northeast-2")).isSameAs(stack.provider());
        });
        JsonNode providers = s.json().path("provider").path("aws");
        assertThat(providers.size()).isEqualTo(2);
        assertThat(providers.get(1).path("alias").asText()).isEqualTo("us_east_1");
        assertThat(providers.get(1).path("region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void namesArePrefixedWithProjectAndEnvironment() {
        TestStacks.synth("stack-naming", app -> {
            GrowStack stack = new GrowStack(app, "shop", GrowStackProps.builder("ap-northeast-2")
                    .project("shop").environment("prod").build());
            assertThat(stack.naming().name("artifacts")).isEqualTo("shop-prod-artifacts");
            assertThat(stack.partition()).isEqualTo("aws");
        });
    }

    @Test
    void anUnknownRegionIsRejected() {
        assertThatThrownBy(() -> TestStacks.synth("stack-bad-region", app -> new GrowStack(app, "shop",
                GrowStackProps.builder("seoul").build())))
                .isInstanceOf(ValidationException.class)
                .hasMessage("shop: property 'region' is 'seoul': expected an AWS region such as ap-northeast-2");
    }

    @Test
    void aProjectNameThatCannotPrefixBucketNamesIsRejected() {
        assertThatThrownBy(() -> TestStacks.synth("stack-bad-project", app -> new GrowStack(app, "shop",
                GrowStackProps.builder("ap-northeast-2").project("My_Shop").build())))
                .isInstanceOf(ValidationException.class)
                .hasMessage("shop: property 'project' is 'My_Shop': expected 1-16 lowercase letters, digits or"
                        + " single hyphens, starting with a letter and ending with a letter or digit (it prefixes S3"
                        + " bucket, IAM and database names)");
    }

    @Test
    void anAbsoluteStatePathIsRejected() {
        assertThatThrownBy(() -> TestStacks.synth("stack-abs-state", app -> new GrowStack(app, "shop",
                GrowStackProps.builder("ap-northeast-2").backend(StateBackend.local("/var/state.tfstate")).build())))
                .isInstanceOf(ValidationException.class)
                .hasMessage("shop: property 'backend.path' is '/var/state.tfstate': expected a path relative to the"
                        + " stack folder, so the synthesized JSON is the same on every machine");
    }

    @Test
    void askingForAProviderInARegionNotConfiguredIsRejected() {
        assertRejected("provider-region", stack -> stack.provider("us-east-1"),
                "app: property 'additionalRegions' is '[]': expected it to contain us-east-1 because a block"
                        + " needs a provider there");
    }

    @Test
    void zonesAndImagesPinnedInTheContextReplaceLookups() {
        java.nio.file.Path out = TestStacks.freshDir("stack-pinned");
        Synthesizer.Result result = Synthesizer.synth(out, java.util.Map.of(
                GrowStack.CONTEXT_ZONES, List.of("ap-northeast-2a", "ap-northeast-2c"),
                GrowStack.CONTEXT_AMIS, java.util.Map.of("x86_64", "ami-0123456789abcdef0")),
                app -> new io.growstack.network.Network(TestStacks.stack(app, "shop"), "network"));
        JsonNode json = TestStacks.read(result.stacks().get("shop"));
        assertThat(json.has("data")).isFalse();
        assertThat(json.path("resource").path("aws_subnet").path("network_public-subnet-2").path("availability_zone").asText())
                .isEqualTo("ap-northeast-2c");
        assertThat(json.path("resource").path("aws_launch_template").path("network_nat-launch-template").path("image_id").asText())
                .isEqualTo("ami-0123456789abcdef0");
    }
}
