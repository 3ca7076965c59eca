package io.growstack.core;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a set of CIDR blocks admits, judged by the addresses it covers rather than by how it is
 * written: {@code 0.0.0.0/1} with {@code 128.0.0.0/1} is the whole IPv4 internet just as
 * {@code 0.0.0.0/0} is. Allow-list checks and the security review both ask it, so neither can be
 * talked past by splitting the world into pieces.
 *
 * <p>Entries that are not literal blocks (Terraform references, malformed text) cover nothing here;
 * callers validate those separately.
 */
public final class CidrSet {
    private static final BigInteger V4_END = BigInteger.ONE.shiftLeft(32);
    private static final BigInteger V6_END = BigInteger.ONE.shiftLeft(128);
    // Only hex digits, colons and dots (an embedded IPv4 tail), so InetAddress never resolves a host name.
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/\\d{1,3}");

    private CidrSet() {
    }

    /** Whether the IPv4 blocks among {@code cidrs} together cover every IPv4 address. */
    public static boolean coversAllIpv4(Collection<String> cidrs) {
        Args.notNull(cidrs, "cidrs");
        List<BigInteger[]> ranges = new ArrayList<>();
        for (String text : cidrs) {
            Cidr.parse(text).ifPresent(c -> ranges.add(new BigInteger[] {
                    BigInteger.valueOf(c.address()), BigInteger.valueOf(c.last()).add(BigInteger.ONE)}));
        }
        return covers(ranges, V4_END);
    }

    /** Whether the IPv6 blocks among {@code cidrs} together cover every IPv6 address. */
    public static boolean coversAllIpv6(Collection<String> cidrs) {
        Args.notNull(cidrs, "cidrs");
        List<BigInteger[]> ranges = new ArrayList<>();
        for (String text : cidrs) {
            ipv6(text).ifPresent(ranges::add);
        }
        return covers(ranges, V6_END);
    }

    /** Whether {@code cidrs} admit the whole IPv4 or the whole IPv6 internet. */
    public static boolean coversInternet(Collection<String> cidrs) {
        Args.notNull(cidrs, "cidrs");
        return coversAllIpv4(cidrs) || coversAllIpv6(cidrs);
    }

    /**
     * How the set reaches the whole internet, for messages: {@code 0.0.0.0/0}, or for a split set
     * {@code 0.0.0.0/1 + 128.0.0.0/1 (together 0.0.0.0/0)}; empty when it does not.
     */
    public static Optional<String> describeInternet(Collection<String> cidrs) {
        Args.notNull(cidrs, "cidrs");
        List<String> parts = new ArrayList<>();
        if (coversAllIpv4(cidrs)) {
            parts.add(describe(cidrs.stream().filter(c -> Cidr.parse(c).isPresent()).toList(), "0.0.0.0/0"));
        }
        if (coversAllIpv6(cidrs)) {
            parts.add(describe(cidrs.stream().filter(c -> ipv6(c).isPresent()).toList(), "::/0"));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", parts));
    }

    private static String describe(List<String> blocks, String world) {
        if (blocks.contains(world)) {
            return world;
        }
        return String.join(" + ", blocks) + " (together " + world + ")";
    }

    private static boolean covers(List<BigInteger[]> ranges, BigInteger end) {
        ranges.sort(Comparator.comparing(r -> r[0]));
        BigInteger reached = BigInteger.ZERO;
        for (BigInteger[] range : ranges) {
            if (range[0].compareTo(reached) > 0) {
                return false;
            }
            reached = reached.max(range[1]);
        }
        return reached.compareTo(end) >= 0;
    }

    /** The half-open address range of an IPv6 block with zero host bits, if {@code text} is one. */
    static Optional<BigInteger[]> ipv6(String text) {
        if (text == null || !V6.matcher(text).matches()) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        int prefix = Integer.parseInt(text.substring(slash + 1));
        if (prefix > 128) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(text.substring(0, slash)).getAddress();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (bytes.length != 16) {
            return Optional.empty();
        }
        BigInteger start = new BigInteger(1, bytes);
        BigInteger size = BigInteger.ONE.shiftLeft(128 - prefix);
        if (!start.mod(size).equals(BigInteger.ZERO)) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger[] {start, start.add(size)});
    }
}
