package io.growstack.account;

import io.growstack.aws.IamOpenidConnectProvider;
import io.growstack.core.GrowStack;
import io.growstack.core.Resource;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import io.growstack.delivery.GitHubOidc;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * The resources an AWS account holds once, whatever the number of environments in it: today the
 * OpenID Connect provider for GitHub Actions (IAM allows one provider per issuer URL per account, so a
 * second stack that creates it fails with {@code EntityAlreadyExists}).
 *
 * <p>Put it in its own stack, applied once per account. Environment stacks do not reference it
 * across stacks (cdktf would read it through {@code terraform_remote_state}, which an offline plan
 * cannot read); they rebuild its ARN from the account id with
 * {@link #gitHubOidcProviderArn(GrowStack, String)} and pass it to
 * {@code GitHubOidcProps.existingProviderArn}. A program with a single stack needs none of this: its
 * {@code GitHubOidc} creates the provider itself.
 */
public class AccountBaseline extends Construct {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final Resource gitHubProvider;

    /** The baseline with the defaults. */
    public AccountBaseline(Construct scope, String id) {
        this(scope, id, AccountBaselineProps.builder().build());
    }

    /** The baseline with {@code props}. */
    public AccountBaseline(Construct scope, String id, AccountBaselineProps props) {
        super(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(id, "id"));
        Objects.requireNonNull(props, "props");
        // The same arguments GitHubOidc gives a provider it creates, so moving it here changes nothing in IAM.
        this.gitHubProvider = props.gitHubActions
                ? new Resource(this, "github-oidc-provider", new IamOpenidConnectProvider(GitHubOidc.ISSUER_URL,
                        List.of(GitHubOidc.AUDIENCE), List.of(), Map.of("Name", GitHubOidc.ISSUER_HOST)))
                : null;
    }

    /** The {@code aws_iam_openid_connect_provider} for GitHub Actions, unless turned off. */
    public Optional<Resource> gitHubOidcProvider() {
        return Optional.ofNullable(gitHubProvider);
    }

    /**
     * The ARN of the GitHub Actions provider an {@link AccountBaseline} created in account
     * {@code accountId} (12 digits, or a reference such as an account-id variable), in the partition of
     * {@code stack}'s region. IAM names it by its URL without the scheme:
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
     */
    public static String gitHubOidcProviderArn(GrowStack stack, String accountId) {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(accountId, "accountId");
        if (!Tokens.containsReference(accountId) && !ACCOUNT_ID.matcher(accountId).matches()) {
            throw ValidationException.of(stack, "accountId", accountId,
                    "expected a 12-digit AWS account id such as 123456789012, or a reference to an account-id variable");
        }
        return "arn:" + stack.partition() + ":iam::" + accountId + ":oidc-provider/" + GitHubOidc.ISSUER_HOST;
    }
}
