package io.growstack.host;

/**
 * Spot purchase of a standalone instance.
 *
 * @param interruptionBehavior {@code stop} (default: the host and its disk come back when capacity
 *                             does), {@code hibernate} or {@code terminate}
 * @param maxPrice             highest hourly price in USD, or {@code null} for up to the on-demand price
 */
public record SpotSettings(String interruptionBehavior, String maxPrice) {
    /** Stop on interruption, pay at most the on-demand price. */
    public static SpotSettings defaults() {
        return new SpotSettings("stop", null);
    }

    /**
     * Terminate on interruption, pay at most the on-demand price: a one-time request, which ends with its
     * instance, so nothing relaunches after {@code terraform destroy}. A persistent request (needed for
     * stop and hibernate) stays open until cancelled and can launch an instance Terraform no longer tracks:
     * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-requests.html#terminating-a-spot-instance
     */
    public static SpotSettings oneTime() {
        return new SpotSettings("terminate", null);
    }

    /** A copy with a price cap in USD per hour, for example {@code "0.003"}. */
    public SpotSettings withMaxPrice(String maxPrice) {
        return new SpotSettings(interruptionBehavior, maxPrice);
    }

    /** A copy with another interruption behaviour: {@code stop}, {@code hibernate} or {@code terminate}. */
    public SpotSettings withInterruptionBehavior(String behavior) {
        return new SpotSettings(behavior, maxPrice);
    }
}
