package io.growstack.terraform.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class RunnerUsesBlock {
    private RunnerUsesBlock() {
    }

    /** The terraform runner importing a block. */
    public static Object use() {
        return io.growstack.network.Port.tcp(80);
    }
}
