package io.growstack.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The security review of one synthesized stack ({@code cdk.tf.json}): every finding of the
 * {@link SecurityRules}, each open or accepted by a suppression in force on the review's date.
 *
 * <pre>{@code
 * Review review = Review.of(json, LocalDate.now());
 * review.open().forEach(f -> System.out.println(f.rule().id() + " " + f.address() + ": " + f.message()));
 * }</pre>
 */
public final class Review {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Check> CHECKS = List.of(new CloudFrontChecks(), new Ec2Checks(),
            new LoadBalancerChecks(), new IamChecks(), new RdsChecks(), new RdsParameterChecks(), new S3Checks(),
            new NetworkChecks(), new SnsChecks(), new DefaultSecurityGroupChecks(), new NatChecks());
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.rule().id()).thenComparing(Finding::address).thenComparing(Finding::message);

    private final String stackName;
    private final Profile profile;
    private final String profileSource;
    private final LocalDate today;
    private final List<Finding> findings;
    private final List<String> notes;
    private final String artifact;
    private final Map<String, Integer> lines;

    private Review(String stackName, Profile profile, String profileSource, LocalDate today, List<Finding> findings,
                   List<String> notes, String artifact, Map<String, Integer> lines) {
        this.stackName = stackName;
        this.profile = profile;
        this.profileSource = profileSource;
        this.today = today;
        this.findings = List.copyOf(findings);
        this.notes = List.copyOf(notes);
        this.artifact = artifact;
        this.lines = Map.copyOf(lines);
    }

    /** Reviews a parsed {@code cdk.tf.json} with today's date (the system clock) for suppression expiry. */
    public static Review of(JsonNode stack) {
        return of(stack, LocalDate.now());
    }

    /** Reviews a parsed {@code cdk.tf.json}; suppressions expire after their date as seen on {@code today}. */
    public static Review of(JsonNode stack, LocalDate today) {
        return of(stack, today, null, null, Map.of());
    }

    /**
     * Reviews a parsed {@code cdk.tf.json} under {@code profile}; {@code null} picks it from the stack's
     * {@code Environment} tag (see {@link Profile}).
     */
    public static Review of(JsonNode stack, LocalDate today, Profile profile) {
        return of(stack, today, profile, null, Map.of());
    }

    /**
     * Reviews the file {@code file}, recording {@code artifact} (the path reports show, such as
     * {@code cdktf.out/stacks/app/cdk.tf.json}) and the line of each resource for SARIF.
     */
    public static Review read(Path file, String artifact, LocalDate today) {
        return read(file, artifact, today, null);
    }

    /** As {@link #read(Path, String, LocalDate)}, under {@code profile} ({@code null}: from the stack). */
    public static Review read(Path file, String artifact, LocalDate today, Profile profile) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            return of(JSON.readTree(text), today, profile, artifact, resourceLines(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Review of(JsonNode stack, LocalDate today, Profile given, String artifact,
                             Map<String, Integer> lines) {
        StackModel model = StackModel.of(stack);
        String environment = environmentTag(model);
        Profile profile = given != null ? given : Profile.ofEnvironment(environment);
        String source = given != null ? "given"
                : environment == null ? "no Environment tag: the strict profile"
                : profile == Profile.DEV ? "Environment tag \"" + environment + "\""
                : "Environment tag \"" + environment + "\"" + (environment.equalsIgnoreCase("prod") ? ""
                        : ", not a development name");
        Findings raw = new Findings();
        for (Check check : CHECKS) {
            check.run(model, raw);
        }
        SuppressionIndex suppressions = new SuppressionIndex(model);
        List<Finding> findings = new ArrayList<>();
        for (Findings.Raw f : raw.all()) {
            SuppressionIndex.Match match = suppressions.match(f, today);
            String relaxed = profile.relaxation(f.rule()).map(r -> profile.label() + ": " + r.reason()).orElse(null);
            findings.add(new Finding(f.rule(), profile.severity(f.rule()), f.address(), f.path(), f.message(), relaxed,
                    match.active(), match.expired()));
        }
        findings.sort(ORDER);
        List<String> notes = new ArrayList<>(suppressions.notes());
        notes.sort(Comparator.naturalOrder());
        notes.addAll(io.growstack.cost.BudgetCheck.warnings(model));
        return new Review(model.stackName(), profile, source, today, findings, notes, artifact, lines);
    }

    /**
     * The {@code Environment} tag of the AWS providers' {@code default_tags} (GrowStack writes it from its
     * naming), or {@code null} when no provider sets a literal one. With several AWS providers that disagree,
     * {@code null}: the stack has no one environment.
     */
    private static String environmentTag(StackModel model) {
        java.util.Set<String> found = new java.util.TreeSet<>();
        for (StackModel.Provider provider : model.providers()) {
            for (JsonNode defaults : Values.blocks(provider.config(), "default_tags")) {
                String value = Values.text(defaults.path("tags").path("Environment"));
                if (value != null) {
                    found.add(value);
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** The line of each resource's name in the file, by address (1-based). */
    private static Map<String, Integer> resourceLines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.FIELD_NAME) {
                    continue;
                }
                // Field `name` inside {"resource": {"<type>": {"<name>": ...}}}: the contexts are the type's
                // object, the section's object (named by the type) and the root object (named by the section).
                JsonStreamContext names = parser.getParsingContext();
                JsonStreamContext types = names.getParent();
                JsonStreamContext top = types == null ? null : types.getParent();
                if (top != null && top.getParent() != null && top.getParent().inRoot() && types.getCurrentName() != null
                        && ("resource".equals(top.getCurrentName()) || "data".equals(top.getCurrentName()))) {
                    String prefix = "data".equals(top.getCurrentName()) ? "data." : "";
                    lines.put(prefix + types.getCurrentName() + "." + parser.currentName(),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    /** The stack name cdktf recorded ({@code //.metadata.stackName}). */
    public String stackName() {
        return stackName;
    }

    /** The profile the stack was reviewed under. */
    public Profile profile() {
        return profile;
    }

    /**
     * Why that profile: {@code given} (by the caller or {@code --profile}), or the stack's
     * {@code Environment} tag, or that it has none.
     */
    public String profileSource() {
        return profileSource;
    }

    /** The date suppressions were judged on. */
    public LocalDate today() {
        return today;
    }

    /** Every finding, open and suppressed, by severity, rule and address. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings no suppression in force accepts. */
    public List<Finding> open() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    /** The findings a suppression accepts. */
    public List<Finding> suppressed() {
        return findings.stream().filter(Finding::suppressed).toList();
    }

    /** How many open findings have {@code severity}. */
    public long openCount(Severity severity) {
        return findings.stream().filter(f -> !f.suppressed() && f.severity() == severity).count();
    }

    /** Whether an unsuppressed finding is high under the profile (the command line then exits with 1). */
    public boolean hasOpenHigh() {
        return openCount(Severity.HIGH) > 0;
    }

    /** Ignored suppressions and suppressions that matched nothing. */
    public List<String> notes() {
        return notes;
    }

    /** The reviewed file as reports show it, or {@code null} when the review was given JSON only. */
    public String artifact() {
        return artifact;
    }

    /** The line of {@code address} in the reviewed file, or {@code null}. */
    public Integer line(String address) {
        return lines.get(address);
    }
}
