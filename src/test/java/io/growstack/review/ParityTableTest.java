package io.growstack.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.TestStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code review/PARITY.md}, the table of cdk-nag and Checkov checks against GS rules, agrees with the rules. */
class ParityTableTest {
    private static final Path TABLE = Path.of("src/main/java/io/growstack/review/PARITY.md");
    private static final Pattern CHECK = Pattern.compile("AwsSolutions-[A-Z0-9]+|CKV2?_AWS_\\d+");
    private static final Pattern GS_ID = Pattern.compile("GS-[A-Z0-9]+-\\d{3}");

    /** The checks the issue found no GS rule for on v4 (cdk-nag and Checkov side by side), and the rule that covers each now. */
    private static final Map<String, String> MISSES = misses();

    private static Map<String, String> misses() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CKV_AWS_26", "GS-SNS-001");
        m.put("AwsSolutions-SNS3", "GS-SNS-002");
        m.put("CKV_AWS_18", "GS-S3-003");
        m.put("AwsSolutions-S1", "GS-S3-003");
        m.put("CKV_AWS_21", "GS-S3-004");
        m.put("CKV_AWS_86", "GS-CF-004");
        m.put("AwsSolutions-CFR3", "GS-CF-004");
        m.put("CKV_AWS_68", "GS-CF-005");
        m.put("AwsSolutions-CFR2", "GS-CF-005");
        m.put("CKV2_AWS_32", "GS-CF-006");
        m.put("CKV2_AWS_28", "GS-ELB-005");
        m.put("CKV_AWS_161", "GS-RDS-006");
        m.put("AwsSolutions-RDS6", "GS-RDS-006");
        m.put("CKV_AWS_118", "GS-RDS-007");
        m.put("CKV_AWS_129", "GS-RDS-008");
        m.put("CKV_AWS_126", "GS-EC2-003");
        m.put("CKV2_AWS_12", "GS-VPC-002");
        return m;
    }

    /** One table row: the check, the GS ids it names, and the reason column. */
    private record Row(String check, List<String> rules, String reason) {
    }

    private static Map<String, Row> rows() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            String[] cells = line.split("\\|", -1);
            if (cells.length < 6 || !CHECK.matcher(cells[1].trim()).matches()) {
                continue;
            }
            String check = cells[1].trim();
            List<String> rules = new ArrayList<>();
            Matcher m = GS_ID.matcher(cells[3]);
            while (m.find()) {
                rules.add(m.group());
            }
            assertThat(rows.containsKey(check)).as("a second row for %s", check).isFalse();
            rows.put(check, new Row(check, rules, cells[4].trim()));
        }
        return rows;
    }

    @Test
    void everyGsRuleTheTableNamesExistsAndEveryUncoveredCheckSaysWhy() throws IOException {
        Map<String, Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(100);
        for (Row row : rows.values()) {
            for (String id : row.rules()) {
                assertThat(SecurityRules.byId(id)).as("%s names %s", row.check(), id).isPresent();
            }
            if (row.rules().isEmpty()) {
                assertThat(row.reason()).as("why %s has no rule", row.check()).isNotBlank();
            }
        }
    }

    @Test
    void everyRulesOwnCdkNagAndCheckovIdsAreRowsNamingIt() throws IOException {
        Map<String, Row> rows = rows();
        for (Rule rule : SecurityRules.ALL) {
            Matcher m = CHECK.matcher(rule.cdkNag() + " " + rule.checkov());
            while (m.find()) {
                assertThat(rows.containsKey(m.group())).as("%s lists %s: a row for it", rule.id(), m.group()).isTrue();
                assertThat(rows.get(m.group()).rules()).as("row %s", m.group()).contains(rule.id());
            }
        }
    }

    @Test
    void everyListedMissHasARuleWithAFailingAndAPassingFixture() throws IOException {
        Map<String, Row> rows = rows();
        MISSES.forEach((check, id) -> {
            assertThat(rows.containsKey(check)).as("a row for the miss %s", check).isTrue();
            assertThat(rows.get(check).rules()).as("rule of the miss %s", check).contains(id);
            Path fail = SecurityRulesTest.fixtures().resolve(id + ".fail.json");
            Path pass = SecurityRulesTest.fixtures().resolve(id + ".pass.json");
            assertThat(fail).as("failing fixture of %s", id).exists();
            assertThat(pass).as("passing fixture of %s", id).exists();
            assertThat(SecurityRulesTest.flagged(TestStacks.read(fail), id)).as("%s flags its failing fixture", id)
                    .isNotEmpty();
            assertThat(SecurityRulesTest.flagged(TestStacks.read(pass), id)).as("%s passes its passing fixture", id)
                    .isEmpty();
        });
    }
}
