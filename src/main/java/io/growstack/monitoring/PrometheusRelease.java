package io.growstack.monitoring;

import io.growstack.core.Architecture;
import io.growstack.core.Args;
import io.growstack.core.ValidationException;
import java.util.regex.Pattern;

/**
 * One Prometheus release archive from GitHub ({@code prometheus-<version>.linux-<arch>.tar.gz}) and the
 * SHA-256 the Prometheus project publishes for it in the release's {@code sha256sums.txt} (also shown
 * on https://prometheus.io/download/). The monitoring host downloads the archive at first boot and
 * refuses to unpack it unless {@code sha256sum -c} accepts it.
 *
 * <p><b>There is no default for Graviton (arm64).</b> A checksum only protects anyone if it was read
 * from the publisher, and the sources growstack's maintainers could check when this was written list
 * the publisher's linux-arm64 checksums nowhere they could cite. So the release is a required
 * property of {@link MonitoringProps}: copy the line for {@code prometheus-<version>.linux-arm64.tar.gz}
 * from {@code https://github.com/prometheus/prometheus/releases/download/v<version>/sha256sums.txt}.
 * For x86 hosts, {@link #LINUX_AMD64_3_9_1} carries a value read from the publisher's page.
 *
 * @param version      the release, for example {@code 3.9.1}
 * @param architecture the host's CPU architecture, which picks the archive
 * @param sha256       the archive's SHA-256, 64 lowercase hexadecimal digits, or a Terraform reference to them
 */
public record PrometheusRelease(String version, Architecture architecture, String sha256) {
    /**
     * Prometheus 3.9.1 (2026-01-07) for x86_64. Source: the "SHA256 Checksum" column of
     * {@code prometheus-3.9.1.linux-amd64.tar.gz} on https://prometheus.io/download/ (the Prometheus
     * project's own download page, generated from the GitHub release's {@code sha256sums.txt}).
     */
    public static final PrometheusRelease LINUX_AMD64_3_9_1 = new PrometheusRelease("3.9.1", Architecture.X86_64,
            "86a6999dd6aacbd994acde93c77cfa314d4be1c8e7b7c58f444355c77b32c584");

    static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A release; the Monitoring block checks its values when it is used. */
    public static PrometheusRelease of(String version, Architecture architecture, String sha256) {
        // Only nulls fail here: the shape is checked by the Monitoring block, whose error names its
        // construct path and the property (prometheus.version, prometheus.sha256).
        return new PrometheusRelease(Args.notNull(version, "version"), Args.notNull(architecture, "architecture"),
                Args.notNull(sha256, "sha256"));
    }

    /** The archive's base name, for example {@code prometheus-3.9.1.linux-arm64}. */
    public String archiveName() {
        return "prometheus-" + version + ".linux-" + archiveArch(architecture);
    }

    /** Where the archive is downloaded from. */
    public String url() {
        return "https://github.com/prometheus/prometheus/releases/download/v" + version + "/" + archiveName() + ".tar.gz";
    }

    /** Go's name of an architecture, as in the archive names ({@code arm64}, {@code amd64}). */
    static String archiveArch(Architecture architecture) {
        return architecture == Architecture.ARM64 ? "arm64" : "amd64";
    }
}
