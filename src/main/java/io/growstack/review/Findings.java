package io.growstack.review;

import io.growstack.model.StackModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects what the checks find, before suppressions are applied. */
final class Findings {
    /** A finding without its suppression status. */
    record Raw(Rule rule, String address, String path, String message) {
    }

    private final Set<Raw> found = new LinkedHashSet<>();

    void add(Rule rule, StackModel.Item item, String message) {
        found.add(new Raw(rule, item.address(), item.path(), message));
    }

    List<Raw> all() {
        return new ArrayList<>(found);
    }
}
