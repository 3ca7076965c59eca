package io.growstack.properties;

import org.quicktheories.QuickTheory;

/**
 * How hard the property tests try. CI runs a fixed seed so a red build is reproducible;
 * {@code -Pmany-tries} multiplies the examples ({@code growstack.property.scale}) and
 * {@code -Dgrowstack.property.seed=N} explores another part of the input space.
 */
final class Tries {
    static final long SEED = Long.getLong("growstack.property.seed", 20261201L);
    static final int SCALE = Integer.getInteger("growstack.property.scale", 1);

    private Tries() {
    }

    /** A theory with {@code examples} tries (times the scale), the fixed seed and bounded shrinking. */
    static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples * SCALE).withShrinkCycles(40);
    }
}
