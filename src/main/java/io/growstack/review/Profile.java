package io.growstack.review;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How strictly a stack is reviewed: {@code prod} keeps every rule's severity; {@code dev} lowers the
 * few findings that are a deliberate cost or safety trade in a development environment, each with the
 * reason the report prints. The review picks the profile from the stack's {@code Environment} tag
 * (GrowStack's naming writes it into the provider's {@code default_tags}) unless one is given; a stack
 * without the tag, or with a name that is not a development one, is reviewed as {@code prod}.
 *
 * <p>Severities stay fixed per profile: a profile never lowers a finding because it is inconvenient,
 * only because the environment makes the trade deliberate. The exit status follows: {@code growstack
 * review} fails while an open finding is high under the stack's profile.
 */
public enum Profile {
    /** A development environment: deletion protection, Multi-AZ, WAF and HTTPS are deliberate trades. */
    DEV,
    /** Production, and anything not named as development: every rule at its own severity. */
    PROD;

    /** Environment names reviewed as dev; anything else (prod, staging, v1, ...) is prod. */
    static final Set<String> DEV_NAMES = Set.of("dev", "develop", "development", "test", "testing", "qa", "sandbox",
            "sbx", "preview", "local", "play");

    /** A severity a profile sets for one rule, and why. */
    public record Relaxation(Severity severity, String reason) {
    }

    /** The dev relaxations, one a line by rule. */
    private static final Map<Rule, Relaxation> DEV_RELAXATIONS = devRelaxations();

    private static Map<Rule, Relaxation> devRelaxations() {
        Map<Rule, Relaxation> m = new LinkedHashMap<>();
        m.put(SecurityRules.RDS_NO_DELETION_PROTECTION, new Relaxation(Severity.LOW,
                "a dev database is recreated on purpose; prod keeps this medium"));
        m.put(SecurityRules.RDS_SINGLE_AZ, new Relaxation(Severity.INFO,
                "a standby doubles a dev database's cost for an outage dev can wait out"));
        m.put(SecurityRules.CF_NO_WAF, new Relaxation(Severity.LOW,
                "a web ACL is a monthly cost a dev site with no real users seldom needs"));
        m.put(SecurityRules.ELB_NO_WAF, new Relaxation(Severity.LOW,
                "a web ACL is a monthly cost a dev service with no real users seldom needs"));
        m.put(SecurityRules.ELB_HTTP_LISTENER, new Relaxation(Severity.MEDIUM,
                "a dev stack often has no domain or certificate yet; keep real users' data off it"));
        return m;
    }

    /** {@code dev} or {@code prod}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The profile named {@code name} ({@code dev} or {@code prod}, any case), if it is one. */
    public static Optional<Profile> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Profile p : values()) {
            if (p.label().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The profile of an environment name: {@link #DEV} for a development name, else {@link #PROD}. */
    public static Profile ofEnvironment(String environment) {
        return environment != null && DEV_NAMES.contains(environment.toLowerCase(Locale.ROOT)) ? DEV : PROD;
    }

    /** What this profile sets for {@code rule}, if it changes the rule's own severity. */
    public Optional<Relaxation> relaxation(Rule rule) {
        return this == DEV ? Optional.ofNullable(DEV_RELAXATIONS.get(rule)) : Optional.empty();
    }

    /** The severity a finding of {@code rule} has under this profile. */
    public Severity severity(Rule rule) {
        return relaxation(rule).map(Relaxation::severity).orElse(rule.severity());
    }
}
