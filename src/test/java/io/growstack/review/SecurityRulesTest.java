package io.growstack.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.testing.TestStacks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule against its fixtures in {@code src/test/resources/review/fixtures}: {@code <rule>.fail.json}
 * and {@code <rule>.pass[.<case>].json}, each stating under {@code //.expect} which rule it exercises and
 * exactly which addresses that rule must flag (none for a passing fixture).
 */
class SecurityRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    static Path fixtures() {
        try {
            return Path.of(Objects.requireNonNull(SecurityRulesTest.class.getResource("/review/fixtures")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> fixtureFiles() {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The addresses {@code rule} flags in {@code stack}. */
    static List<String> flagged(JsonNode stack, String rule) {
        return Review.of(stack, TODAY).findings().stream().filter(f -> f.rule().id().equals(rule))
                .map(Finding::address).distinct().sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureIsFlaggedExactlyWhereItExpects() {
        return fixtureFiles().stream().map(file -> {
            JsonNode json = TestStacks.read(file);
            JsonNode expect = json.path("//").path("expect");
            String rule = expect.path("rule").asText();
            List<String> expected = new ArrayList<>();
            expect.path("flagged").forEach(a -> expected.add(a.asText()));
            String name = file.getFileName() + ": " + rule + (expected.isEmpty() ? " flags nothing"
                    : " flags " + String.join(", ", expected));
            return DynamicTest.dynamicTest(name, () -> {
                assertThat(SecurityRules.byId(rule)).as("rule of %s", file.getFileName()).isPresent();
                assertThat(flagged(json, rule)).as("%s in %s", rule, file.getFileName())
                        .containsExactlyElementsOf(expected.stream().sorted().toList());
            });
        });
    }

    @Test
    void everyRuleHasAFailingAndAPassingFixture() {
        List<String> names = fixtureFiles().stream().map(p -> p.getFileName().toString()).toList();
        for (Rule rule : SecurityRules.ALL) {
            Path fail = fixtures().resolve(rule.id() + ".fail.json");
            assertThat(names).as("fixtures of %s", rule.id()).contains(rule.id() + ".fail.json", rule.id() + ".pass.json");
            assertThat(TestStacks.read(fail).path("//").path("expect").path("flagged").size())
                    .as("addresses the failing fixture of %s expects", rule.id()).isPositive();
            assertThat(TestStacks.read(fixtures().resolve(rule.id() + ".pass.json")).path("//").path("expect")
                    .path("flagged").size()).as("addresses the passing fixture of %s expects", rule.id()).isZero();
        }
    }

    @Test
    void ruleIdsAreUniqueStableInShapeAndListedInOrder() {
        List<String> ids = SecurityRules.ALL.stream().map(Rule::id).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted().hasSize(42)
                .allMatch(id -> id.matches("GS-[A-Z0-9]+-\\d{3}"));
        assertThat(SecurityRules.ALL).allSatisfy(rule -> {
            assertThat(rule.title()).doesNotContain("\n").isNotBlank();
            assertThat(rule.fix()).doesNotContain("\n").isNotBlank();
            assertThat(rule.name()).matches("[A-Z][A-Za-z0-9]+");
        });
        assertThat(SecurityRules.ALL.stream().map(Rule::severity).distinct()).containsExactlyInAnyOrder(
                Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(SecurityRules.byId("GS-EC2-001")).contains(SecurityRules.EC2_IMDSV2);
        assertThat(SecurityRules.byId("GS-NOPE-001")).isEmpty();
    }

    @Test
    void everyFixHintNamesTheGrowstackCallFirstAndTheTerraformArgumentSecond() {
        assertThat(SecurityRules.ALL).allSatisfy(rule -> assertThat(rule.fix()).as("fix of %s", rule.id())
                .startsWith("growstack: ").contains("; Terraform: ")
                .satisfies(fix -> assertThat(fix.indexOf("; Terraform: ")).isGreaterThan("growstack: ".length())));
        assertThat(SecurityRules.ELB_HTTP_LISTENER.fix()).startsWith(
                "growstack: AutoScaledServiceProps.builder(network).certificateArn(");
    }

    @Test
    void anSslPolicyGrowstackDoesNotKnowIsReportedAsUnknownNotAsOld() {
        JsonNode json = TestStacks.read(fixtures().resolve("GS-ELB-003.fail.json"));
        List<String> messages = Review.of(json, TODAY).findings().stream()
                .filter(f -> f.rule().id().equals("GS-ELB-003")).map(f -> f.address() + ": " + f.message()).toList();
        assertThat(messages).contains("aws_lb_listener.unknown_policy: ssl_policy ELBSecurityPolicy-Bogus is not an ELB"
                + " security policy growstack knows, so which TLS versions it accepts is unknown (aws elbv2"
                + " describe-ssl-policies --names ELBSecurityPolicy-Bogus tells; use a TLS 1.2+ policy such as"
                + " ELBSecurityPolicy-TLS13-1-2-2021-06)",
                "aws_lb_listener.old_policy: ssl_policy ELBSecurityPolicy-2016-08 accepts TLS older than 1.2");
    }

    @Test
    void theDefaultCloudFrontCertificateIsItsOwnLowFindingNotAMediumTlsOne() {
        JsonNode json = TestStacks.read(fixtures().resolve("GS-CF-007.fail.json"));
        assertThat(flagged(json, "GS-CF-003")).isEmpty();
        assertThat(Review.of(json, TODAY).findings()).filteredOn(f -> f.rule().id().equals("GS-CF-007"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.LOW)).hasSize(2);
    }

    @Test
    void eachRulesJavadocNamesTheCdkNagAndCheckovEquivalentsItCarries() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/growstack/review/SecurityRules.java"));
        Matcher m = Pattern.compile("/\\*\\*(.*?)\\*/\\s*public static final Rule \\w+ = new Rule\\(\"([^\"]+)\"",
                Pattern.DOTALL).matcher(source);
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            String javadoc = m.group(1).replaceAll("\\s*\\*\\s*", " ");
            Rule rule = SecurityRules.byId(m.group(2)).orElseThrow();
            documented.add(rule.id());
            assertThat(javadoc).as("Javadoc of %s", rule.id()).contains("cdk-nag:", "Checkov:");
            for (String id : (rule.cdkNag() + ", " + rule.checkov()).split(", ")) {
                assertThat(javadoc).as("Javadoc of %s", rule.id()).contains(id);
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(SecurityRules.ALL.stream().map(Rule::id).toList());
    }
}
