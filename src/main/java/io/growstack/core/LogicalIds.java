package io.growstack.core;

import software.constructs.IConstruct;

/**
 * Terraform names from construct paths: {@code stack/network/public-subnet-1} becomes
 * {@code network_public-subnet-1}. cdktf's default appends a hash to nested names; a readable name
 * keeps PR diffs and {@code terraform state} commands legible. Renaming a construct id renames the
 * address, so construct ids are a public contract.
 */
final class LogicalIds {
    private LogicalIds() {
    }

    static String of(IConstruct element) {
        String path = element.getNode().getPath();
        int slash = path.indexOf('/');
        String local = slash < 0 ? path : path.substring(slash + 1);
        return local.replace('/', '_');
    }
}
