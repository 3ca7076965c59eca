package io.growstack.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run whose driver lists every rule (id, name, short and full
 * description, help, default level and {@code security-severity}); one result per finding with its rule,
 * level, message, the {@code cdk.tf.json} as physical location (with the resource's line when known) and
 * the Terraform address as logical location. Suppressed findings carry
 * {@code suppressions: [{kind: "inSource", justification}]}.
 */
final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/growstack/growstack";

    private SarifReport() {
    }

    static String render(List<Review> reviews) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "growstack");
        driver.put("informationUri", INFORMATION_URI);
        driver.put("semanticVersion", "0.1.0");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (Rule rule : SecurityRules.ALL) {
            index.put(rule.id(), rules.size());
            ObjectNode r = rules.addObject();
            r.put("id", rule.id());
            r.put("name", rule.name());
            r.putObject("shortDescription").put("text", rule.title());
            r.putObject("fullDescription").put("text", rule.title() + ". Fix: " + rule.fix() + ".");
            ObjectNode help = r.putObject("help");
            help.put("text", "Fix: " + rule.fix() + ". cdk-nag: " + rule.cdkNag() + ". Checkov: " + rule.checkov() + ".");
            help.put("markdown", "**Fix:** " + rule.fix() + "\n\ncdk-nag: " + rule.cdkNag() + "  \nCheckov: "
                    + rule.checkov() + "\n\nSuppress with a reason: `Suppressions.add(construct, \"" + rule.id()
                    + "\", \"why this is acceptable\")`.");
            r.putObject("defaultConfiguration").put("level", rule.severity().sarifLevel());
            ObjectNode properties = r.putObject("properties");
            properties.putArray("tags").add("security").add("terraform").add("aws");
            properties.put("security-severity", rule.severity().securitySeverity());
            properties.put("precision", "high");
        }
        ArrayNode results = run.putArray("results");
        for (Review review : reviews) {
            for (Finding f : review.findings()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", f.rule().id());
                result.put("ruleIndex", index.get(f.rule().id()));
                result.put("level", f.severity().sarifLevel());
                result.putObject("message").put("text", f.rule().title() + ": " + f.message() + " (stack "
                        + review.stackName() + ", " + f.address() + ")"
                        + (f.relaxed() == null ? "" : " [" + f.rule().severity().label() + " in prod; " + f.relaxed() + "]"));
                ObjectNode location = result.putArray("locations").addObject();
                if (review.artifact() != null) {
                    ObjectNode physical = location.putObject("physicalLocation");
                    physical.putObject("artifactLocation").put("uri", review.artifact());
                    Integer line = review.line(f.address());
                    physical.putObject("region").put("startLine", line == null ? 1 : line);
                }
                ObjectNode logical = location.putArray("logicalLocations").addObject();
                logical.put("name", f.address());
                logical.put("fullyQualifiedName", review.stackName() + "/" + f.address());
                logical.put("kind", "resource");
                result.putObject("partialFingerprints").put("growstackFinding/v1",
                        review.stackName() + "/" + f.rule().id() + "/" + f.address() + "/"
                                + Integer.toHexString(f.message().hashCode()));
                if (f.suppressed()) {
                    ObjectNode suppression = result.putArray("suppressions").addObject();
                    suppression.put("kind", "inSource");
                    suppression.put("justification", TableReport.oneLine(f.suppression().reason())
                            + (f.suppression().expires() == null ? "" : " (until " + f.suppression().expires() + ")"));
                }
            }
        }
        return JsonReport.write(root);
    }
}
