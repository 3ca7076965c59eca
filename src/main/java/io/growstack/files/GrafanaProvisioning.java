package io.growstack.files;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.growstack.core.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana's provisioning files: the Prometheus data source, a file provider, and one dashboard for
 * the service. Every query reads only series that Spring Boot's Micrometer Prometheus registry
 * exposes ({@code system_cpu_usage}, {@code process_cpu_usage}, {@code http_server_requests_seconds_*},
 * {@code jvm_memory_used_bytes}) plus Prometheus's own {@code up}. The p95 panel needs the request
 * histogram, which Spring Boot publishes only with
 * {@code management.metrics.distribution.percentiles-histogram.http.server.requests=true}.
 *
 * <p>Queries use a fixed rate window of four scrape intervals instead of Grafana's
 * {@code $__rate_interval}, so the text shipped is plain PromQL that {@code promtool} checks as is.
 */
public final class GrafanaProvisioning {
    /** The data source's uid, referenced by every panel. */
    public static final String DATASOURCE_UID = "growstack-prometheus";
    /** Where the dashboards are read from on the host. */
    public static final String DASHBOARDS_DIR = "/etc/growstack/dashboards";
    /** Requests the dashboard leaves out: health checks and scrapes on the management port. */
    public static final String NOT_ACTUATOR = "uri!~\"/actuator.*\"";

    /** Compact JSON with keys as written, for the dashboard file. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private GrafanaProvisioning() {
    }

    /** One query of a panel. */
    public record Target(String refId, String expr, String legendFormat) {
    }

    /** One panel: a title, a Grafana unit, the panel type and its queries. */
    public record Panel(String title, String type, String unit, List<Target> targets) {
    }

    /** The dashboard's panels for {@code job}, rates over {@code windowSeconds}. */
    public static List<Panel> panels(String job, int windowSeconds) {
        String sel = "job=\"" + job + "\"";
        String requests = "http_server_requests_seconds_count{" + sel + ", " + NOT_ACTUATOR + "}";
        String window = "[" + windowSeconds + "s]";
        return List.of(
                new Panel("Group CPU", "timeseries", "percentunit", List.of(
                        new Target("A", "avg by (autoscaling_group) (system_cpu_usage{" + sel + "})",
                                "{{autoscaling_group}} host CPU (average)"),
                        new Target("B", "max by (autoscaling_group) (process_cpu_usage{" + sel + "})",
                                "{{autoscaling_group}} JVM CPU (busiest instance)"))),
                new Panel("HTTP request rate", "timeseries", "reqps", List.of(
                        new Target("A", "sum(rate(" + requests + window + "))", "all requests"),
                        new Target("B", "sum(rate(http_server_requests_seconds_count{" + sel + ", " + NOT_ACTUATOR
                                + ", outcome=\"SERVER_ERROR\"}" + window + "))", "5xx"))),
                new Panel("p95 latency", "timeseries", "s", List.of(
                        new Target("A", "histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{"
                                + sel + ", " + NOT_ACTUATOR + "}" + window + ")))", "p95"))),
                new Panel("JVM heap used", "timeseries", "bytes", List.of(
                        new Target("A", "sum by (instance) (jvm_memory_used_bytes{" + sel + ", area=\"heap\"})",
                                "{{instance}}"))),
                new Panel("Instances", "stat", "none", List.of(
                        new Target("A", "sum(up{" + sel + "})", "scraped and up"),
                        new Target("B", "count(up{" + sel + "})", "discovered"))));
    }

    /** Every query of the dashboard, in panel order. */
    public static List<String> queries(String job, int windowSeconds) {
        List<String> queries = new ArrayList<>();
        panels(job, windowSeconds).forEach(p -> p.targets().forEach(t -> queries.add(t.expr())));
        return queries;
    }

    /** {@code provisioning/datasources/growstack.yaml}: Prometheus on the same host, the default source. */
    public static String datasource(int scrapeIntervalSeconds) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", "Prometheus");
        source.put("uid", DATASOURCE_UID);
        source.put("type", "prometheus");
        source.put("access", "proxy");
        source.put("url", "http://localhost:" + PrometheusConfig.PORT);
        source.put("isDefault", true);
        source.put("editable", false);
        source.put("jsonData", Map.of("timeInterval", scrapeIntervalSeconds + "s"));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("apiVersion", 1);
        file.put("datasources", List.of(source));
        return Yaml.write(Yaml.AS_IS, file, "the Grafana data source");
    }

    /** {@code provisioning/dashboards/growstack.yaml}: dashboards from {@value #DASHBOARDS_DIR}, read-only. */
    public static String dashboardProvider() {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("name", "growstack");
        provider.put("orgId", 1);
        provider.put("folder", "growstack");
        provider.put("type", "file");
        provider.put("disableDeletion", true);
        provider.put("allowUiUpdates", false);
        provider.put("options", Map.of("path", DASHBOARDS_DIR));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("apiVersion", 1);
        file.put("providers", List.of(provider));
        return Yaml.write(Yaml.AS_IS, file, "the Grafana dashboard provider");
    }

    /** The dashboard JSON for {@code job}: five panels, two per row. */
    public static String dashboard(String job, int windowSeconds) {
        Map<String, Object> datasource = new LinkedHashMap<>();
        datasource.put("type", "prometheus");
        datasource.put("uid", DATASOURCE_UID);
        List<Map<String, Object>> panels = new ArrayList<>();
        List<Panel> specs = panels(job, windowSeconds);
        for (int i = 0; i < specs.size(); i++) {
            Panel spec = specs.get(i);
            Map<String, Object> panel = new LinkedHashMap<>();
            panel.put("id", i + 1);
            panel.put("type", spec.type());
            panel.put("title", spec.title());
            panel.put("gridPos", OrderedMaps.of("h", 8, "w", 12, "x", (i % 2) * 12, "y", (i / 2) * 8));
            panel.put("datasource", datasource);
            Map<String, Object> defaults = new LinkedHashMap<>();
            defaults.put("unit", spec.unit());
            if (spec.unit().equals("percentunit")) {
                defaults.put("min", 0);
                defaults.put("max", 1);
            }
            panel.put("fieldConfig", OrderedMaps.of("defaults", defaults, "overrides", List.of()));
            List<Map<String, Object>> targets = new ArrayList<>();
            for (Target t : spec.targets()) {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("refId", t.refId());
                target.put("datasource", datasource);
                target.put("expr", t.expr());
                target.put("legendFormat", t.legendFormat());
                targets.add(target);
            }
            panel.put("targets", targets);
            panels.add(panel);
        }
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("uid", uid(job));
        dashboard.put("title", job + " (growstack)");
        dashboard.put("tags", List.of("growstack", "spring-boot"));
        dashboard.put("timezone", "browser");
        dashboard.put("schemaVersion", 39);
        dashboard.put("version", 1);
        dashboard.put("refresh", "30s");
        dashboard.put("time", OrderedMaps.of("from", "now-6h", "to", "now"));
        dashboard.put("panels", panels);
        return Yaml.write(JSON, dashboard, "the Grafana dashboard");
    }

    /** The dashboard's uid: Grafana allows 40 characters. */
    public static String uid(String job) {
        String uid = "growstack-" + job;
        return uid.length() <= 40 ? uid : uid.substring(0, 40);
    }
}
