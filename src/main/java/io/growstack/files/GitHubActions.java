package io.growstack.files;

/** What every generated GitHub Actions workflow runs on: pinned major versions of the actions, the runner. */
public final class GitHubActions {
    /** Checks out the repository. */
    public static final String CHECKOUT = "actions/checkout@v4";
    /** Sets up the JDK. */
    public static final String SETUP_JAVA = "actions/setup-java@v4";
    /** Sets up Node for the site build and cdktf. */
    public static final String SETUP_NODE = "actions/setup-node@v4";
    /** Exchanges the job's OpenID Connect token for the role's credentials. */
    public static final String CONFIGURE_AWS_CREDENTIALS = "aws-actions/configure-aws-credentials@v4";
    /** The runner. */
    public static final String RUNNER = "ubuntu-latest";
    /** The branch a delivery workflow runs on when the subject names none (environment or wildcard). */
    public static final String DEFAULT_BRANCH = "main";

    private GitHubActions() {
    }
}
