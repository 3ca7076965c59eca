package io.growstack.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.growstack.testing.Promtool;
import io.growstack.testing.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GrafanaProvisioningTest {
    /**
     * Series Spring Boot's Micrometer Prometheus registry exposes (Micrometer's JVM, system, process
     * and Spring MVC instrumentation, in Prometheus naming) plus Prometheus's own {@code up}.
     */
    static final Set<String> MICROMETER_SERIES = Set.of("system_cpu_usage", "process_cpu_usage",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_max", "jvm_memory_used_bytes",
            "jvm_memory_committed_bytes", "jvm_memory_max_bytes", "up");
    private static final Pattern SERIES = Pattern.compile("([a-z_:][a-z0-9_:]*)\\{");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> QUERIES = GrafanaProvisioning.queries("web", 60);

    @Test
    void promtoolParsesEveryDashboardQueryAsPromql() {
        Tools.ProcessResult result = Promtool.checkQueries(QUERIES);
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.stdout()).contains("SUCCESS: " + QUERIES.size() + " rules found");
    }

    @Test
    void promtoolRejectsABrokenQuery() {
        List<String> broken = new ArrayList<>(QUERIES);
        broken.add("histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job=\"web\"}[60s]))");
        Tools.ProcessResult result = Promtool.checkQueries(broken);
        assertThat(result.ok()).as(result.describe()).isFalse();
        assertThat(result.stdout() + result.stderr()).contains("growstack:dashboard_query_" + broken.size());
    }

    @Test
    void everyQueryReadsOnlySeriesSpringBootsMicrometerRegistryExposes() {
        Set<String> used = new TreeSet<>();
        for (String query : QUERIES) {
            Matcher m = SERIES.matcher(query);
            boolean any = false;
            while (m.find()) {
                used.add(m.group(1));
                any = true;
            }
            assertThat(any).as("a series selector in %s", query).isTrue();
            assertThat(query).contains("job=\"web\"");
        }
        assertThat(MICROMETER_SERIES).containsAll(used);
        assertThat(used).contains("system_cpu_usage", "http_server_requests_seconds_count",
                "http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "up");
    }

    @Test
    void theDashboardHasTheFivePanelsTheIssueAsksFor() throws Exception {
        JsonNode dashboard = JSON.readTree(GrafanaProvisioning.dashboard("web", 60));
        assertThat(dashboard.path("uid").asText()).isEqualTo("growstack-web");
        List<String> titles = dashboard.path("panels").findValuesAsText("title");
        assertThat(titles).containsExactly("Group CPU", "HTTP request rate", "p95 latency", "JVM heap used", "Instances");
        dashboard.path("panels").forEach(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(GrafanaProvisioning.DATASOURCE_UID);
            assertThat(panel.path("targets").size()).isPositive();
        });
        JsonNode p95 = dashboard.path("panels").get(2).path("targets").get(0);
        assertThat(p95.path("expr").asText()).startsWith("histogram_quantile(0.95, sum by (le) (rate("
                + "http_server_requests_seconds_bucket{");
        assertThat(dashboard.path("panels").get(3).path("targets").get(0).path("expr").asText())
                .contains("jvm_memory_used_bytes{job=\"web\", area=\"heap\"}");
        assertThat(dashboard.path("panels").get(4).path("targets").findValuesAsText("expr"))
                .containsExactly("sum(up{job=\"web\"})", "count(up{job=\"web\"})");
        List<String> fromPanels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> fromPanels.addAll(panel.path("targets").findValuesAsText("expr")));
        assertThat(fromPanels).isEqualTo(QUERIES);
    }

    @Test
    void theDataSourceIsTheLocalPrometheusAndTheProviderReadsTheDashboardFolder() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode source = yaml.readTree(GrafanaProvisioning.datasource(15)).path("datasources").get(0);
        assertThat(source.path("type").asText()).isEqualTo("prometheus");
        assertThat(source.path("uid").asText()).isEqualTo("growstack-prometheus");
        assertThat(source.path("url").asText()).isEqualTo("http://localhost:9090");
        assertThat(source.path("isDefault").asBoolean()).isTrue();
        assertThat(source.path("jsonData").path("timeInterval").asText()).isEqualTo("15s");
        JsonNode provider = yaml.readTree(GrafanaProvisioning.dashboardProvider()).path("providers").get(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("options").path("path").asText()).isEqualTo("/etc/growstack/dashboards");
        assertThat(provider.path("allowUiUpdates").asBoolean()).isFalse();
    }
}
