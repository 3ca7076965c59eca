package io.growstack.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 CIDR block such as {@code 10.0.0.0/16}: parsing, containment, overlap and subdivision.
 *
 * @param address the network address as an unsigned 32-bit value
 * @param prefix  the prefix length, 0..32
 */
public record Cidr(long address, int prefix) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** Parses {@code text}; empty if it is not an IPv4 CIDR whose host bits are zero. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255 || (m.group(i).length() > 1 && m.group(i).startsWith("0"))) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || (address & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address, prefix));
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    /** The last address in the block. */
    public long last() {
        return address | (~mask(prefix) & 0xFFFFFFFFL);
    }

    /** Whether {@code other} lies entirely inside this block. */
    public boolean contains(Cidr other) {
        return other.prefix >= prefix && other.address >= address && other.last() <= last();
    }

    /** Whether the two blocks share any address. */
    public boolean overlaps(Cidr other) {
        return address <= other.last() && other.address <= last();
    }

    /** The {@code index}-th block of length {@code newPrefix} inside this one. */
    public Cidr subnet(int newPrefix, int index) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("cannot carve /" + newPrefix + " from " + this);
        }
        long count = 1L << (newPrefix - prefix);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(this + " has only " + count + " blocks of /" + newPrefix);
        }
        return new Cidr(address + ((long) index << (32 - newPrefix)), newPrefix);
    }

    /** How many blocks of length {@code newPrefix} fit in this one. */
    public long count(int newPrefix) {
        return newPrefix < prefix ? 0 : 1L << (newPrefix - prefix);
    }

    @Override
    public String toString() {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255) + "/" + prefix;
    }
}
