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

    /**
     * A daily window {@code hh24:mi-hh24:mi} in UTC of at least {@code minMinutes}, or null when
     * unset. A window may cross midnight (23:30-00:30).
     */
    static String dailyWindow(Construct scope, String property, String window, int minMinutes) {
        if (window == null) {
            return null;
        }
        if (!DAILY_WINDOW.matcher(window).matches()) {
            throw ValidationException.of(scope, property, window,
                    "expected hh24:mi-hh24:mi in UTC such as 17:00-18:00 (02:00-03:00 in Seoul)");
        }
        checkLength(scope, property, window, length(minute(window, 0), minute(window, 6), DAY_MINUTES), minMinutes);
        return window;
    }

    /**
     * A weekly window {@code ddd:hh24:mi-ddd:hh24:mi} in UTC of at least {@code minMinutes},
     * lowercased, or null when unset.
     */
    static String weeklyWindow(Construct scope, String property, String window, int minMinutes) {
        if (window == null) {
            return null;
        }
        String lower = window.toLowerCase(Locale.ROOT);
        if (!WEEKLY_WINDOW.matcher(lower).matches()) {
            throw ValidationException.of(scope, property, window,
                    "expected ddd:hh24:mi-ddd:hh24:mi in UTC such as sun:18:00-sun:19:00 (Monday 03:00 in Seoul)");
        }
        checkLength(scope, property, window, length(weekMinute(lower, 0), weekMinute(lower, 10), WEEK_MINUTES),
                minMinutes);
        return lower;
    }

    /** Whether the daily window {@code daily} meets the weekly window {@code weekly} on any day. */
    static boolean overlap(String daily, String weekly) {
        boolean[] maintenance = new boolean[WEEK_MINUTES];
        int start = weekMinute(weekly, 0);
        int span = length(start, weekMinute(weekly, 10), WEEK_MINUTES);
        for (int i = 0; i < span; i++) {
            maintenance[(start + i) % WEEK_MINUTES] = true;
        }
        int from = minute(daily, 0);
        int length = length(from, minute(daily, 6), DAY_MINUTES);
        for (int day = 0; day < 7; day++) {
            for (int i = 0; i < length; i++) {
                if (maintenance[(day * DAY_MINUTES + from + i) % WEEK_MINUTES]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final int DAY_MINUTES = 24 * 60;
    private static final int WEEK_MINUTES = 7 * DAY_MINUTES;
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private static void checkLength(Construct scope, String property, String window, int minutes, int minMinutes) {
        if (minutes < minMinutes) {
            throw ValidationException.of(scope, property, window, "expected a window of at least " + minMinutes
                    + " minutes (this one lasts " + minutes + ")");
        }
    }

    // Minutes from the start to the end of a window, wrapping past midnight (or the week's end).
    private static int length(int start, int end, int period) {
        return ((end - start) % period + period) % period;
    }

    private static int minute(String text, int at) {
        return Integer.parseInt(text.substring(at, at + 2)) * 60 + Integer.parseInt(text.substring(at + 3, at + 5));
    }

    private static int weekMinute(String text, int at) {
        return DAYS.indexOf(text.substring(at, at + 3)) * DAY_MINUTES + minute(text, at + 4);
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
