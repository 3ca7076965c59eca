package io.growstack.archcyclea;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class CycleA {
    private CycleA() {
    }

    /** one half of a package cycle. */
    public static Object use() {
        return io.growstack.archcycleb.CycleB.class;
    }
}
