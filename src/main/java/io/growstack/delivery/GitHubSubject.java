package io.growstack.delivery;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which GitHub Actions jobs may assume a role: the {@code sub} claim of their OpenID Connect token,
 * pinned to one repository and one branch or one deployment environment. A wildcard is possible
 * only through {@link #wildcard(String)}, which says so in its name (and the review flags it).
 *
 * <p>GitHub writes the claim as {@code repo:<owner>/<repo>:ref:refs/heads/<branch>} for a push,
 * {@code repo:<owner>/<repo>:environment:<name>} for a job with an environment, and
 * {@code repo:<owner>/<repo>:pull_request} for a pull request.
 */
public final class GitHubSubject {
    /** What the subject pins. */
    public enum Kind {
        /** One branch of one repository. */
        BRANCH,
        /** One deployment environment of one repository. */
        ENVIRONMENT,
        /** Pull requests of one repository (the read-only plan role). */
        PULL_REQUEST,
        /** A {@code StringLike} pattern, by explicit opt-in. */
        WILDCARD
    }

    static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9_.-]{1,100}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,255}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9._ -]{1,255}");
    private static final Pattern PATTERN = Pattern.compile("repo:[A-Za-z0-9*?-]+/[A-Za-z0-9_.*?-]+:[ -~]+");

    private final Kind kind;
    private final String repository;
    private final String value;

    private GitHubSubject(Kind kind, String repository, String value) {
        this.kind = kind;
        this.repository = repository;
        this.value = value;
    }

    /** Jobs of {@code repository} ({@code owner/name}) running for a push to {@code branch}. */
    public static GitHubSubject branch(String repository, String branch) {
        return new GitHubSubject(Kind.BRANCH, repository, branch);
    }

    /** Jobs of {@code repository} ({@code owner/name}) that run in the deployment environment {@code environment}. */
    public static GitHubSubject environment(String repository, String environment) {
        return new GitHubSubject(Kind.ENVIRONMENT, repository, environment);
    }

    /** Jobs of {@code repository} ({@code owner/name}) running for a pull request: for read-only plans only. */
    public static GitHubSubject pullRequest(String repository) {
        return new GitHubSubject(Kind.PULL_REQUEST, repository, null);
    }

    /**
     * An explicit opt-in to a {@code StringLike} pattern for the whole {@code sub} claim, such as
     * {@code repo:octo/shop:ref:refs/heads/release/*}. Keep the repository literal and end it with its
     * colon: {@code repo:octo/shop*} would also admit {@code octo/shop-evil}.
     */
    public static GitHubSubject wildcard(String subjectPattern) {
        return new GitHubSubject(Kind.WILDCARD, null, subjectPattern);
    }

    /** Why the subject is malformed, or {@code null} when it is fine. */
    String problem() {
        if (kind == Kind.WILDCARD) {
            return value != null && PATTERN.matcher(value).matches() ? null
                    : "expected a sub pattern such as repo:octo/shop:ref:refs/heads/release/*";
        }
        if (repository == null || !REPOSITORY.matcher(repository).matches()) {
            return "expected a repository as owner/name without wildcards, such as octo/shop";
        }
        if (kind == Kind.BRANCH && (value == null || !BRANCH.matcher(value).matches() || value.startsWith("refs/")
                || value.contains(".."))) {
            return "expected a branch name without wildcards or refs/heads/, such as main";
        }
        if (kind == Kind.ENVIRONMENT && (value == null || !ENVIRONMENT.matcher(value).matches())) {
            return "expected an environment name without wildcards, such as production";
        }
        return null;
    }

    /** The {@code sub} claim value (or pattern, for {@link Kind#WILDCARD}). */
    public String subject() {
        return switch (kind) {
            case BRANCH -> "repo:" + repository + ":ref:refs/heads/" + value;
            case ENVIRONMENT -> "repo:" + repository + ":environment:" + value;
            case PULL_REQUEST -> "repo:" + repository + ":pull_request";
            case WILDCARD -> value;
        };
    }

    /** Whether the subject is a {@code StringLike} pattern. */
    public boolean isWildcard() {
        return kind == Kind.WILDCARD;
    }

    /** What the subject pins. */
    public Kind kind() {
        return kind;
    }

    /** The repository ({@code owner/name}); {@code null} for a wildcard. */
    public String repository() {
        return repository;
    }

    /** The branch, for {@link Kind#BRANCH}; otherwise {@code null}. */
    public String branch() {
        return kind == Kind.BRANCH ? value : null;
    }

    /** The deployment environment, for {@link Kind#ENVIRONMENT}; otherwise {@code null}. */
    public String environment() {
        return kind == Kind.ENVIRONMENT ? value : null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GitHubSubject s && s.kind == kind && Objects.equals(s.repository, repository)
                && Objects.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, repository, value);
    }

    @Override
    public String toString() {
        return subject();
    }
}
