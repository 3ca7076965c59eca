package io.growstack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.core.GrowStack;
import io.growstack.delivery.GitHubOidc;
import io.growstack.examples.v5.NextExample;
import io.growstack.files.InfrastructureWorkflow;
import io.growstack.review.Review;
import io.growstack.review.Severity;
import io.growstack.testing.ExampleStacks;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.UserDataChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class V5NextTest {
    private static final String NAME = "v5-next";
    private static Map<String, Synthesized> stacks;
    private static Synthesized bootstrap;
    private static Synthesized main;
    private static Synthesized dev;
    static final String ACCOUNT = "123456789012";
    static final Map<String, Object> VARIABLES = Map.of("account_id", ACCOUNT,
            "admin_cidrs", List.of("203.0.113.7/32"), "prometheus_sha256", "0".repeat(64));

    @BeforeAll
    static void synth() {
        stacks = ExampleStacks.synthAll(NAME, NextExample::define);
        bootstrap = stacks.get(NextExample.BOOTSTRAP_STACK);
        main = stacks.get(NextExample.STACK);
        dev = stacks.get(NextExample.DEV_STACK);
    }

    @Test
    void oneProgramHasTheAccountStackAndAProdAndADevEnvironment() {
        assertThat(stacks).containsOnlyKeys(NextExample.BOOTSTRAP_STACK, NextExample.STACK, NextExample.DEV_STACK);
        assertThat(bootstrap.json().path("terraform").path("backend").has("local")).isTrue();
    }

    @Test
    void theBootstrapBucketIsVersionedPrivateEncryptedAndKept() {
        assertThat(bootstrap.count("aws_s3_bucket")).isEqualTo(1);
        JsonNode bucket = bootstrap.resources("aws_s3_bucket").elements().next();
        assertThat(bucket.path("bucket").asText()).isEqualTo(NextExample.STATE_BUCKET).isEqualTo("waba-terraform-state");
        assertThat(bucket.path("force_destroy").asBoolean(false)).isFalse();
        JsonNode versioning = bootstrap.resources("aws_s3_bucket_versioning").elements().next();
        assertThat(versioning.path("versioning_configuration").path("status").asText()).isEqualTo("Enabled");
        JsonNode block = bootstrap.resources("aws_s3_bucket_public_access_block").elements().next();
        for (String flag : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertThat(block.path(flag).asBoolean()).as(flag).isTrue();
        }
        assertThat(bootstrap.count("aws_s3_bucket_server_side_encryption_configuration")).isEqualTo(1);
        assertThat(bootstrap.resources("aws_s3_bucket_server_side_encryption_configuration").toString())
                .contains("sse_algorithm");
        assertThat(bootstrap.resources("aws_s3_bucket_policy").toString()).contains("aws:SecureTransport");
    }

    @Test
    void theMainStackKeepsItsStateInTheBootstrapBucketWithTheNativeLockFile() {
        JsonNode terraform = main.json().path("terraform");
        JsonNode s3 = terraform.path("backend").path("s3");
        assertThat(s3.path("bucket").asText()).isEqualTo(NextExample.STATE_BUCKET);
        assertThat(s3.path("key").asText()).isEqualTo("v5-next/terraform.tfstate");
        assertThat(s3.path("region").asText()).isEqualTo("ap-northeast-2");
        assertThat(s3.path("encrypt").asBoolean()).isTrue();
        assertThat(s3.path("use_lockfile").asBoolean()).isTrue();
        assertThat(s3.has("dynamodb_table")).isFalse();
        assertThat(terraform.path("required_version").asText()).contains(GrowStack.LOCKFILE_TERRAFORM_VERSION);
    }

    @Test
    void theDatabaseIsMultiAzAndTheCacheIsEncryptedAndOnlyForTheApi() {
        assertThat(main.resources("aws_db_instance").elements().next().path("multi_az").asBoolean()).isTrue();
        assertThat(main.count("aws_elasticache_replication_group")).isEqualTo(1);
        JsonNode cache = main.resources("aws_elasticache_replication_group").elements().next();
        assertThat(cache.path("engine").asText()).isEqualTo("valkey");
        assertThat(cache.path("transit_encryption_enabled").asBoolean()).isTrue();
        assertThat(cache.path("at_rest_encryption_enabled").asBoolean()).isTrue();
        List<JsonNode> ingress6379 = new ArrayList<>();
        main.resources("aws_vpc_security_group_ingress_rule").forEach(rule -> {
            if (rule.path("from_port").asInt() == 6379 || rule.path("to_port").asInt() == 6379) {
                ingress6379.add(rule);
            }
        });
        assertThat(ingress6379).hasSize(1);
        assertThat(ingress6379.get(0).path("referenced_security_group_id").asText()).contains("api");
        assertThat(ingress6379.get(0).has("cidr_ipv4")).isFalse();
        assertThat(SecurityGroupWalk.violations(main.json())).isEmpty();
    }

    @Test
    void theAccountStackHoldsTheOnlyOidcProviderAndTheEnvironmentsTrustItByArn() {
        // IAM allows one OIDC provider per URL per account:
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
        assertThat(bootstrap.resources("aws_iam_openid_connect_provider").toString())
                .contains("https://" + GitHubOidc.ISSUER_HOST);
        assertThat(main.count("aws_iam_openid_connect_provider")).isZero();
        assertThat(dev.count("aws_iam_openid_connect_provider")).isZero();
        String providerArn = "arn:aws:iam::${var.account_id}:oidc-provider/" + GitHubOidc.ISSUER_HOST;
        for (Synthesized environment : List.of(main, dev)) {
            assertThat(environment.resource("aws_iam_role", "delivery_github_deploy-role").path("assume_role_policy")
                    .asText()).contains(providerArn);
            assertThat(environment.json().path("variable").path("account_id").path("validation").toString())
                    .contains("^[0-9]{12}$");
        }
        assertThat(dev.json().path("terraform").path("backend").path("s3").path("key").asText())
                .isEqualTo(NextExample.DEV_STATE_KEY);
    }

    @Test
    void thePipelineHasAReadOnlyPlanRoleAndAnApplyRolePinnedToMain() {
        JsonNode apply = main.resource("aws_iam_role", "pipeline_deploy-role");
        assertThat(apply.path("assume_role_policy").asText())
                .contains("\"" + GitHubOidc.SUB_KEY + "\":\"repo:" + NextExample.REPOSITORY + ":ref:refs/heads/main\"")
                .doesNotContain("StringLike");
        JsonNode plan = main.resource("aws_iam_role", "pipeline_plan-role");
        assertThat(plan.path("assume_role_policy").asText())
                .contains("\"repo:" + NextExample.REPOSITORY + ":pull_request\"");
        List<String> attached = new ArrayList<>();
        main.resources("aws_iam_role_policy_attachment").forEach(a -> attached.add(a.path("policy_arn").asText()
                + " -> " + a.path("role").asText()));
        assertThat(attached).anySatisfy(a -> assertThat(a).contains("policy/ReadOnlyAccess").contains("plan-role"))
                .anySatisfy(a -> assertThat(a).contains("policy/AdministratorAccess").contains("deploy-role"))
                .noneSatisfy(a -> assertThat(a).contains("AdministratorAccess").contains("plan-role"));
        JsonNode stateRead = main.resource("aws_iam_role_policy", "pipeline_plan-state-read");
        assertThat(stateRead.path("policy").asText()).contains("s3:GetObject")
                .contains(NextExample.STATE_BUCKET + "/" + NextExample.STATE_KEY).doesNotContain("s3:PutObject");
    }

    @Test
    void noHighFindingIsLeftOpenAndEverySuppressionHasAReason() {
        for (Synthesized s : stacks.values()) {
            Review review = Review.of(s.json());
            assertThat(review.open()).filteredOn(f -> f.rule().severity() == Severity.HIGH).isEmpty();
            assertThat(review.suppressed())
                    .allSatisfy(f -> assertThat(f.suppression().reason()).hasSizeGreaterThanOrEqualTo(10));
        }
        assertThat(Review.of(main.json()).suppressed()).anySatisfy(f -> assertThat(f.rule().id()).isEqualTo("GS-IAM-002"));
    }

    @Test
    void terraformValidatesAndPlansEveryStack() {
        ProviderSchema.aws6().assertValid(bootstrap.json());
        ProviderSchema.aws6().assertValid(main.json());
        Terraform.assertValidAndPlans(bootstrap);
        Terraform.assertValidAndPlans(main, VARIABLES);
        ProviderSchema.aws6().assertValid(dev.json());
        Terraform.assertValidAndPlans(dev, Map.of("account_id", ACCOUNT));
        UserDataChecks.assertClean(main.json());
    }

    @Test
    void itsAddressesAreThePublicContractAndItsOutputIsDeterministic() {
        ExampleStacks.assertAddressesMatchGolden(NAME, stacks);
        ExampleStacks.assertDeterministic(NAME, NextExample::define);
    }

    @Test
    void theCommittedInfrastructureWorkflowIsTheRenderedOne() throws IOException {
        InfrastructureWorkflow workflow = InfrastructureWorkflow.of(new InfrastructureWorkflow.Settings(
                NextExample.STACK, NextExample.REGION, NextExample.BRANCH, NextExample.VARIABLES));
        Path committed = Path.of("examples", NAME, InfrastructureWorkflow.PATH);
        if (Boolean.getBoolean("growstack.updateGolden")) {
            workflow.writeTo(Path.of("examples", NAME));
        }
        assertThat(committed).exists();
        assertThat(Files.readString(committed)).as(committed + " (regenerate with -Dgrowstack.updateGolden=true)")
                .isEqualTo(workflow.content());
    }
}
