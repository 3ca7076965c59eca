package io.growstack.core;

import software.constructs.Construct;

/**
 * The one error growstack throws for bad input, at construction time, before anything is written.
 *
 * <p>The message names the construct path, the property, the rejected value and what would be
 * valid, for example: {@code prod/network: property 'cidr' is '10.0.0.0/33': expected an IPv4
 * CIDR block such as 10.0.0.0/16}.
 */
public final class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String property;
    private final String value;

    /** Creates the error; prefer {@link #of(Construct, String, Object, String)}. */
    public ValidationException(String path, String property, Object value, String expected) {
        super(path + ": property '" + property + "' is " + render(value) + ": " + expected);
        this.path = path;
        this.property = property;
        this.value = String.valueOf(value);
    }

    /** An error for {@code property} of the construct {@code scope} (named by its path). */
    public static ValidationException of(Construct scope, String property, Object value, String expected) {
        Args.notNull(scope, "scope");
        return new ValidationException(scope.getNode().getPath(), property, value, expected);
    }

    /** An error for a construct that is about to be created as {@code id} under {@code scope}. */
    public static ValidationException of(Construct scope, String id, String property, Object value, String expected) {
        Args.notNull(scope, "scope");
        String parent = scope.getNode().getPath();
        return new ValidationException(parent.isEmpty() ? id : parent + "/" + id, property, value, expected);
    }

    /**
     * {@code value} when it lies in {@code min..max}, else the error for {@code property} of {@code scope}
     * with {@code expected} (which should state the range and, where it is not obvious, why).
     */
    public static int requireBetween(Construct scope, String property, int value, int min, int max, String expected) {
        if (value < min || value > max) {
            throw of(scope, property, value, expected);
        }
        return value;
    }

    private static String render(Object value) {
        if (value == null) {
            return "missing";
        }
        return "'" + value + "'";
    }

    /** The construct path that was being built. */
    public String path() {
        return path;
    }

    /** The property that was rejected. */
    public String property() {
        return property;
    }

    /** The rejected value, as text. */
    public String value() {
        return value;
    }
}
