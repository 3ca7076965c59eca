package io.growstack.monitoring;

import io.growstack.core.Args;
import io.growstack.core.ValidationException;
import java.util.regex.Pattern;

/**
 * The Grafana OSS package to install from Grafana Labs' RPM repository ({@code https://rpm.grafana.com})
 * and the fingerprint of the OpenPGP key that signs it. At first boot the host downloads
 * {@code https://rpm.grafana.com/gpg.key}, refuses it unless its one primary key has exactly this
 * fingerprint, and only then lets {@code dnf} use the repository ({@code gpgcheck} and
 * {@code repo_gpgcheck} on), so both the package and the repository metadata are verified.
 *
 * @param version        the Grafana version, for example {@code 12.3.1}
 * @param keyFingerprint the signing key's fingerprint, 40 uppercase hexadecimal digits
 */
public record GrafanaRelease(String version, String keyFingerprint) {
    /**
     * Grafana Labs' package signing key. Source: https://apt.grafana.com, where Grafana Labs states that
     * the keys used before (4E40DDF6D76E284A4A6780E48C8C34C524098CB6 and
     * 0E22EB88E39E12277A7760AE9E439B102CF3C0C6) were rotated on 2023-01-12 and 2023-08-24 and replaced
     * by the key with this fingerprint; the same key ("Grafana Labs &lt;engineering@grafana.com&gt;",
     * key id 0x10458545) signs rpm.grafana.com, whose key Grafana's install guide for Red Hat and
     * Fedora points to (https://rpm.grafana.com/gpg.key). Its expiry has been extended since without
     * changing the fingerprint, which is why the host downloads the current key file and pins only
     * the fingerprint.
     */
    public static final String GRAFANA_LABS_KEY_FINGERPRINT = "B53AE77BADB630A683046005963FA27710458545";

    /**
     * Grafana OSS 12.3.1, a stable release (its archives are published under
     * https://dl.grafana.com/oss/release/), verified with {@link #GRAFANA_LABS_KEY_FINGERPRINT}. The
     * version only picks the package; its integrity comes from the key check and dnf's signature checks.
     */
    public static final GrafanaRelease DEFAULT = new GrafanaRelease("12.3.1", GRAFANA_LABS_KEY_FINGERPRINT);

    static final Pattern VERSION = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}");

    /** Checks the values; throws {@link ValidationException} naming {@code GrafanaRelease.of}. */
    public static GrafanaRelease of(String version, String keyFingerprint) {
        // Only nulls fail here: the shape is checked by the Monitoring block, whose error names its
        // construct path and the property (grafana.version, grafana.keyFingerprint).
        return new GrafanaRelease(Args.notNull(version, "version"), Args.notNull(keyFingerprint, "keyFingerprint"));
    }
}
