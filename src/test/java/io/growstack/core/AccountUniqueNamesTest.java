package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.delivery.GitHubOidc;
import io.growstack.delivery.GitHubOidcProps;
import io.growstack.delivery.GitHubSubject;
import io.growstack.testing.TestStacks;
import io.growstack.network.Network;
import com.hashicorp.cdktf.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountUniqueNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GrowStack stack(com.hashicorp.cdktf.App app, String id, String environment) {
        return new GrowStack(app, id, GrowStackProps.builder(TestStacks.REGION).project("shop").environment(environment)
                .build());
    }

    private static void pipeline(GrowStack stack) {
        new GitHubOidc(stack, "ci", GitHubOidcProps.builder(GitHubSubject.branch("octo/shop", "main")).build());
    }

    @Test
    void twoEnvironmentsThatEachCreateTheGitHubProviderFailAtSynthNamingBothAndTheAccountStack() {
        Path out = TestStacks.freshDir("unique-names-oidc");
        assertThatThrownBy(() -> Synthesizer.synth(out, app -> {
            pipeline(stack(app, "shop-dev", "dev"));
            pipeline(stack(app, "shop-prod", "prod"));
        })).isInstanceOf(ValidationException.class)
                .hasMessage("shop-prod/ci/provider: property 'url' is 'https://token.actions.githubusercontent.com':"
                        + " expected a IAM OIDC provider URL unique in the account, but shop-dev/ci/provider creates it"
                        + " too, so the second apply fails; create the provider once in an account-level stack"
                        + " (io.growstack.account.AccountBaseline) and pass its ARN to the others with"
                        + " GitHubOidcProps.existingProviderArn");
        assertThat(Files.exists(out.resolve("stacks"))).as("a failed synth writes nothing").isFalse();
    }

    @Test
    void twoStacksWithTheSameProjectAndEnvironmentFailOnTheirRoleNames() {
        assertThatThrownBy(() -> Synthesizer.synth(TestStacks.freshDir("unique-names-roles"), app -> {
            new GitHubOidc(stack(app, "a", "prod"), "ci", GitHubOidcProps.builder(GitHubSubject.branch("octo/shop",
                    "main")).existingProviderArn(
                    "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com").build());
            new GitHubOidc(stack(app, "b", "prod"), "ci", GitHubOidcProps.builder(GitHubSubject.branch("octo/shop",
                    "main")).existingProviderArn(
                    "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com").build());
        })).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("b/ci/deploy-role: property 'name' is 'shop-prod-ci-deploy': expected a IAM role"
                        + " name unique in the account, but a/ci/deploy-role creates it too")
                .hasMessageEndingWith("give the stacks different project or environment names (GrowStackProps)"
                        + " or the constructs different ids");
    }

    @Test
    void twoSelfHealingNatsInOneStackFailOnTheirRoleNameWithAFixForOneStack() {
        assertThatThrownBy(() -> Synthesizer.synth(TestStacks.freshDir("unique-names-one-stack"), app -> {
            GrowStack stack = stack(app, "shop", "prod");
            new Network(stack, "a");
            new Network(stack, "b", io.growstack.network.NetworkProps.builder().cidr("10.1.0.0/16").build());
        })).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("shop/b/nat-role: property 'name' is 'shop-prod-nat': expected a IAM role"
                        + " name unique in the account, but shop/a/nat-role creates it too")
                .hasMessageEndingWith("both are in one stack, so give the constructs different ids, or, where the"
                        + " name does not carry the construct's id, build the second one in a stack with another"
                        + " environment");
    }

    @Test
    void stacksOfDifferentAccountsMayRepeatANameAndTerraformAcceptsTheAccountPin() {
        java.util.function.BiFunction<App, String, GrowStack> inAccount = (app, id) -> new GrowStack(app, id,
                GrowStackProps.builder(TestStacks.REGION).project("shop").environment("prod")
                        .accountId(id.equals("a") ? "111111111111" : "222222222222").build());
        TestStacks.Synthesized a = TestStacks.synth("unique-names-accounts", app -> {
            new Network(inAccount.apply(app, "a"), "network");
            new Network(inAccount.apply(app, "b"), "network");
        });
        assertThat(a.json().path("provider").path("aws").get(0).path("allowed_account_ids").get(0).asText())
                .isEqualTo("111111111111");
        io.growstack.testing.Terraform.require();
        io.growstack.testing.Terraform.writeOverride(a);
        assertThat(io.growstack.testing.Terraform.init(a.dir()).exitCode()).isZero();
        assertThat(io.growstack.testing.Terraform.validate(a.dir()).exitCode()).isZero();
        assertThatThrownBy(() -> new GrowStack(new App(), "c", GrowStackProps.builder(TestStacks.REGION)
                .accountId("12345").build())).isInstanceOf(ValidationException.class)
                .hasMessage("c: property 'accountId' is '12345': expected an AWS account id: 12 digits");
    }

    private static JsonNode stackJson(String region, String type, String argument, String value) throws Exception {
        return JSON.readTree("{\"provider\":{\"aws\":[{\"region\":\"" + region + "\"}]},\"resource\":{\"" + type
                + "\":{\"x\":{\"" + argument + "\":\"" + value + "\"}}}}");
    }

    @Test
    void regionalNamesMayRepeatInAnotherRegionButIamNamesMayNot() throws Exception {
        assertThatCode(() -> AccountUniqueNames.check(Map.of(
                "seoul", stackJson("ap-northeast-2", "aws_lb", "name", "shop-prod-api"),
                "tokyo", stackJson("ap-northeast-1", "aws_lb", "name", "shop-prod-api")))).doesNotThrowAnyException();
        assertThatThrownBy(() -> AccountUniqueNames.check(Map.of(
                "seoul", stackJson("ap-northeast-2", "aws_iam_role", "name", "shop-prod-api"),
                "tokyo", stackJson("ap-northeast-1", "aws_iam_role", "name", "shop-prod-api"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("tokyo/aws_iam_role.x")
                .hasMessageContaining("seoul/aws_iam_role.x");
        assertThatThrownBy(() -> AccountUniqueNames.check(Map.of(
                "seoul", stackJson("ap-northeast-2", "aws_s3_bucket", "bucket", "shop-site"),
                "tokyo", stackJson("ap-northeast-1", "aws_s3_bucket", "bucket", "shop-site"))))
                .hasMessageContaining("unique across all AWS accounts");
    }

    @Test
    void namesKnownOnlyAtApplyAreNotCompared() {
        assertThatCode(() -> AccountUniqueNames.check(Map.of(
                "a", stackJson("ap-northeast-2", "aws_iam_role", "name", "${var.role}"),
                "b", stackJson("ap-northeast-2", "aws_iam_role", "name", "${var.role}")))).doesNotThrowAnyException();
    }
}
