package io.growstack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.files.PrometheusConfig;
import org.junit.jupiter.api.Test;

/** prometheus.yml scrapes Prometheus where the host's unit makes it listen and the bastion tunnel reaches it. */
class PrometheusPortTest {
    @Test
    void theConfigScrapesPrometheusOnTheMonitoringPort() {
        assertThat(PrometheusConfig.PORT).isEqualTo(Monitoring.PROMETHEUS_PORT);
    }
}
