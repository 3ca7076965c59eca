package io.growstack.review;

/**
 * One rule broken by one resource.
 *
 * @param rule               the rule
 * @param severity           its severity under the review's {@link Profile}: the rule's own, or lower in
 *                           {@code dev} for a deliberate trade (then {@code relaxed} says why)
 * @param address            the Terraform address, such as {@code aws_instance.network_nat-instance}
 * @param path               the construct path from the resource's {@code //.metadata.path}; {@code null}
 *                           for resources written without one
 * @param message            what exactly is wrong with this resource
 * @param relaxed            why the profile lowered the severity, or {@code null} when it is the rule's own
 * @param suppression        the suppression that accepts it, or {@code null} when it is open
 * @param expiredSuppression a suppression that matched but has expired, or {@code null}
 */
public record Finding(Rule rule, Severity severity, String address, String path, String message, String relaxed,
                      Suppression suppression, Suppression expiredSuppression) {
    /** Whether a suppression in force accepts it. */
    public boolean suppressed() {
        return suppression != null;
    }
}
