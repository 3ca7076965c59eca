package io.growstack.archcycleb;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class CycleB {
    private CycleB() {
    }

    /** the other half of a package cycle. */
    public static Object use() {
        return io.growstack.archcyclea.CycleA.class;
    }
}
