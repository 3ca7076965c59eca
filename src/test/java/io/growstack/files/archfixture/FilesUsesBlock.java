package io.growstack.files.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class FilesUsesBlock {
    private FilesUsesBlock() {
    }

    /** A generated file importing a block. */
    public static Object use() {
        return io.growstack.network.Port.tcp(80);
    }
}
