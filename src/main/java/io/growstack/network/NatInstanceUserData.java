package io.growstack.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The user data of the NAT instance: a bash script that enables IPv4 forwarding and masquerade on
 * the interface of the default route, through a systemd unit so it survives reboots.
 *
 * <p>Tests run this exact script inside Linux network namespaces to prove the instance forwards
 * and rewrites source addresses.
 */
public final class NatInstanceUserData {
    private static final String SCRIPT = load();

    private NatInstanceUserData() {
    }

    /** The script, as emitted in {@code aws_instance.user_data}. */
    public static String script() {
        return SCRIPT;
    }

    private static String load() {
        try (InputStream in = NatInstanceUserData.class.getResourceAsStream("nat-instance.sh")) {
            if (in == null) {
                throw new IllegalStateException("nat-instance.sh is missing from the growstack jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
