package io.growstack.modules;

/** One generated module: its folder name, what it makes, and how it builds its block. */
public interface ModuleDefinition {
    /** The folder under {@code modules/}, for example {@code network-nat-instance}. */
    String name();

    /** One sentence for the module README's title paragraph. */
    String summary();

    /**
     * How the module turns what the Java API takes as literals into Terraform (functions, a variant
     * per choice, or a value passed in), for the README's Design section.
     */
    String design();

    /** Builds the block in {@code module}'s stack, declaring its variables and outputs there. */
    void define(ModuleContext module);

    /**
     * True when {@link #define} first builds stand-ins for blocks of other modules (then calls
     * {@link ModuleContext#standInsBuilt()}): what they make is left out of this module, and the
     * references to it become the variables the definition names.
     */
    default boolean hasStandIns() {
        return false;
    }
}
