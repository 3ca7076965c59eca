package io.growstack.delivery;

import java.util.List;
import java.util.Objects;

/** Settings of {@link GitHubOidc}. Only the deploy role's subject is required. */
public final class GitHubOidcProps {
    /** The AWS managed policy the plan role gets by default: read everything, change nothing. */
    public static final String READ_ONLY_ACCESS_POLICY = "ReadOnlyAccess";

    final GitHubSubject deploySubject;
    final String existingProviderArn;
    final boolean planRole;
    final List<String> planRoleManagedPolicyArns;

    private GitHubOidcProps(Builder b) {
        this.deploySubject = Objects.requireNonNull(b.deploySubject, "deploySubject must not be null");
        this.existingProviderArn = b.existingProviderArn;
        this.planRole = b.planRole;
        this.planRoleManagedPolicyArns = b.planRoleManagedPolicyArns == null ? null
                : List.copyOf(b.planRoleManagedPolicyArns);
    }

    /** A builder for a deploy role that jobs matching {@code deploySubject} may assume. */
    public static Builder builder(GitHubSubject deploySubject) {
        return new Builder(deploySubject);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(deploySubject);
        b.existingProviderArn = existingProviderArn;
        b.planRole = planRole;
        b.planRoleManagedPolicyArns = planRoleManagedPolicyArns;
        return b;
    }

    /** Who may assume the deploy role. */
    public GitHubSubject deploySubject() {
        return deploySubject;
    }

    /** Builds {@link GitHubOidcProps}. */
    public static final class Builder {
        private final GitHubSubject deploySubject;
        private String existingProviderArn;
        private boolean planRole;
        private List<String> planRoleManagedPolicyArns;

        private Builder(GitHubSubject deploySubject) {
            this.deploySubject = deploySubject;
        }

        /**
         * The account's existing OpenID Connect provider for token.actions.githubusercontent.com, by ARN
         * (an account has at most one per issuer, so a second stack in the same account passes it here;
         * there is deliberately no lookup data source, so the offline plan keeps working).
         * Default: none, the provider is created.
         */
        public Builder existingProviderArn(String arn) {
            this.existingProviderArn = arn;
            return this;
        }

        /**
         * Also create a read-only role that pull-request jobs of the deploy subject's repository may assume,
         * for {@code terraform plan} on pull requests (run it with {@code -lock=false}: the role cannot
         * write the lock). Default: false.
         */
        public Builder planRole(boolean planRole) {
            this.planRole = planRole;
            return this;
        }

        /** Managed policies of the plan role. Default: AWS's {@value #READ_ONLY_ACCESS_POLICY}. */
        public Builder planRoleManagedPolicyArns(List<String> arns) {
            this.planRoleManagedPolicyArns = arns;
            return this;
        }

        /** The settings. */
        public GitHubOidcProps build() {
            return new GitHubOidcProps(this);
        }
    }
}
