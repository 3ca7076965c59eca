package io.growstack.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The three report forms over {@code review/reports/shop.json}: one open finding of each severity
 * (SSH from the world, an app port from the world, a single-AZ database), one suppressed (no flow logs)
 * and one suppression that matches nothing.
 *
 * <p>SARIF is checked here field by field against what SARIF 2.1.0 requires and GitHub code scanning
 * reads; no JSON-schema validator is on the test classpath.
 */
class ReportFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final String ARTIFACT = "cdktf.out/stacks/shop/cdk.tf.json";

    private static Path shop() {
        try {
            return Path.of(Objects.requireNonNull(ReportFormatTest.class.getResource("/review/reports/shop.json")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Review review() {
        return Review.read(shop(), ARTIFACT, TODAY);
    }

    @Test
    void theTableGroupsOpenFindingsBySeverityThenSuppressionsNotesAndEachFixOnce() {
        String table = ReportFormat.TABLE.render(List.of(review()));
        assertThat(table).isEqualTo("""
                stack shop (cdktf.out/stacks/shop/cdk.tf.json): 1 high, 1 medium, 1 low open; 1 suppressed
                  profile: prod (no Environment tag: the strict profile)
                  HIGH
                    GS-SG-001  aws_vpc_security_group_ingress_rule.web_ssh: SSH (22) open to 0.0.0.0/0: tcp 22 on aws_security_group.web_group
                  MEDIUM
                    GS-SG-003  aws_vpc_security_group_ingress_rule.web_app: tcp 8080 open to 0.0.0.0/0 on aws_security_group.web_group, which no load balancer uses
                  LOW
                    GS-RDS-005 aws_db_instance.data_db: multi_az is not set
                  SUPPRESSED
                    GS-VPC-001 aws_vpc.network_vpc: "flow logs are on in production only" until 2026-06-30
                  note: suppression of GS-RDS-005 at shop/gone matched no finding
                fixes
                  GS-RDS-005 the database runs in one availability zone: growstack: DatabaseProps.builder(network).multiAz(true) when an hour of downtime in a zone outage is not acceptable; Terraform: multi_az = true
                  GS-SG-001  SSH or RDP is open to the whole internet: growstack: BastionProps.builder(network).allowSshFrom(List.of("203.0.113.7/32")) or ssmSessionManager(true) instead of allowSshFromAnywhere(); Terraform: cidr_ipv4 of the ingress rule
                  GS-SG-003  ingress from the whole internet that is not a load balancer's HTTP/HTTPS: growstack: put the service behind AutoScaledService's load balancer and admit peers with connections().allowFrom(...); Terraform: cidr_ipv4 of the ingress rule
                review: 1 high, 1 medium, 1 low open, 1 suppressed -> FAILED (unsuppressed high findings)
                """);
    }

    @Test
    void theJsonFormListsEveryFindingWithItsRuleFixAndSuppression() throws IOException {
        JsonNode json = JSON.readTree(ReportFormat.JSON.render(List.of(review())));
        assertThat(json.path("passed").asBoolean()).isFalse();
        assertThat(json.path("today").asText()).isEqualTo("2026-01-15");
        JsonNode stack = json.path("stacks").get(0);
        assertThat(stack.path("stack").asText()).isEqualTo("shop");
        assertThat(stack.path("file").asText()).isEqualTo(ARTIFACT);
        assertThat(stack.path("open").toString()).isEqualTo("{\"high\":1,\"medium\":1,\"low\":1,\"info\":0}");
        assertThat(stack.path("profile").asText()).isEqualTo("prod");
        assertThat(stack.path("profileSource").asText()).isEqualTo("no Environment tag: the strict profile");
        assertThat(stack.path("suppressed").asInt()).isEqualTo(1);
        List<String> rules = new ArrayList<>();
        stack.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
        assertThat(rules).containsExactly("GS-SG-001", "GS-SG-003", "GS-RDS-005", "GS-VPC-001");
        JsonNode ssh = stack.path("findings").get(0);
        assertThat(ssh.path("severity").asText()).isEqualTo("high");
        assertThat(ssh.path("address").asText()).isEqualTo("aws_vpc_security_group_ingress_rule.web_ssh");
        assertThat(ssh.path("path").asText()).isEqualTo("shop/web/ssh");
        assertThat(ssh.path("fix").asText()).isEqualTo(SecurityRules.SG_ADMIN_FROM_WORLD.fix());
        assertThat(ssh.path("suppressed").asBoolean()).isFalse();
        JsonNode vpc = stack.path("findings").get(3);
        assertThat(vpc.path("suppressed").asBoolean()).isTrue();
        assertThat(vpc.path("suppression").toString()).isEqualTo(
                "{\"reason\":\"flow logs are on in production only\",\"expires\":\"2026-06-30\",\"scope\":\"shop/network\"}");
        assertThat(stack.path("notes").get(0).asText()).isEqualTo("suppression of GS-RDS-005 at shop/gone matched no finding");
    }

    @Test
    void sarifCarriesWhatSarif210AndGithubCodeScanningRequire() throws IOException {
        JsonNode sarif = JSON.readTree(ReportFormat.SARIF.render(List.of(review())));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(sarif.path("runs").size()).isEqualTo(1);
        JsonNode run = sarif.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("growstack");
        JsonNode rules = driver.path("rules");
        assertThat(rules.size()).isEqualTo(SecurityRules.ALL.size());
        Set<String> levels = Set.of("error", "warning", "note");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            Rule expected = SecurityRules.ALL.get(i);
            assertThat(rule.path("id").asText()).isEqualTo(expected.id());
            assertThat(rule.path("name").asText()).isEqualTo(expected.name());
            assertThat(rule.path("shortDescription").path("text").asText()).isEqualTo(expected.title());
            assertThat(rule.path("fullDescription").path("text").asText()).isNotBlank();
            assertThat(rule.path("help").path("text").asText()).contains(expected.fix(), expected.checkov());
            assertThat(rule.path("help").path("markdown").asText()).contains(expected.cdkNag());
            assertThat(rule.path("defaultConfiguration").path("level").asText()).isEqualTo(expected.severity().sarifLevel())
                    .isIn(levels);
            assertThat(rule.path("properties").path("security-severity").asText())
                    .isEqualTo(expected.severity().securitySeverity());
            assertThat(rule.path("properties").path("tags")).extracting(JsonNode::asText).contains("security");
        }
        JsonNode results = run.path("results");
        assertThat(results.size()).isEqualTo(4);
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode result : results) {
            String ruleId = result.path("ruleId").asText();
            int index = result.path("ruleIndex").asInt();
            assertThat(rules.get(index).path("id").asText()).isEqualTo(ruleId);
            assertThat(result.path("level").asText()).isEqualTo(rules.get(index).path("defaultConfiguration")
                    .path("level").asText());
            assertThat(result.path("message").path("text").asText()).isNotBlank();
            JsonNode location = result.path("locations").get(0);
            assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText()).isEqualTo(ARTIFACT);
            assertThat(location.path("physicalLocation").path("region").path("startLine").asInt()).isPositive();
            JsonNode logical = location.path("logicalLocations").get(0);
            assertThat(logical.path("name").asText()).startsWith("aws_");
            assertThat(logical.path("fullyQualifiedName").asText()).isEqualTo("shop/" + logical.path("name").asText());
            assertThat(logical.path("kind").asText()).isEqualTo("resource");
            fingerprints.add(result.path("partialFingerprints").path("growstackFinding/v1").asText());
        }
        assertThat(fingerprints).hasSize(4);
        JsonNode suppressed = results.get(3);
        assertThat(suppressed.path("ruleId").asText()).isEqualTo("GS-VPC-001");
        assertThat(suppressed.path("suppressions").toString()).isEqualTo(
                "[{\"kind\":\"inSource\",\"justification\":\"flow logs are on in production only (until 2026-06-30)\"}]");
        for (int i = 0; i < 3; i++) {
            assertThat(results.get(i).has("suppressions")).as("open result %s", i).isFalse();
        }
    }

    @Test
    void sarifPointsEachResultAtTheLineThatNamesItsResource() throws IOException {
        List<String> lines = Files.readAllLines(shop());
        JsonNode results = JSON.readTree(ReportFormat.SARIF.render(List.of(review()))).path("runs").get(0).path("results");
        for (JsonNode result : results) {
            JsonNode location = result.path("locations").get(0);
            String address = location.path("logicalLocations").get(0).path("name").asText();
            int line = location.path("physicalLocation").path("region").path("startLine").asInt();
            assertThat(lines.get(line - 1).trim()).as(address)
                    .isEqualTo("\"" + address.substring(address.indexOf('.') + 1) + "\": {");
        }
    }

    @Test
    void aReviewOfJsonAloneHasNoPhysicalLocation() throws IOException {
        Review review = Review.of(JSON.readTree(shop().toFile()), TODAY);
        JsonNode location = JSON.readTree(ReportFormat.SARIF.render(List.of(review))).path("runs").get(0)
                .path("results").get(0).path("locations").get(0);
        assertThat(location.has("physicalLocation")).isFalse();
        assertThat(location.path("logicalLocations").get(0).path("name").asText())
                .isEqualTo("aws_vpc_security_group_ingress_rule.web_ssh");
    }

    // Rendering the same review twice in one JVM proves nothing; what can differ between machines is
    // the order a stack's JSON lists its keys in, so the reports must not depend on it.
    @Test
    void everyFormIgnoresTheOrderOfTheStacksKeys() throws IOException {
        JsonNode stack = JSON.readTree(shop().toFile());
        JsonNode reversed = reverseKeys(stack);
        assertThat(reversed.fieldNames().next()).isNotEqualTo(stack.fieldNames().next());
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(format.render(List.of(Review.of(reversed, TODAY)))).as(format.name())
                    .isEqualTo(format.render(List.of(Review.of(stack, TODAY))));
        }
    }

    private static JsonNode reverseKeys(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            java.util.Collections.reverse(names);
            com.fasterxml.jackson.databind.node.ObjectNode copy = JSON.createObjectNode();
            names.forEach(name -> copy.set(name, reverseKeys(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(reverseKeys(item)));
            return copy;
        }
        return node;
    }
}
