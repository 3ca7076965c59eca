package io.growstack.review;

import java.util.Locale;

/**
 * How much a finding matters. Each rule has one, fixed: it is never lowered to make a stack pass. A
 * {@link Profile} may set a lower one for a named deliberate trade in development (never for prod).
 */
public enum Severity {
    /** Exposed or exploitable as it stands; {@code growstack review} fails while one is unsuppressed. */
    HIGH("error", "8.0"),
    /** Weakens a defence or hides an incident; fix it or suppress it with a reason. */
    MEDIUM("warning", "5.0"),
    /** Hygiene: resilience and forensics. */
    LOW("note", "2.0"),
    /** Reported for the record only: a trade the review's profile calls deliberate. */
    INFO("note", "0.0");

    private final String sarifLevel;
    private final String securitySeverity;

    Severity(String sarifLevel, String securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** The SARIF level: {@code error}, {@code warning} or {@code note}. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /**
     * The score GitHub code scanning reads from {@code properties.security-severity}: 7.0 and above
     * shows as high, 4.0 to 6.9 as medium, below 4.0 as low.
     */
    public String securitySeverity() {
        return securitySeverity;
    }

    /** {@code high}, {@code medium}, {@code low} or {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
