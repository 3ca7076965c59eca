package io.growstack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.MonitoringFixtures;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import io.growstack.testing.UserDataChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MonitoringInstallTest {
    private static String userData;
    private static String script;

    @BeforeAll
    static void synth() {
        TestStacks.Synthesized s = TestStacks.synthStack("monitoring-cloud-config", stack ->
                MonitoringFixtures.full(stack, b -> b.alarms(false)));
        userData = MonitoringFixtures.userData(s);
        script = MonitoringFixtures.files(userData).get(MonitoringInstall.INSTALL_SCRIPT);
    }

    @Test
    void theCloudConfigPassesCloudInitSchemaAndTheInstallScriptPassesShellcheck() {
        assertThat(UserDataChecks.check("monitoring user data", userData)).isEmpty();
        assertThat(script).startsWith("#!/bin/bash\n");
        assertThat(UserDataChecks.check("monitoring install script", script)).isEmpty();
    }

    @Test
    void theArchiveIsCheckedAgainstItsSha256BeforeAnythingIsUnpacked() {
        int download = script.indexOf("fetch \"$PROMETHEUS_URL\"");
        int check = script.indexOf("| sha256sum -c -");
        int unpack = script.indexOf("tar -xzf");
        assertThat(download).isPositive();
        assertThat(check).isGreaterThan(download);
        assertThat(unpack).isGreaterThan(check);
        assertThat(script).contains("set -euo pipefail",
                "PROMETHEUS_URL='https://github.com/prometheus/prometheus/releases/download/v3.9.1/"
                        + "prometheus-3.9.1.linux-arm64.tar.gz'",
                "PROMETHEUS_SHA256='" + MonitoringFixtures.TEST_SHA256 + "'",
                "--proto '=https'");
    }

    @Test
    void dnfMeetsGrafanasRepositoryOnlyAfterItsKeyMatchedThePinnedFingerprint() {
        int fingerprint = script.indexOf("if [ \"$primary\" != \"$GRAFANA_KEY_FINGERPRINT\" ]");
        int repo = script.indexOf("/etc/yum.repos.d/grafana.repo");
        int install = script.indexOf("dnf install -y \"grafana-$GRAFANA_VERSION\"");
        assertThat(fingerprint).isPositive();
        assertThat(repo).isGreaterThan(fingerprint);
        assertThat(install).isGreaterThan(repo);
        assertThat(script).contains("GRAFANA_KEY_FINGERPRINT='B53AE77BADB630A683046005963FA27710458545'",
                "GRAFANA_VERSION='12.3.1'");
        String repoFile = MonitoringFixtures.files(userData).get("/etc/growstack/monitoring/grafana.repo");
        assertThat(repoFile).contains("gpgcheck=1", "repo_gpgcheck=1",
                "gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-grafana", "baseurl=https://rpm.grafana.com");
    }

    @Test
    void bothServicesAreEnabledUnderSystemdSoTheyComeBackAfterAReboot() {
        assertThat(script).contains("systemctl enable --now prometheus.service grafana-server.service");
        String unit = MonitoringFixtures.files(userData).get("/etc/growstack/monitoring/prometheus.service");
        assertThat(unit).contains("[Install]\nWantedBy=multi-user.target", "Restart=on-failure",
                "--web.listen-address=:9090", "ProtectSystem=strict", "ReadWritePaths=/var/lib/prometheus");
        String dropIn = MonitoringFixtures.files(userData).get("/etc/growstack/monitoring/grafana-server.conf");
        assertThat(dropIn).contains("EnvironmentFile=/etc/growstack/grafana-admin.env",
                "Environment=GF_SERVER_HTTP_PORT=3000", "Environment=GF_AUTH_ANONYMOUS_ENABLED=false");
    }

    /** The script's key check, run on keys made here: it passes exactly one primary key with the pinned fingerprint. */
    @Test
    void theKeyCheckAcceptsOnlyAFileHoldingExactlyThePinnedPrimaryKey() throws IOException {
        Tools.require("gpg", "the Grafana key check in the install script is run against generated keys");
        Matcher pipeline = Pattern.compile("primary=\\$\\((gpg .*?)\\)\\n", Pattern.DOTALL).matcher(script);
        assertThat(pipeline.find()).isTrue();
        String extract = pipeline.group(1).replace("\\\n", " ");
        Path home = Files.createTempDirectory("growstack-gpg-");
        try {
            String one = makeKey(home, "one");
            String two = makeKey(home, "two");
            String fingerprintOne = fingerprint(home, "one");
            Path single = home.resolve("single.asc");
            Files.writeString(single, one);
            Path both = home.resolve("both.asc");
            Files.writeString(both, one + two);
            assertThat(primaries(home, extract, single)).isEqualTo(fingerprintOne);
            assertThat(primaries(home, extract, both)).as("two keys never equal one fingerprint")
                    .contains(fingerprintOne).contains("\n");
        } finally {
            TestStacks.deleteTree(home);
        }
    }

    private static String makeKey(Path home, String name) {
        Tools.ProcessResult made = gpg(home, "--batch", "--passphrase", "", "--quick-generate-key",
                name + "@growstack.test", "ed25519", "sign", "never");
        assertThat(made.ok()).as(made.describe()).isTrue();
        Tools.ProcessResult exported = gpg(home, "--batch", "--armor", "--export", name + "@growstack.test");
        assertThat(exported.ok()).as(exported.describe()).isTrue();
        return exported.stdout();
    }

    private static String fingerprint(Path home, String name) {
        Tools.ProcessResult listed = gpg(home, "--batch", "--with-colons", "--list-keys", name + "@growstack.test");
        for (String line : listed.stdout().split("\n")) {
            if (line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new AssertionError(listed.describe());
    }

    private static String primaries(Path home, String extract, Path keyFile) {
        Tools.ProcessResult r = Tools.run(Duration.ofSeconds(30), List.of("bash", "-c",
                "set -euo pipefail; work=" + home + "; " + extract.replace("\"$work/grafana.key\"", "\"" + keyFile + "\"")),
                home, Map.of("GNUPGHOME", home.resolve("check").toString()));
        assertThat(r.ok()).as(r.describe()).isTrue();
        return r.stdout().strip();
    }

    private static Tools.ProcessResult gpg(Path home, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("gpg", "--homedir", home.resolve("keys").toString()));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(home.resolve("keys"));
            Files.createDirectories(home.resolve("check"));
            Files.setPosixFilePermissions(home.resolve("keys"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(home.resolve("check"), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Tools.run(Duration.ofSeconds(60), command, home, Map.of());
    }
}
