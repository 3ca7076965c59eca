package io.growstack.core;

import java.util.regex.Pattern;

/**
 * Names for things AWS requires to be unique in an account or globally (S3 buckets, IAM roles,
 * load balancers): {@code <project>-<environment>-<name>}, so dev and prod can share one account.
 *
 * @param project     lowercase letters, digits and hyphens, starting with a letter, at most 16 characters
 * @param environment lowercase letters, digits and hyphens, starting with a letter, at most 8 characters
 */
public record Naming(String project, String environment) {
    static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9-]{0,15}");
    static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,7}");

    /** {@code project-environment}, the prefix of every generated name. */
    public String prefix() {
        return project + "-" + environment;
    }

    /** {@code project-environment-name}, for example {@code shop-prod-artifacts}. */
    public String name(String name) {
        return prefix() + "-" + name;
    }
}
