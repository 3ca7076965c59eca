package io.growstack.properties;

import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.testing.TestStacks;
import java.util.function.Consumer;

/**
 * One generated input: the stack's settings, a program that builds blocks in the stack, and the
 * description a falsified property prints.
 */
record Case(String description, GrowStackProps stack, Consumer<GrowStack> build) {
    /** A case in the tests' usual stack (ap-northeast-2, project test). */
    Case(String description, Consumer<GrowStack> build) {
        this(description, GrowStackProps.builder(TestStacks.REGION).project("test").build(), build);
    }

    @Override
    public String toString() {
        return description;
    }
}
