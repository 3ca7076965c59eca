package io.growstack.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS regions growstack knows and the availability-zone names each one has, so a mistyped
 * region or a zone that does not exist fails at construction instead of at {@code terraform apply}.
 *
 * <p>Source: AWS's "Regions and Availability Zones" documentation and {@code aws ec2
 * describe-availability-zones}, as of {@value #AS_OF}. Zone letters map to physical zones per
 * account, and some accounts lack a letter that others have (us-west-1, ap-northeast-1); the list
 * holds every letter any account may see. A region or zone AWS adds later is accepted once named in
 * the cdktf context key {@value GrowStack#CONTEXT_KNOWN_ZONES} (for example
 * {@code ["xx-east-1a", "xx-east-1b"]}), which extends this table for the stack.
 */
public final class Regions {
    /** When the table was last compared with AWS's list. */
    public static final String AS_OF = "2025-10";

    private static final Map<String, String> ZONE_LETTERS = new LinkedHashMap<>();

    static {
        zones("us-east-1", "abcdef");
        zones("us-east-2", "abc");
        zones("us-west-1", "abc");
        zones("us-west-2", "abcd");
        zones("af-south-1", "abc");
        zones("ap-east-1", "abc");
        zones("ap-east-2", "abc");
        zones("ap-south-1", "abc");
        zones("ap-south-2", "abc");
        zones("ap-southeast-1", "abc");
        zones("ap-southeast-2", "abc");
        zones("ap-southeast-3", "abc");
        zones("ap-southeast-4", "abc");
        zones("ap-southeast-5", "abc");
        zones("ap-southeast-6", "abc");
        zones("ap-southeast-7", "abc");
        zones("ap-northeast-1", "abcd");
        zones("ap-northeast-2", "abcd");
        zones("ap-northeast-3", "abc");
        zones("ca-central-1", "abd");
        zones("ca-west-1", "abc");
        zones("eu-central-1", "abc");
        zones("eu-central-2", "abc");
        zones("eu-west-1", "abc");
        zones("eu-west-2", "abc");
        zones("eu-west-3", "abc");
        zones("eu-south-1", "abc");
        zones("eu-south-2", "abc");
        zones("eu-north-1", "abc");
        zones("il-central-1", "abc");
        zones("me-south-1", "abc");
        zones("me-central-1", "abc");
        zones("mx-central-1", "abc");
        zones("sa-east-1", "abc");
        zones("us-gov-east-1", "abc");
        zones("us-gov-west-1", "abc");
        zones("cn-north-1", "abd");
        zones("cn-northwest-1", "abc");
    }

    private Regions() {
    }

    private static void zones(String region, String letters) {
        ZONE_LETTERS.put(region, letters);
    }

    /** Every region in the table, in its order. */
    public static List<String> known() {
        return List.copyOf(ZONE_LETTERS.keySet());
    }

    /** Whether {@code region} is in the table. */
    public static boolean isKnown(String region) {
        return ZONE_LETTERS.containsKey(region);
    }

    /** The zone names of {@code region}, for example ap-northeast-2a..d; empty for an unknown region. */
    public static List<String> zones(String region) {
        String letters = ZONE_LETTERS.get(region);
        if (letters == null) {
            return List.of();
        }
        return letters.chars().mapToObj(c -> region + (char) c).toList();
    }

    /** The region a zone name belongs to, if its shape is {@code <region><letter>} of a known region. */
    public static Optional<String> regionOf(String zone) {
        if (zone == null || zone.length() < 2) {
            return Optional.empty();
        }
        String region = zone.substring(0, zone.length() - 1);
        return isKnown(region) ? Optional.of(region) : Optional.empty();
    }
}
