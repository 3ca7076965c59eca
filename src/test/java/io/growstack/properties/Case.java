package io.growstack.properties;

import io.growstack.core.GrowStack;
import java.util.function.Consumer;

/**
 * One generated input: a program that builds blocks in a stack, and the settings it was made from
 * (what a falsified property prints).
 */
record Case(String description, Consumer<GrowStack> build) {
    @Override
    public String toString() {
        return description;
    }
}
