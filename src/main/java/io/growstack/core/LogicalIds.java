package io.growstack.core;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import software.constructs.IConstruct;
import software.constructs.Node;

/**
 * Terraform names from construct paths: {@code stack/network/public-subnet-1} becomes
 * {@code network_public-subnet-1}. cdktf's default appends a hash to nested names; a readable name
 * keeps PR diffs and {@code terraform state} commands legible. Renaming a construct id renames the
 * address, so construct ids are a public contract.
 *
 * <p>Each question to a construct crosses into cdktf's Node process, so the path and the stack of
 * each scope are asked once and remembered here (weakly, per construct object).
 */
final class LogicalIds {
    private static final Map<IConstruct, String> SCOPE_PATHS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<IConstruct, GrowStack> SCOPE_STACKS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<IConstruct, Boolean> BLOCKS = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<IConstruct, Node> NODES = Collections.synchronizedMap(new WeakHashMap<>());

    private LogicalIds() {
    }

    /** The logical id of a new element {@code id} directly under {@code scope}. */
    static String of(IConstruct scope, String id) {
        String scopePath = scopePath(scope);
        int slash = scopePath.indexOf('/');
        String local = slash < 0 ? "" : scopePath.substring(slash + 1).replace('/', '_') + "_";
        return local + id;
    }

    /** The construct path of a new element {@code id} directly under {@code scope}. */
    static String path(IConstruct scope, String id) {
        return scopePath(scope) + "/" + id;
    }

    /** Records what {@link Ids#check} already knew about a construct it let through. */
    static void remember(IConstruct construct, String path, GrowStack stack) {
        SCOPE_PATHS.put(construct, path);
        SCOPE_STACKS.put(construct, stack);
        BLOCKS.put(construct, Boolean.TRUE);
    }

    /** Whether {@code construct} was made by a growstack block (or stack) constructor. */
    static boolean isBlock(IConstruct construct) {
        return BLOCKS.containsKey(construct);
    }

    static String scopePath(IConstruct scope) {
        return SCOPE_PATHS.computeIfAbsent(scope, s -> node(s).getPath());
    }

    // Each getNode() is two round trips (the node, then its class's name): ask once per scope.
    static Node node(IConstruct scope) {
        return NODES.computeIfAbsent(scope, IConstruct::getNode);
    }

    /** The innermost {@link GrowStack} around {@code scope}, or {@code null} outside any. */
    static GrowStack stackOf(IConstruct scope) {
        if (scope instanceof GrowStack stack) {
            return stack;
        }
        if (scope == null) {
            return null;
        }
        GrowStack known = SCOPE_STACKS.get(scope);
        if (known != null || SCOPE_STACKS.containsKey(scope)) {
            return known;
        }
        // Blocks sit under the stack or under blocks already seen: one parent question per new scope.
        GrowStack stack = stackOf(node(scope).getScope());
        SCOPE_STACKS.put(scope, stack);
        return stack;
    }
}
