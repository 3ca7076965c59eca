package io.growstack.core;

import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * The name rules AWS enforces only at apply, checked when a block builds a name from the project,
 * the environment and a construct id, so a long id or an unlucky project fails at construction with
 * the usual message instead of at {@code terraform apply}. Names holding references are not checked.
 */
public final class AwsNames {
    /** IAM's limit on role, instance profile and policy names. */
    public static final int MAX_IAM_NAME_LENGTH = 64;
    /** Elastic Load Balancing's limit on load balancer and target group names. */
    public static final int MAX_LOAD_BALANCER_NAME_LENGTH = 32;

    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (RoleName: [\w+=,.@-]+, 1-64)
    private static final Pattern IAM = Pattern.compile("[A-Za-z0-9+=,.@_-]+");
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
    // (Name: 1-32 alphanumerics or hyphens, not beginning or ending with a hyphen, not beginning with "internal-");
    // API_CreateTargetGroup.html has the same rule without the prefix.
    private static final Pattern LOAD_BALANCER = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");

    private AwsNames() {
    }

    /** Checks an IAM role, instance profile or policy name and returns it. */
    public static String iam(Construct scope, String property, String name) {
        Args.notNull(scope, "scope");
        Args.notNull(name, property == null ? "name" : property);
        if (Tokens.containsReference(name)) {
            return name;
        }
        if (name.length() > MAX_IAM_NAME_LENGTH || !IAM.matcher(name).matches()) {
            throw ValidationException.of(scope, property, name, "expected an IAM name of 1-" + MAX_IAM_NAME_LENGTH
                    + " letters, digits and +=,.@_- (IAM's rule); it is built from the project, the environment and"
                    + " the construct id, so shorten one of them");
        }
        return name;
    }

    /** Checks a load balancer name (the stricter rule, also used for target groups) and returns it. */
    public static String loadBalancer(Construct scope, String property, String name) {
        Args.notNull(scope, "scope");
        Args.notNull(name, property == null ? "name" : property);
        if (Tokens.containsReference(name)) {
            return name;
        }
        if (name.length() > MAX_LOAD_BALANCER_NAME_LENGTH || !LOAD_BALANCER.matcher(name).matches()
                || name.startsWith("internal-")) {
            throw ValidationException.of(scope, property, name, "expected a load balancer name of 1-"
                    + MAX_LOAD_BALANCER_NAME_LENGTH + " letters, digits or hyphens, not starting or ending with a"
                    + " hyphen and not starting with internal- (Elastic Load Balancing's rule); it is"
                    + " <project>-<environment>-<id>, so rename the project or shorten the id");
        }
        return name;
    }
}
