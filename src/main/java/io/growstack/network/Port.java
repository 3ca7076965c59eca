package io.growstack.network;

/**
 * A protocol and port range for a security-group rule.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code -1} for all traffic
 * @param from     first port (null for all traffic)
 * @param to       last port (null for all traffic)
 */
public record Port(String protocol, Integer from, Integer to) {

    /** One TCP port. */
    public static Port tcp(int port) {
        return tcpRange(port, port);
    }

    /** A TCP port range, inclusive. */
    public static Port tcpRange(int from, int to) {
        return new Port("tcp", check(from, to), to);
    }

    /** One UDP port. */
    public static Port udp(int port) {
        return new Port("udp", check(port, port), port);
    }

    /** Every protocol and port. */
    public static Port allTraffic() {
        return new Port("-1", null, null);
    }

    private static int check(int from, int to) {
        if (from < 0 || to > 65535 || from > to) {
            throw new IllegalArgumentException("port range " + from + "-" + to + " is not within 0-65535");
        }
        return from;
    }

    /** Whether this is every protocol and port. */
    public boolean isAll() {
        return "-1".equals(protocol);
    }

    /** A short label for ids and descriptions: {@code tcp-8080}, {@code tcp-1000-2000}, {@code all}. */
    public String label() {
        if (isAll()) {
            return "all";
        }
        return from.equals(to) ? protocol + "-" + from : protocol + "-" + from + "-" + to;
    }
}
