package io.growstack.core;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EC2 instance type the library knows, such as {@code t4g.micro}: family, generation, size
 * and CPU architecture. Graviton families (a1, and every family with a {@code g} right after the
 * generation digit: t4g, m7g, c6gn, r8g) are arm64; the other known families are x86_64.
 *
 * @param name         the full name, for example {@code t3.nano}
 * @param family       the family, for example {@code c6gn}
 * @param generation   the generation digit, for example 6
 * @param size         the size, for example {@code nano} or {@code 2xlarge}
 * @param architecture the CPU architecture
 */
public record InstanceType(String name, String family, int generation, String size, Architecture architecture) {
    /** Families the library knows; an instance type outside them is rejected. */
    public static final Set<String> KNOWN_FAMILIES = Set.of(
            "a1",
            "t2", "t3", "t3a", "t4g",
            "m5", "m5a", "m5n", "m6i", "m6a", "m6g", "m6gd", "m7i", "m7i-flex", "m7a", "m7g", "m7gd", "m8g",
            "c5", "c5a", "c5n", "c6i", "c6a", "c6g", "c6gd", "c6gn", "c7i", "c7a", "c7g", "c7gd", "c7gn", "c8g",
            "r5", "r5a", "r6i", "r6a", "r6g", "r6gd", "r7i", "r7a", "r7g", "r7gd", "r8g");

    private static final Pattern NAME = Pattern.compile("([a-z]+)(\\d)([a-z-]*)\\.(nano|micro|small|medium|large|metal|\\d{0,2}xlarge)");

    /** Parses a known instance type; empty when the family or size is not known. */
    public static Optional<InstanceType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        String family = m.group(1) + m.group(2) + m.group(3);
        if (!KNOWN_FAMILIES.contains(family)) {
            return Optional.empty();
        }
        boolean graviton = family.equals("a1") || m.group(3).startsWith("g");
        return Optional.of(new InstanceType(name, family, Integer.parseInt(m.group(2)), m.group(4),
                graviton ? Architecture.ARM64 : Architecture.X86_64));
    }

    /** Parses a known instance type or throws a {@link ValidationException} for {@code property}. */
    public static InstanceType of(software.constructs.Construct scope, String id, String property, String name) {
        Args.notNull(scope, "scope");
        Args.notNull(id, "id");
        Args.notNull(property, "property");
        return parse(name).orElseThrow(() -> ValidationException.of(scope, id, property, name,
                "expected a known EC2 instance type such as t3.nano or t4g.micro (families: "
                        + String.join(", ", new java.util.TreeSet<>(KNOWN_FAMILIES)) + ")"));
    }

    @Override
    public String toString() {
        return name;
    }
}
