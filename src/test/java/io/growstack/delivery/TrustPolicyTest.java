package io.growstack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.testing.DeliveryStacks;
import io.growstack.testing.Rejections;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions trust policies, parsed from the synthesized stack and evaluated the way IAM
 * evaluates their conditions (StringEquals exactly, StringLike with * and ?; every operator and key
 * must hold, any value of a key may) against the claims of sample tokens.
 */
class TrustPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUD = GitHubOidc.AUDIENCE;
    private static Synthesized branch;
    private static Synthesized others;

    @BeforeAll
    static void synth() {
        branch = TestStacks.synthStack("delivery-trust-branch",
                stack -> DeliveryStacks.blueGreen(stack, UnaryOperator.identity()));
        others = TestStacks.synthStack("delivery-trust-others", stack -> {
            new GitHubOidc(stack, "release", GitHubOidcProps.builder(
                    GitHubSubject.wildcard("repo:octo/shop:ref:refs/heads/release/*")).build());
            new GitHubOidc(stack, "production", GitHubOidcProps.builder(
                            GitHubSubject.environment("octo/shop", "production"))
                    .existingProviderArn("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
                    .build());
        });
    }

    private static String trustText(Synthesized s, String role) {
        return s.resource("aws_iam_role", role).path("assume_role_policy").asText();
    }

    private static JsonNode trust(Synthesized s, String role) {
        try {
            return JSON.readTree(trustText(s, role));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a web-identity token with these claims may assume the role. */
    static boolean allows(JsonNode policy, Map<String, String> claims) {
        for (JsonNode statement : policy.path("Statement")) {
            if (statement.path("Effect").asText().equals("Allow")
                    && values(statement.path("Action")).contains("sts:AssumeRoleWithWebIdentity")
                    && statement.path("Principal").has("Federated")
                    && conditionsHold(statement.path("Condition"), claims)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionsHold(JsonNode condition, Map<String, String> claims) {
        var operators = condition.fields();
        while (operators.hasNext()) {
            var operator = operators.next();
            var keys = operator.getValue().fields();
            while (keys.hasNext()) {
                var key = keys.next();
                String claim = claims.get(key.getKey().substring(key.getKey().indexOf(':') + 1));
                if (claim == null) {
                    return false;
                }
                boolean any = false;
                for (String value : values(key.getValue())) {
                    any |= switch (operator.getKey()) {
                        case "StringEquals" -> claim.equals(value);
                        case "StringLike" -> like(value).matcher(claim).matches();
                        default -> throw new AssertionError("operator not evaluated here: " + operator.getKey());
                    };
                }
                if (!any) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }

    private static Map<String, String> token(String sub) {
        return Map.of("aud", AUD, "sub", sub);
    }

    @Test
    void theDeployRoleAdmitsOnlyPushesToMainOfTheOneRepository() {
        JsonNode deploy = trust(branch, "api-delivery_github_deploy-role");
        assertThat(allows(deploy, token("repo:octo/shop:ref:refs/heads/main"))).isTrue();
        assertThat(allows(deploy, token("repo:octo/shop-evil:ref:refs/heads/main"))).as("a look-alike repository").isFalse();
        assertThat(allows(deploy, token("repo:octo/shop:ref:refs/heads/feature"))).as("another branch").isFalse();
        assertThat(allows(deploy, token("repo:octo/shop:ref:refs/heads/main-evil"))).as("a look-alike branch").isFalse();
        assertThat(allows(deploy, token("repo:other/shop:ref:refs/heads/main"))).as("another repository").isFalse();
        assertThat(allows(deploy, token("repo:octo/shop:pull_request"))).as("a pull request").isFalse();
        assertThat(allows(deploy, token("repo:octo/shop:environment:production"))).as("an environment").isFalse();
        assertThat(allows(deploy, Map.of("aud", "https://github.com/octo", "sub", "repo:octo/shop:ref:refs/heads/main")))
                .as("another audience").isFalse();
        assertThat(allows(deploy, Map.of("sub", "repo:octo/shop:ref:refs/heads/main"))).as("no audience").isFalse();
    }

    @Test
    void thePlanRoleAdmitsOnlyPullRequestsOfTheRepository() {
        JsonNode plan = trust(branch, "api-delivery_github_plan-role");
        assertThat(allows(plan, token("repo:octo/shop:pull_request"))).isTrue();
        assertThat(allows(plan, token("repo:octo/shop:ref:refs/heads/main"))).isFalse();
        assertThat(allows(plan, token("repo:octo/shop-evil:pull_request"))).isFalse();
    }

    @Test
    void oneConditionObjectPerOperatorWithAudAndSubPinned() {
        String text = trustText(branch, "api-delivery_github_deploy-role");
        assertThat(text.split("\"StringEquals\"", -1)).as("StringEquals objects").hasSize(2);
        assertThat(text).doesNotContain("StringLike");
        JsonNode condition = trust(branch, "api-delivery_github_deploy-role").path("Statement").get(0).path("Condition");
        assertThat(condition.size()).isEqualTo(1);
        assertThat(condition.path("StringEquals").path("token.actions.githubusercontent.com:aud").asText()).isEqualTo(AUD);
        assertThat(condition.path("StringEquals").path("token.actions.githubusercontent.com:sub").asText())
                .isEqualTo("repo:octo/shop:ref:refs/heads/main");
        JsonNode statement = trust(branch, "api-delivery_github_deploy-role").path("Statement").get(0);
        assertThat(statement.path("Sid").asText()).isEqualTo(GitHubOidc.DEPLOY_TRUST_SID);
        assertThat(statement.path("Principal").path("Federated").asText())
                .isEqualTo("${aws_iam_openid_connect_provider.api-delivery_github_provider.arn}");
    }

    @Test
    void anEnvironmentSubjectAdmitsOnlyJobsInThatEnvironment() {
        JsonNode production = trust(others, "production_deploy-role");
        assertThat(allows(production, token("repo:octo/shop:environment:production"))).isTrue();
        assertThat(allows(production, token("repo:octo/shop:environment:staging"))).isFalse();
        assertThat(allows(production, token("repo:octo/shop:ref:refs/heads/main"))).isFalse();
        assertThat(allows(production, token("repo:octo/shop-evil:environment:production"))).isFalse();
    }

    @Test
    void anOptedInWildcardUsesStringLikeAndStillEndsTheRepositoryAtItsColon() {
        JsonNode release = trust(others, "release_deploy-role");
        assertThat(release.path("Statement").get(0).path("Condition").path("StringLike").size()).isEqualTo(1);
        assertThat(allows(release, token("repo:octo/shop:ref:refs/heads/release/1.4"))).isTrue();
        assertThat(allows(release, token("repo:octo/shop-evil:ref:refs/heads/release/1.4"))).isFalse();
        assertThat(allows(release, token("repo:octo/shop:ref:refs/heads/main"))).isFalse();
        assertThat(allows(release, token("repo:octo/shop:pull_request"))).isFalse();
    }

    @Test
    void aWildcardThatCouldAdmitALookAlikeRepositoryIsRejected() {
        // repo:octo/shop* would match repo:octo/shop-evil:...; the repository must end at its colon.
        assertThat(like("repo:octo/shop*").matcher("repo:octo/shop-evil:ref:refs/heads/main").matches()).isTrue();
        Rejections.assertRejected("github-careless-wildcard", stack -> new GitHubOidc(stack, "careless",
                        GitHubOidcProps.builder(GitHubSubject.wildcard("repo:octo/shop*")).build()),
                "app/careless: property 'deploySubject' is 'repo:octo/shop*': expected a sub pattern such as"
                        + " repo:octo/shop:ref:refs/heads/release/*");
        Rejections.assertRejected("github-wildcard-branch", stack -> new GitHubOidc(stack, "github",
                        GitHubOidcProps.builder(GitHubSubject.branch("octo/shop", "release/*")).build()),
                "app/github: property 'deploySubject' is 'repo:octo/shop:ref:refs/heads/release/*': expected a"
                        + " branch name without wildcards or refs/heads/, such as main");
        Rejections.assertRejected("github-wildcard-repository", stack -> new GitHubOidc(stack, "github",
                        GitHubOidcProps.builder(GitHubSubject.branch("octo/*", "main")).build()),
                "app/github: property 'deploySubject' is 'repo:octo/*:ref:refs/heads/main': expected a repository"
                        + " as owner/name without wildcards, such as octo/shop");
    }
}
