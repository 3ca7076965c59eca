package io.growstack.delivery;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.files.DeliveryManifest;
import io.growstack.network.INetwork;
import io.growstack.network.Network;
import io.growstack.testing.DeliveryStacks;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.web.StaticSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both deployment styles' Terraform JSON and IAM documents, parsed. */
class DeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Synthesized blueGreen;
    private static Synthesized server;
    private static Synthesized styles;

    @BeforeAll
    static void synth() {
        blueGreen = TestStacks.synthStack("delivery-blue-green", stack -> DeliveryStacks.blueGreen(stack, UnaryOperator.identity()));
        server = TestStacks.synthStack("delivery-in-place-server", DeliveryStacks::inPlaceServer);
        styles = TestStacks.synthStack("delivery-styles", DeliveryTest::otherStyles);
    }

    static void otherStyles(io.growstack.core.GrowStack stack) {
        Network network = DeliveryStacks.network(stack);
        AutoScaledService web = new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network)
                .ami(TestStacks.ARM_AMI).deletionProtection(false).build());
        new Delivery(stack, "web-delivery", DeliveryProps.builder(DeliveryTarget.inPlace(web))
                .deploymentConfig(DeploymentConfig.ALL_AT_ONCE).build());
        AutoScaledService old = new AutoScaledService(stack, "old", AutoScaledServiceProps.builder(network)
                .ami(TestStacks.X86_AMI).instanceType("t3.micro").deletionProtection(false).build());
        new Delivery(stack, "old-delivery", DeliveryProps.builder(DeliveryTarget.blueGreenCopyingGroup(old)).build());
    }

    private static JsonNode document(Synthesized s, String type, String name, String attribute) {
        try {
            return JSON.readTree(s.resource(type, name).path(attribute).asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        for (JsonNode statement : policy.path("Statement")) {
            if (statement.path("Sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    private static List<String> sids(JsonNode policy) {
        List<String> sids = new ArrayList<>();
        policy.path("Statement").forEach(s -> sids.add(s.path("Sid").asText()));
        return sids;
    }

    private static String ref(String address) {
        return "${" + address + "}";
    }

    // --- blue/green -------------------------------------------------------------------------------

    @Test
    void theBlueGreenGroupDiscoversTheIdleColourAndTerraformIgnoresWhatCodeDeployChanges() {
        JsonNode group = blueGreen.resource("aws_codedeploy_deployment_group", "api-delivery_deployment-group");
        assertThat(group.path("app_name").asText()).isEqualTo("test-dev-api-delivery");
        assertThat(group.path("deployment_group_name").asText()).isEqualTo("test-dev-api-delivery");
        assertThat(group.path("deployment_config_name").asText()).isEqualTo("CodeDeployDefault.AllAtOnce");
        assertThat(group.path("deployment_style").path("deployment_type").asText()).isEqualTo("BLUE_GREEN");
        assertThat(group.path("deployment_style").path("deployment_option").asText()).isEqualTo("WITH_TRAFFIC_CONTROL");
        assertThat(group.path("autoscaling_groups").toString()).isEqualTo("[\"" + ref("aws_autoscaling_group.api_group.name") + "\"]");
        JsonNode config = group.path("blue_green_deployment_config");
        assertThat(config.path("green_fleet_provisioning_option").path("action").asText()).isEqualTo("DISCOVER_EXISTING");
        assertThat(config.path("terminate_blue_instances_on_deployment_success").path("action").asText()).isEqualTo("KEEP_ALIVE");
        assertThat(config.path("deployment_ready_option").path("action_on_timeout").asText()).isEqualTo("CONTINUE_DEPLOYMENT");
        assertThat(group.path("load_balancer_info").path("target_group_info").get(0).path("name").asText())
                .isEqualTo(ref("aws_lb_target_group.api_target-group.name"));
        assertThat(group.path("auto_rollback_configuration").path("enabled").asBoolean()).isTrue();
        assertThat(group.path("auto_rollback_configuration").path("events").toString()).isEqualTo("[\"DEPLOYMENT_FAILURE\"]");
        assertThat(group.path("lifecycle").path("ignore_changes").toString()).isEqualTo("[\"autoscaling_groups\"]");
        assertThat(group.path("service_role_arn").asText()).isEqualTo(ref("aws_iam_role.api-delivery_service-role.arn"));
        JsonNode app = blueGreen.resource("aws_codedeploy_app", "api-delivery_application");
        assertThat(app.path("compute_platform").asText()).isEqualTo("Server");
        assertThat(app.path("name").asText()).isEqualTo("test-dev-api-delivery");
    }

    @Test
    void theArtifactBucketIsPrivateVersionedEncryptedTlsOnlyAndExpiresReplacedBundles() {
        // S3 names are global across accounts: a prefix Terraform completes with a unique suffix.
        assertThat(blueGreen.resource("aws_s3_bucket", "api-delivery_artifacts_bucket").path("bucket_prefix").asText())
                .isEqualTo("test-dev-api-delivery-artifacts-");
        assertThat(blueGreen.resource("aws_s3_bucket_versioning", "api-delivery_artifacts_versioning")
                .path("versioning_configuration").path("status").asText()).isEqualTo("Enabled");
        JsonNode rule = blueGreen.resource("aws_s3_bucket_lifecycle_configuration", "api-delivery_artifacts_lifecycle")
                .path("rule").get(0);
        assertThat(rule.path("noncurrent_version_expiration").path("noncurrent_days").asInt()).isEqualTo(30);
        JsonNode access = blueGreen.resource("aws_s3_bucket_public_access_block", "api-delivery_artifacts_public-access-block");
        assertThat(access.path("block_public_acls").asBoolean() && access.path("block_public_policy").asBoolean()
                && access.path("ignore_public_acls").asBoolean() && access.path("restrict_public_buckets").asBoolean()).isTrue();
        assertThat(blueGreen.resource("aws_s3_bucket_server_side_encryption_configuration", "api-delivery_artifacts_encryption")
                .path("rule").get(0).path("apply_server_side_encryption_by_default").path("sse_algorithm").asText())
                .isEqualTo("AES256");
        JsonNode policy = document(blueGreen, "aws_s3_bucket_policy", "api-delivery_artifacts_policy", "policy");
        JsonNode tls = statement(policy, "DenyInsecureTransport");
        assertThat(tls.path("Effect").asText()).isEqualTo("Deny");
        assertThat(tls.path("Condition").path("Bool").path("aws:SecureTransport").asText()).isEqualTo("false");
    }

    @Test
    void theServiceRoleHasTheManagedPolicyAndPassesOnlyTheInstanceRoleToEc2() {
        JsonNode trust = document(blueGreen, "aws_iam_role", "api-delivery_service-role", "assume_role_policy");
        assertThat(trust.path("Statement").get(0).path("Principal").path("Service").asText()).isEqualTo("codedeploy.amazonaws.com");
        assertThat(blueGreen.resource("aws_iam_role_policy_attachment", "api-delivery_service-role-policy")
                .path("policy_arn").asText()).isEqualTo("arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole");
        JsonNode inline = document(blueGreen, "aws_iam_role_policy", "api-delivery_service-role-inline", "policy");
        assertThat(sids(inline)).containsExactly("PassInstanceRoleToEc2");
        JsonNode pass = statement(inline, "PassInstanceRoleToEc2");
        assertThat(pass.path("Action").asText()).isEqualTo("iam:PassRole");
        assertThat(pass.path("Resource").asText()).isEqualTo(ref("aws_iam_role.api_role_role.arn"));
        assertThat(pass.path("Condition").path("StringEquals").path("iam:PassedToService").asText()).isEqualTo("ec2.amazonaws.com");
    }

    @Test
    void theInstancesReadOnlyThisBucketsBundlesAndRunTheAgent() {
        JsonNode read = document(blueGreen, "aws_iam_role_policy", "api_role_inline-1", "policy");
        JsonNode statement = statement(read, Delivery.READ_BUNDLES_SID);
        assertThat(statement.path("Action").toString()).isEqualTo("[\"s3:GetObject\",\"s3:GetObjectVersion\"]");
        assertThat(statement.path("Resource").asText()).isEqualTo("${aws_s3_bucket.api-delivery_artifacts_bucket.arn}/bundles/*");
        String userData = new String(Base64.getDecoder().decode(blueGreen.resource("aws_launch_template",
                "api_launch-template").path("user_data").asText()), StandardCharsets.UTF_8);
        assertThat(userData).startsWith("#!/bin/bash\n" + CodeDeployAgent.MARKER + " (ap-northeast-2, arm64) ---\n");
        assertThat(userData).contains("https://aws-codedeploy-ap-northeast-2.s3.ap-northeast-2.amazonaws.com/latest/install")
                .contains("systemctl enable --now codedeploy-agent").contains("aarch64")
                .endsWith("# --- end growstack: CodeDeploy agent ---\n" + DeliveryStacks.SCRIPT.substring("#!/bin/bash\n".length()));
    }

    @Test
    void theDeployRoleMayUploadBundlesDeployToThisGroupMoveTheColoursAndPublishTheSiteOnly() {
        JsonNode policy = document(blueGreen, "aws_iam_role_policy", "api-delivery_github_deploy-policy", "policy");
        assertThat(sids(policy)).containsExactly("UploadBundles", "RegisterRevisions", "DeployToGroup",
                "ReadDeploymentConfig", "FindIdleColour", "MoveCapacityAndTraffic", "ListSite", "SyncSite", "InvalidateSite");
        assertThat(statement(policy, "UploadBundles").path("Resource").asText())
                .isEqualTo("${aws_s3_bucket.api-delivery_artifacts_bucket.arn}/bundles/*");
        assertThat(statement(policy, "RegisterRevisions").path("Resource").asText())
                .isEqualTo(ref("aws_codedeploy_app.api-delivery_application.arn"));
        JsonNode deploy = statement(policy, "DeployToGroup");
        assertThat(deploy.path("Resource").asText()).isEqualTo(ref("aws_codedeploy_deployment_group.api-delivery_deployment-group.arn"));
        assertThat(deploy.path("Action").toString()).isEqualTo("[\"codedeploy:CreateDeployment\",\"codedeploy:GetDeployment\","
                + "\"codedeploy:StopDeployment\",\"codedeploy:UpdateDeploymentGroup\"]");
        assertThat(statement(policy, "ReadDeploymentConfig").path("Resource").asText()).isEqualTo(
                "arn:aws:codedeploy:ap-northeast-2:${local.api_delivery_account_id}:deploymentconfig:CodeDeployDefault.AllAtOnce");
        assertThat(blueGreen.json().path("locals").path("api_delivery_account_id").asText())
                .isEqualTo("${element(split(\":\", aws_codedeploy_app.api-delivery_application.arn), 4)}");
        assertThat(statement(policy, "FindIdleColour").path("Action").asText()).isEqualTo("autoscaling:DescribeAutoScalingGroups");
        assertThat(statement(policy, "MoveCapacityAndTraffic").path("Resource").toString()).isEqualTo("[\""
                + ref("aws_autoscaling_group.api_group.arn") + "\",\"" + ref("aws_autoscaling_group.api_group-green.arn") + "\"]");
        assertThat(statement(policy, "ListSite").path("Resource").asText()).isEqualTo("${aws_s3_bucket.site_content_bucket.arn}");
        assertThat(statement(policy, "SyncSite").path("Resource").asText()).isEqualTo("${aws_s3_bucket.site_content_bucket.arn}/*");
        assertThat(statement(policy, "InvalidateSite").path("Resource").asText())
                .isEqualTo(ref("aws_cloudfront_distribution.site_distribution.arn"));
        for (JsonNode s : policy.path("Statement")) {
            if (!s.path("Sid").asText().equals("FindIdleColour")) {
                assertThat(s.path("Resource").toString()).as(s.path("Sid").asText()).doesNotContain("\"*\"");
            }
        }
    }

    @Test
    void theProviderIsGitHubsAndThePlanRoleIsReadOnly() {
        JsonNode provider = blueGreen.resource("aws_iam_openid_connect_provider", "api-delivery_github_provider");
        assertThat(provider.path("url").asText()).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat(provider.path("client_id_list").toString()).isEqualTo("[\"sts.amazonaws.com\"]");
        assertThat(blueGreen.resource("aws_iam_role_policy_attachment", "api-delivery_github_plan-policy-1")
                .path("policy_arn").asText()).isEqualTo("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(blueGreen.resource("aws_iam_role", "api-delivery_github_deploy-role").path("name").asText())
                .isEqualTo("test-dev-api-delivery-github-deploy");
    }

    @Test
    void everyIamStatementInTheStacksHasASid() {
        for (Synthesized s : List.of(blueGreen, server, styles)) {
            List<JsonNode> documents = new ArrayList<>();
            s.resources("aws_iam_role").forEach(r -> documents.add(parse(r.path("assume_role_policy").asText())));
            s.resources("aws_iam_role_policy").forEach(r -> documents.add(parse(r.path("policy").asText())));
            s.resources("aws_s3_bucket_policy").forEach(r -> documents.add(parse(r.path("policy").asText())));
            assertThat(documents).isNotEmpty();
            for (JsonNode document : documents) {
                document.path("Statement").forEach(st -> assertThat(st.path("Sid").asText()).as(document.toString()).isNotBlank());
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theManifestOutputCarriesTheRealNames() {
        DeliveryManifest m = DeliveryManifest.fromStack(blueGreen.json()).get(0);
        assertThat(m.style()).isEqualTo("BLUE_GREEN");
        assertThat(m.blueGroup()).isEqualTo("test-dev-api");
        assertThat(m.greenGroup()).isEqualTo("test-dev-api-green");
        assertThat(m.artifactBucket()).isEqualTo("${aws_s3_bucket.api-delivery_artifacts_bucket.bucket}");
        assertThat(m.github().deployRoleArn()).isEqualTo(ref("aws_iam_role.api-delivery_github_deploy-role.arn"));
        assertThat(m.site().bucket()).isEqualTo("${aws_s3_bucket.site_content_bucket.bucket}");
        assertThat(blueGreen.json().path("output").has("growstack_delivery_api_delivery")).isTrue();
    }

    // --- in place ---------------------------------------------------------------------------------

    @Test
    void theInPlaceServerGroupFindsTheHostByItsNameTagOneAtATimeWithoutTrafficControl() {
        JsonNode group = server.resource("aws_codedeploy_deployment_group", "deploy_deployment-group");
        assertThat(group.path("deployment_style").path("deployment_type").asText()).isEqualTo("IN_PLACE");
        assertThat(group.path("deployment_style").path("deployment_option").asText()).isEqualTo("WITHOUT_TRAFFIC_CONTROL");
        assertThat(group.path("deployment_config_name").asText()).isEqualTo("CodeDeployDefault.OneAtATime");
        JsonNode filter = group.path("ec2_tag_set").get(0).path("ec2_tag_filter").get(0);
        assertThat(filter.path("key").asText()).isEqualTo("Name");
        assertThat(filter.path("type").asText()).isEqualTo("KEY_AND_VALUE");
        assertThat(filter.path("value").asText()).isEqualTo("test-dev-api");
        assertThat(group.has("lifecycle")).isFalse();
        assertThat(group.has("blue_green_deployment_config")).isFalse();
        assertThat(group.path("auto_rollback_configuration").path("enabled").asBoolean()).isTrue();
        assertThat(server.count("aws_iam_role_policy")).as("bundles read + deploy policy, no blue/green statements").isEqualTo(2);
        assertThat(server.count("aws_iam_openid_connect_provider")).as("the existing provider is used").isZero();
        JsonNode trust = document(server, "aws_iam_role", "deploy_github_deploy-role", "assume_role_policy");
        assertThat(trust.path("Statement").get(0).path("Principal").path("Federated").asText())
                .isEqualTo("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
        assertThat(server.resource("aws_instance", "api_instance").path("user_data").asText())
                .startsWith("#!/bin/bash\n" + CodeDeployAgent.MARKER);
    }

    @Test
    void theInPlaceServiceGroupBlocksTrafficPerInstanceAndCopyingIsTheCaveatedOption() {
        JsonNode web = styles.resource("aws_codedeploy_deployment_group", "web-delivery_deployment-group");
        assertThat(web.path("deployment_style").path("deployment_type").asText()).isEqualTo("IN_PLACE");
        assertThat(web.path("deployment_style").path("deployment_option").asText()).isEqualTo("WITH_TRAFFIC_CONTROL");
        assertThat(web.path("deployment_config_name").asText()).isEqualTo("CodeDeployDefault.AllAtOnce");
        assertThat(web.path("autoscaling_groups").toString()).isEqualTo("[\"" + ref("aws_autoscaling_group.web_group.name") + "\"]");
        assertThat(web.has("lifecycle")).isFalse();
        String userData = new String(Base64.getDecoder().decode(styles.resource("aws_launch_template",
                "web_launch-template").path("user_data").asText()), StandardCharsets.UTF_8);
        assertThat(userData).isEqualTo(CodeDeployAgent.script("aws", "ap-northeast-2", io.growstack.core.Architecture.ARM64));

        JsonNode old = styles.resource("aws_codedeploy_deployment_group", "old-delivery_deployment-group");
        JsonNode config = old.path("blue_green_deployment_config");
        assertThat(config.path("green_fleet_provisioning_option").path("action").asText()).isEqualTo("COPY_AUTO_SCALING_GROUP");
        assertThat(config.path("terminate_blue_instances_on_deployment_success").path("action").asText()).isEqualTo("TERMINATE");
        assertThat(config.path("terminate_blue_instances_on_deployment_success").path("termination_wait_time_in_minutes").asInt())
                .isEqualTo(Delivery.COPY_TERMINATION_WAIT_MINUTES);
        JsonNode inline = document(styles, "aws_iam_role_policy", "old-delivery_service-role-inline", "policy");
        assertThat(sids(inline)).containsExactly("PassInstanceRoleToEc2", "LaunchFromServiceTemplate", "TagAtLaunch");
        assertThat(statement(inline, "LaunchFromServiceTemplate").path("Condition").path("ArnLike").path("ec2:LaunchTemplate")
                .asText()).isEqualTo(ref("aws_launch_template.old_launch-template.arn"));
        assertThat(statement(inline, "TagAtLaunch").path("Condition").path("StringEquals").path("ec2:CreateAction").asText())
                .isEqualTo("RunInstances");
        String x86 = new String(Base64.getDecoder().decode(styles.resource("aws_launch_template",
                "old_launch-template").path("user_data").asText()), StandardCharsets.UTF_8);
        assertThat(x86).contains("(ap-northeast-2, x86_64)").contains("!= \"x86_64\"");
    }

    // --- rejections ---------------------------------------------------------------------------------

    private static INetwork existing() {
        return Network.fromAttributes("vpc-0123456789abcdef0", "10.0.0.0/16", TestStacks.ZONES,
                List.of("subnet-0a", "subnet-0b"), List.of("subnet-1a", "subnet-1b"));
    }

    private static AutoScaledService service(io.growstack.core.GrowStack stack, boolean blueGreenGroups, String userData) {
        return new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(existing()).ami(TestStacks.ARM_AMI)
                .blueGreen(blueGreenGroups).userData(userData).build());
    }

    @Test
    void blueGreenNeedsAServiceWithTwoGroups() {
        assertRejected("delivery-blue-green-one-group", stack -> new Delivery(stack, "deploy",
                        DeliveryProps.builder(DeliveryTarget.blueGreen(service(stack, false, null))).build()),
                "app/deploy: property 'target' is 'blueGreen(app/api)': expected a service built with"
                        + " AutoScaledServiceProps.builder(...).blueGreen(true): blue/green needs its two Terraform-owned groups");
    }

    @Test
    void inPlaceOnABlueGreenServiceIsRejected() {
        assertRejected("delivery-in-place-two-groups", stack -> new Delivery(stack, "deploy",
                        DeliveryProps.builder(DeliveryTarget.inPlace(service(stack, true, null))).build()),
                "app/deploy: property 'target' is 'in_place(app/api)': expected DeliveryTarget.blueGreen(service)"
                        + " for a service built with blueGreen(true)");
    }

    @Test
    void aSiteNeedsTheGitHubIdentityAndAPrefixNeedsNoWildcards() {
        assertRejected("delivery-site-without-github", stack -> new Delivery(stack, "deploy",
                        DeliveryProps.builder(DeliveryTarget.blueGreen(service(stack, true, null)))
                                .staticSite(new StaticSite(stack, "site")).build()),
                "app/deploy: property 'staticSite' is 'app/site': expected github(...) too: the site is published"
                        + " by the GitHub Actions deploy role");
        assertRejected("delivery-prefix-wildcard", stack -> new Delivery(stack, "deploy",
                        DeliveryProps.builder(DeliveryTarget.blueGreen(service(stack, true, null)))
                                .artifactPrefix("bundles/*").build()),
                "app/deploy: property 'artifactPrefix' is 'bundles/*': expected lowercase key segments without"
                        + " leading or trailing slash or wildcards, such as bundles");
    }

    @Test
    void theAgentNeedsAShellScriptToGoInto() {
        assertRejected("delivery-cloud-config", stack -> new Delivery(stack, "deploy",
                        DeliveryProps.builder(DeliveryTarget.blueGreen(service(stack, true, "#cloud-config\npackages: [jq]\n")))
                                .build()),
                "app/deploy: property 'installAgent' is 'true': expected the target's user data to be a #!/bin/bash"
                        + " or #!/bin/sh script (or none) to add the CodeDeploy agent to, not '#cloud-config'; add"
                        + " CodeDeployAgent.section(...) to it yourself and set installAgent(false)");
    }

    @Test
    void anExistingProviderMustBeGitHubs() {
        assertRejected("delivery-provider-arn", stack -> new GitHubOidc(stack, "github",
                        GitHubOidcProps.builder(GitHubSubject.branch("octo/shop", "main"))
                                .existingProviderArn("arn:aws:iam::123456789012:oidc-provider/accounts.google.com").build()),
                "app/github: property 'existingProviderArn' is 'arn:aws:iam::123456789012:oidc-provider/accounts.google.com':"
                        + " expected the ARN of the account's provider for token.actions.githubusercontent.com, such as"
                        + " arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
    }

    @Test
    void theAgentIsAddedOnce() {
        String once = CodeDeployAgent.addTo(DeliveryStacks.SCRIPT, "aws", "ap-northeast-2", io.growstack.core.Architecture.ARM64);
        assertThat(CodeDeployAgent.addTo(once, "aws", "ap-northeast-2", io.growstack.core.Architecture.ARM64)).isEqualTo(once);
        assertThat(CodeDeployAgent.installerUrl("aws-cn", "cn-north-1"))
                .isEqualTo("https://aws-codedeploy-cn-north-1.s3.cn-north-1.amazonaws.com.cn/latest/install");
        assertThat(CodeDeployAgent.addTo("#!/usr/bin/python3\nprint(1)\n", "aws", "ap-northeast-2",
                io.growstack.core.Architecture.ARM64)).isNull();
    }
}
