package io.growstack.account;

/** Settings of {@link AccountBaseline}. Every field is optional. */
public final class AccountBaselineProps {
    final boolean gitHubActions;

    private AccountBaselineProps(Builder b) {
        this.gitHubActions = b.gitHubActions;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the account trusts GitHub Actions' OIDC issuer. */
    public boolean gitHubActions() {
        return gitHubActions;
    }

    /** Builds {@link AccountBaselineProps}. */
    public static final class Builder {
        private boolean gitHubActions = true;

        private Builder() {
        }

        /**
         * Create the account's OpenID Connect provider for GitHub Actions, which every
         * {@code GitHubOidc} of the account's environment stacks then trusts by ARN. Default: true.
         */
        public Builder gitHubActions(boolean gitHubActions) {
            this.gitHubActions = gitHubActions;
            return this;
        }

        /** The settings. */
        public AccountBaselineProps build() {
            return new AccountBaselineProps(this);
        }
    }
}
