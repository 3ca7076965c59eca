package io.growstack.compute;

import io.growstack.core.Cidr;
import io.growstack.core.CidrSet;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import java.util.List;
import java.util.Set;
import software.constructs.Construct;

/** The check of an {@code allowSshFrom} list, shared by the hosts that admit SSH: admins' blocks, never the world. */
final class SshAllowList {
    /** The property every SSH allow-list is set by. */
    static final String PROPERTY = "allowSshFrom";
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");
    private static final String EXPECTED = "expected the admins' addresses such as 203.0.113.7/32, not the whole internet";

    private SshAllowList() {
    }

    /**
     * Rejects a malformed block and the whole internet, alone or added up from narrower blocks;
     * references (a Terraform list variable) are checked by its own validation. {@code worldFix} says
     * how to open SSH to the world on purpose.
     */
    static void check(Construct scope, List<String> cidrs, String worldFix) {
        if (Tokens.isListToken(cidrs)) {
            return;
        }
        for (String cidr : cidrs) {
            if (Tokens.containsReference(cidr)) {
                continue;
            }
            if (WORLD.contains(cidr)) {
                throw ValidationException.of(scope, PROPERTY, cidr, EXPECTED + "; " + worldFix);
            }
            if (Cidr.parse(cidr).isEmpty()) {
                throw ValidationException.of(scope, PROPERTY, cidr, "expected an IPv4 CIDR block such as 203.0.113.7/32");
            }
        }
        // Blocks that are each narrower than the world can still add up to it (0.0.0.0/1 + 128.0.0.0/1).
        CidrSet.describeInternet(cidrs).ifPresent(world -> {
            throw ValidationException.of(scope, PROPERTY, cidrs, EXPECTED + ": " + world + "; " + worldFix);
        });
    }
}
