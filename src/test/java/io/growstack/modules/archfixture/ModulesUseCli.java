package io.growstack.modules.archfixture;

/** A deliberate layering violation for LayeringTest's negative test (test sources only). */
public final class ModulesUseCli {
    private ModulesUseCli() {
    }

    /** The module generator importing the command line. */
    public static Object use() {
        return io.growstack.cli.ModulesCommand.class;
    }
}
