package io.growstack.core;

import software.constructs.IConstruct;

/**
 * A construct's path and id, asked of cdktf's Node process once per construct and remembered:
 * every {@code getNode()} is two round trips, and blocks name things after their path on the hot path.
 */
public final class ConstructPaths {
    private ConstructPaths() {
    }

    /** The construct path, for example {@code shop/api}. */
    public static String path(IConstruct construct) {
        return LogicalIds.scopePath(Args.notNull(construct, "construct"));
    }

    /** The construct's own id: the last part of its path. */
    public static String id(IConstruct construct) {
        String path = path(construct);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
