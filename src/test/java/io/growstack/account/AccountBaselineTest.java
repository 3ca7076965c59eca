package io.growstack.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.ValidationException;
import io.growstack.core.Variable;
import io.growstack.delivery.GitHubOidc;
import io.growstack.delivery.GitHubOidcProps;
import io.growstack.delivery.GitHubSubject;
import io.growstack.testing.ExampleStacks;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountBaselineTest {
    @Test
    void anAccountStackAndTwoEnvironmentsSynthesizeWithOneProviderTrustedByArn() {
        Map<String, Synthesized> stacks = ExampleStacks.synthAll("account-baseline", app -> {
            new AccountBaseline(new GrowStack(app, "account", GrowStackProps.builder(TestStacks.REGION)
                    .project("shop").environment("account").build()), "account");
            for (String environment : new String[] {"dev", "prod"}) {
                GrowStack stack = new GrowStack(app, "shop-" + environment, GrowStackProps.builder(TestStacks.REGION)
                        .project("shop").environment(environment).build());
                Variable account = Variable.accountId(stack, "account_id", "the account");
                new GitHubOidc(stack, "ci", GitHubOidcProps.builder(GitHubSubject.branch("octo/shop", "main"))
                        .existingProviderArn(AccountBaseline.gitHubOidcProviderArn(stack, account.ref())).build());
            }
        });
        assertThat(stacks.get("account").resource("aws_iam_openid_connect_provider", "account_github-oidc-provider")
                .path("url").asText()).isEqualTo(GitHubOidc.ISSUER_URL);
        ProviderSchema.aws6().assertValid(stacks.get("account").json());
        for (String environment : new String[] {"shop-dev", "shop-prod"}) {
            Synthesized stack = stacks.get(environment);
            assertThat(stack.count("aws_iam_openid_connect_provider")).isZero();
            assertThat(stack.resource("aws_iam_role", "ci_deploy-role").path("assume_role_policy").asText())
                    .contains("arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com");
        }
    }

    @Test
    void theProviderArnIsBuiltInTheStacksPartitionFromALiteralAccountId() {
        GrowStack china = new GrowStack(new com.hashicorp.cdktf.App(), "cn", GrowStackProps.builder("cn-north-1").build());
        assertThat(AccountBaseline.gitHubOidcProviderArn(china, "123456789012"))
                .isEqualTo("arn:aws-cn:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccountBaseline.gitHubOidcProviderArn(china, "12345"))
                .isInstanceOf(ValidationException.class).hasMessage("cn: property 'accountId' is '12345': expected a 12-digit AWS account id such as 123456789012,"
                        + " or a reference to an account-id variable");
    }

    @Test
    void withoutGitHubActionsTheBaselineCreatesNoProvider() {
        Synthesized stack = TestStacks.synthStack("account-baseline-empty", s ->
                new AccountBaseline(s, "account", AccountBaselineProps.builder().gitHubActions(false).build()));
        assertThat(stack.count("aws_iam_openid_connect_provider")).isZero();
    }
}
