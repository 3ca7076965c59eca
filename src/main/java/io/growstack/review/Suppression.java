package io.growstack.review;

import java.time.LocalDate;

/**
 * A suppression as the review reads it from the synthesized JSON (see {@code io.growstack.core.Suppressions}).
 *
 * @param rule    the rule id it accepts
 * @param reason  why, in the author's words
 * @param expires the last day it holds, or {@code null} for none
 * @param scope   the construct path it covers (with everything below it), or the Terraform address of
 *                the one resource that carries it
 */
public record Suppression(String rule, String reason, LocalDate expires, String scope) {
    /** Whether it still holds on {@code today}: up to and including its expiry date. */
    public boolean holdsOn(LocalDate today) {
        return expires == null || !today.isAfter(expires);
    }
}
