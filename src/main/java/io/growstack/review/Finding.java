package io.growstack.review;

/**
 * One rule broken by one resource.
 *
 * @param rule               the rule
 * @param address            the Terraform address, such as {@code aws_instance.network_nat-instance}
 * @param path               the construct path from the resource's {@code //.metadata.path}; {@code null}
 *                           for resources written without one
 * @param message            what exactly is wrong with this resource
 * @param suppression        the suppression that accepts it, or {@code null} when it is open
 * @param expiredSuppression a suppression that matched but has expired, or {@code null}
 */
public record Finding(Rule rule, String address, String path, String message, Suppression suppression,
                      Suppression expiredSuppression) {
    /** Whether a suppression in force accepts it. */
    public boolean suppressed() {
        return suppression != null;
    }

    /** The rule's severity. */
    public Severity severity() {
        return rule.severity();
    }
}
