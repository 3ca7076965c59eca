package io.growstack.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.growstack.testing.MonitoringFixtures;
import io.growstack.testing.Promtool;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusConfigTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String RENDERED = PrometheusConfig.render("web", "ap-northeast-2",
            List.of("test-dev-web", "test-dev-web-green"), 8081, 15);

    @Test
    void theServiceIsDiscoveredInTheStacksRegionByItsGroupTagAndScrapedOnTheManagementPort() throws Exception {
        JsonNode config = YAML.readTree(RENDERED);
        assertThat(config.path("global").path("scrape_interval").asText()).isEqualTo("15s");
        JsonNode self = config.path("scrape_configs").get(0);
        assertThat(self.path("job_name").asText()).isEqualTo("prometheus");
        assertThat(self.path("static_configs").get(0).path("targets").toString()).isEqualTo("[\"localhost:9090\"]");
        JsonNode job = config.path("scrape_configs").get(1);
        assertThat(job.path("job_name").asText()).isEqualTo("web");
        assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
        JsonNode sd = job.path("ec2_sd_configs").get(0);
        assertThat(sd.path("region").asText()).isEqualTo("ap-northeast-2");
        assertThat(sd.path("port").asInt()).isEqualTo(8081);
        assertThat(sd.path("filters").get(0).path("name").asText()).isEqualTo("tag:aws:autoscaling:groupName");
        assertThat(sd.path("filters").get(0).path("values").toString())
                .isEqualTo("[\"test-dev-web\",\"test-dev-web-green\"]");
        assertThat(sd.path("filters").get(1).path("name").asText()).isEqualTo("instance-state-name");
        JsonNode address = job.path("relabel_configs").get(0);
        assertThat(address.path("source_labels").toString()).isEqualTo("[\"__meta_ec2_private_ip\"]");
        assertThat(address.path("target_label").asText()).isEqualTo("__address__");
        assertThat(address.path("replacement").asText()).isEqualTo("$1:8081");
        assertThat(job.path("relabel_configs").findValuesAsText("target_label"))
                .containsExactly("__address__", "instance", "autoscaling_group", "availability_zone");
    }

    @Test
    void promtoolAcceptsTheRenderedConfiguration() {
        Tools.ProcessResult result = Promtool.checkConfig(RENDERED);
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.stdout()).contains("SUCCESS");
    }

    @Test
    void promtoolAcceptsTheConfigurationTheHostReceivesOnceTerraformFillsInTheGroupName() {
        Promtool.require();
        TestStacks.Synthesized s = TestStacks.synthStack("monitoring-promtool", stack ->
                MonitoringFixtures.full(stack, b -> b.alarms(false)));
        String onHost = MonitoringFixtures.resolved(MonitoringFixtures.files(MonitoringFixtures.userData(s))
                .get("/etc/growstack/monitoring/prometheus.yml"));
        assertThat(onHost).contains("- \"test-dev-web\"").doesNotContain("${");
        Tools.ProcessResult result = Promtool.checkConfig(onHost);
        assertThat(result.ok()).as(result.describe()).isTrue();
    }

    @Test
    void promtoolRejectsADeliberatelyBrokenConfiguration() {
        // The likeliest typo (metric_path) and an unparsable duration: each must fail the check.
        Tools.ProcessResult typo = Promtool.checkConfig(RENDERED.replace("metrics_path:", "metric_path:"));
        assertThat(typo.ok()).as(typo.describe()).isFalse();
        assertThat(typo.stdout() + typo.stderr()).contains("metric_path");
        Tools.ProcessResult duration = Promtool.checkConfig(RENDERED.replace("scrape_interval: 15s",
                "scrape_interval: fifteen"));
        assertThat(duration.ok()).as(duration.describe()).isFalse();
    }
}
