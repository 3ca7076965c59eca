package io.growstack.compute;

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

    /** A copy with a price cap in USD per hour, for example {@code "0.003"}. */
    public SpotSettings withMaxPrice(String maxPrice) {
        return new SpotSettings(interruptionBehavior, maxPrice);
    }

    /** A copy with another interruption behaviour: {@code stop}, {@code hibernate} or {@code terminate}. */
    public SpotSettings withInterruptionBehavior(String behavior) {
        return new SpotSettings(behavior, maxPrice);
    }
}
