package io.growstack.data;

import io.growstack.core.ValidationException;
import io.growstack.network.INetwork;
import io.growstack.network.ManagedSecurityGroup;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.constructs.Construct;

/** Checks and wiring shared by {@link Database} and {@link Cache}. */
final class DataStores {
    private static final String TIME = "([01]\\d|2[0-3]):[0-5]\\d";
    private static final String DAY = "(mon|tue|wed|thu|fri|sat|sun)";
    private static final Pattern DAILY_WINDOW = Pattern.compile(TIME + "-" + TIME);
    private static final Pattern WEEKLY_WINDOW = Pattern.compile(DAY + ":" + TIME + "-" + DAY + ":" + TIME);

    private DataStores() {
    }

    /**
     * The store's own security group: no ingress until a peer is allowed, and one egress rule to the
     * VPC CIDR. Neither RDS nor ElastiCache opens connections of its own (replies to admitted
     * clients pass because security groups are stateful), but every group the library makes states
     * its egress; keeping it inside the VPC means nothing can leave for the internet.
     */
    static ManagedSecurityGroup securityGroup(Construct scope, INetwork network, String name, String description) {
        ManagedSecurityGroup group = new ManagedSecurityGroup(scope, "security-group", network.vpcId(), name,
                description);
        group.allowEgressToCidr("vpc", Port.allTraffic(), network.vpcCidr(),
                "Stated egress kept inside the VPC; the store opens no connections of its own");
        return group;
    }

    /**
     * The subnet ids of {@code tier}, or an error on {@code network} when it has subnets in fewer
     * than {@code min} availability zones ({@code why} says what needs them).
     */
    static List<String> subnets(Construct scope, INetwork network, SubnetTier tier, int min, String why) {
        List<String> subnets = network.subnetIds(tier);
        if (subnets.size() < min) {
            String tierName = tier.name().toLowerCase(Locale.ROOT);
            throw ValidationException.of(scope, "network", subnets.size() + " " + tierName + " subnets",
                    "expected " + tierName + " subnets in at least " + min + " availability zone"
                            + (min == 1 ? "" : "s") + " (" + why + ")");
        }
        return subnets;
    }

    /** A daily window {@code hh24:mi-hh24:mi} in UTC, or null when unset. */
    static String dailyWindow(Construct scope, String property, String window) {
        if (window != null && !DAILY_WINDOW.matcher(window).matches()) {
            throw ValidationException.of(scope, property, window,
                    "expected hh24:mi-hh24:mi in UTC such as 17:00-18:00 (02:00-03:00 in Seoul)");
        }
        return window;
    }

    /** A weekly window {@code ddd:hh24:mi-ddd:hh24:mi} in UTC, lowercased, or null when unset. */
    static String weeklyWindow(Construct scope, String property, String window) {
        if (window == null) {
            return null;
        }
        String lower = window.toLowerCase(Locale.ROOT);
        if (!WEEKLY_WINDOW.matcher(lower).matches()) {
            throw ValidationException.of(scope, property, window,
                    "expected ddd:hh24:mi-ddd:hh24:mi in UTC such as sun:18:00-sun:19:00 (Monday 03:00 in Seoul)");
        }
        return lower;
    }

    /**
     * Checks a generated name against the rules RDS and ElastiCache share for identifiers: lowercase
     * letters, digits and hyphens, starting with a letter, no two hyphens in a row, no hyphen at the end.
     */
    static String identifier(Construct scope, String property, String name, int maxLength) {
        if (name.length() > maxLength || !name.matches("[a-z][a-z0-9-]*") || name.contains("--")
                || name.endsWith("-")) {
            throw ValidationException.of(scope, property, name,
                    "expected 1-" + maxLength + " lowercase letters, digits or hyphens starting with a letter,"
                            + " without '--' or a trailing hyphen; it is project-environment-<construct id>,"
                            + " so shorten or rename the construct");
        }
        return name;
    }
}
