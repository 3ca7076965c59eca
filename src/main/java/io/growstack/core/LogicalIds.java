package io.growstack.core;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import software.constructs.IConstruct;

/**
 * Terraform names from construct paths: {@code stack/network/public-subnet-1} becomes
 * {@code network_public-subnet-1}. cdktf's default appends a hash to nested names; a readable name
 * keeps PR diffs and {@code terraform state} commands legible. Renaming a construct id renames the
 * address, so construct ids are a public contract.
 *
 * <p>Each question to a construct crosses into cdktf's Node process, so the path of each scope is
 * asked once and remembered here (weakly, per construct object).
 */
final class LogicalIds {
    private static final Map<IConstruct, String> SCOPE_PATHS = Collections.synchronizedMap(new WeakHashMap<>());

    private LogicalIds() {
    }

    /** The logical id of a new element {@code id} directly under {@code scope}. */
    static String of(IConstruct scope, String id) {
        String scopePath = SCOPE_PATHS.computeIfAbsent(scope, s -> s.getNode().getPath());
        int slash = scopePath.indexOf('/');
        String local = slash < 0 ? "" : scopePath.substring(slash + 1).replace('/', '_') + "_";
        return local + id;
    }
}
