package io.growstack.delivery;

import io.growstack.aws.IamOpenidConnectProvider;
import io.growstack.aws.IamRole;
import io.growstack.aws.IamRolePolicy;
import io.growstack.aws.IamRolePolicyAttachment;
import io.growstack.core.ConstructPaths;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.Json;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * GitHub Actions' way into the account without stored keys: the account's OpenID Connect provider
 * for {@value #ISSUER_HOST} (created, or given by ARN), a deploy role that only jobs of one repository
 * and one branch or environment may assume, and optionally a read-only plan role for pull requests.
 *
 * <p>Trust policies pin {@code aud} to {@value #AUDIENCE} and {@code sub} to the subject, both under
 * one {@code StringEquals} (one condition object per operator); only an explicit
 * {@link GitHubSubject#wildcard} puts {@code sub} under {@code StringLike}. The deploy role starts with
 * no permissions: its owner (the {@link Delivery} block) adds scoped statements with
 * {@link #addToDeployPolicy}.
 *
 * <p>Names: {@code <project>-<env>-<path>-deploy} and {@code -plan}, where path is the construct path
 * below the stack with slashes as hyphens (IAM allows 64 characters).
 */
public class GitHubOidc extends Construct {
    /** GitHub Actions' token issuer. */
    public static final String ISSUER_HOST = "token.actions.githubusercontent.com";
    /** The issuer URL of the provider. */
    public static final String ISSUER_URL = "https://" + ISSUER_HOST;
    /** The audience configure-aws-credentials asks for and the trust policies require. */
    public static final String AUDIENCE = "sts.amazonaws.com";
    /** The condition key of the token's audience. */
    public static final String AUD_KEY = ISSUER_HOST + ":aud";
    /** The condition key of the token's subject. */
    public static final String SUB_KEY = ISSUER_HOST + ":sub";
    /** The Sid of the deploy role's trust statement. */
    public static final String DEPLOY_TRUST_SID = "GitHubActionsDeploy";
    /** The Sid of the plan role's trust statement. */
    public static final String PLAN_TRUST_SID = "GitHubActionsPlanOnPullRequests";
    /** IAM's limit on role names. */
    public static final int MAX_ROLE_NAME_LENGTH = 64;

    private static final Pattern PROVIDER_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/" + Pattern.quote(ISSUER_HOST));
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

    private final GitHubSubject subject;
    private final Resource provider;
    private final String providerArn;
    private final String deployRoleName;
    private final Resource deployRole;
    private final Resource planRole;
    private final List<PolicyStatement> deployStatements = new ArrayList<>();
    private Resource deployPolicy;

    /** Creates the provider (unless given) and the roles; throws {@link ValidationException} for bad settings. */
    public GitHubOidc(Construct scope, String id, GitHubOidcProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        this.subject = props.deploySubject;
        String problem = subject.problem();
        if (problem != null) {
            throw ValidationException.of(this, "deploySubject", subject.subject(), problem);
        }
        String existing = props.existingProviderArn;
        if (existing != null && !Tokens.containsReference(existing) && !PROVIDER_ARN.matcher(existing).matches()) {
            throw ValidationException.of(this, "existingProviderArn", existing,
                    "expected the ARN of the account's provider for " + ISSUER_HOST
                            + ", such as arn:aws:iam::123456789012:oidc-provider/" + ISSUER_HOST);
        }
        if (props.planRole && subject.repository() == null) {
            throw ValidationException.of(this, "planRole", true,
                    "expected a deploy subject with a literal repository (not a wildcard) to trust its pull requests");
        }
        String path = ConstructPaths.path(this);
        String base = stack.naming().name(path.substring(path.indexOf('/') + 1).replace('/', '-'));
        this.deployRoleName = base + "-deploy";
        if ((base + "-plan").length() > MAX_ROLE_NAME_LENGTH || deployRoleName.length() > MAX_ROLE_NAME_LENGTH) {
            throw ValidationException.of(this, "id", path, "expected a shorter construct path: the role name "
                    + deployRoleName + " exceeds IAM's " + MAX_ROLE_NAME_LENGTH + " characters");
        }

        if (existing == null) {
            this.provider = new Resource(this, "provider", new IamOpenidConnectProvider(ISSUER_URL,
                    List.of(AUDIENCE), List.of(), Map.of("Name", ISSUER_HOST)));
            this.providerArn = provider.attr("arn");
        } else {
            this.provider = null;
            this.providerArn = existing;
        }
        this.deployRole = new Resource(this, "deploy-role", new IamRole(deployRoleName,
                "GitHub Actions deploy role for " + subject.subject(),
                PolicyStatement.document(List.of(deployTrustStatement())), Map.of()));
        if (props.planRole) {
            String planName = base + "-plan";
            this.planRole = new Resource(this, "plan-role", new IamRole(planName,
                    "GitHub Actions read-only plan role for pull requests of " + subject.repository(),
                    PolicyStatement.document(List.of(planTrustStatement())), Map.of()));
            List<String> policies = props.planRoleManagedPolicyArns != null ? props.planRoleManagedPolicyArns
                    : List.of("arn:" + stack.partition() + ":iam::aws:policy/" + GitHubOidcProps.READ_ONLY_ACCESS_POLICY);
            for (int i = 0; i < policies.size(); i++) {
                new Resource(this, "plan-policy-" + (i + 1), new IamRolePolicyAttachment(planRole.attr("name"),
                        policies.get(i)));
            }
        } else {
            this.planRole = null;
        }
    }

    /** The deploy role's trust statement: the provider, {@code aud} and {@code sub} pinned. */
    public PolicyStatement deployTrustStatement() {
        PolicyStatement trust = webIdentity(DEPLOY_TRUST_SID).withCondition("StringEquals", AUD_KEY, AUDIENCE);
        return subject.isWildcard()
                ? trust.withCondition("StringLike", SUB_KEY, subject.subject())
                : trust.withCondition("StringEquals", SUB_KEY, subject.subject());
    }

    /** The plan role's trust statement: pull requests of the deploy subject's repository. */
    public PolicyStatement planTrustStatement() {
        return webIdentity(PLAN_TRUST_SID).withCondition("StringEquals", AUD_KEY, AUDIENCE)
                .withCondition("StringEquals", SUB_KEY, GitHubSubject.pullRequest(subject.repository()).subject());
    }

    private PolicyStatement webIdentity(String sid) {
        return new PolicyStatement(sid, "Allow", "Federated", List.of(providerArn),
                List.of("sts:AssumeRoleWithWebIdentity"), List.of(), Map.of());
    }

    /**
     * Adds a statement to the deploy role's inline policy (an identity policy: no principal). Each needs
     * an alphanumeric Sid unique in the policy, at least one action and one resource.
     */
    public GitHubOidc addToDeployPolicy(PolicyStatement statement) {
        if (statement.sid() == null || !SID.matcher(statement.sid()).matches()
                || deployStatements.stream().anyMatch(s -> s.sid().equals(statement.sid()))) {
            throw ValidationException.of(this, "deployPolicy.sid", statement.sid(),
                    "expected a statement id of letters and digits not yet used in the deploy policy");
        }
        if (statement.principalType() != null || statement.actions().isEmpty() || statement.resources().isEmpty()) {
            throw ValidationException.of(this, "deployPolicy." + statement.sid(), statement.actions() + " on "
                    + statement.resources(), "expected an identity statement with actions and resources and no principal");
        }
        deployStatements.add(statement);
        if (deployPolicy == null) {
            deployPolicy = Resource.deferred(this, "deploy-policy", "aws_iam_role_policy",
                    () -> new IamRolePolicy("deploy", deployRole.attr("id"), PolicyStatement.document(deployStatements)),
                    ResourceOptions.NONE);
        }
        return this;
    }

    /** The deploy role's permission statements, in the order added. */
    public List<PolicyStatement> deployStatements() {
        return Collections.unmodifiableList(deployStatements);
    }

    /** Who may assume the deploy role. */
    public GitHubSubject subject() {
        return subject;
    }

    /** The {@code aws_iam_openid_connect_provider}, unless an existing one was given. */
    public Optional<Resource> provider() {
        return Optional.ofNullable(provider);
    }

    /** The provider's ARN: a reference, or the existing ARN given. */
    public String providerArn() {
        return providerArn;
    }

    /** The deploy {@code aws_iam_role}. */
    public Resource deployRole() {
        return deployRole;
    }

    /** The deploy role's literal name. */
    public String deployRoleName() {
        return deployRoleName;
    }

    /** The deploy role's ARN (a reference): {@code role-to-assume} of configure-aws-credentials. */
    public String deployRoleArn() {
        return deployRole.attr("arn");
    }

    /** The deploy role's inline policy, once a statement was added. */
    public Optional<Resource> deployPolicy() {
        return Optional.ofNullable(deployPolicy);
    }

    /** The read-only plan role, if asked for. */
    public Optional<Resource> planRole() {
        return Optional.ofNullable(planRole);
    }
}
