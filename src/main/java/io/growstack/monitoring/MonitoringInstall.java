package io.growstack.monitoring;

import io.growstack.files.GrafanaProvisioning;
import io.growstack.host.CloudConfig;

/**
 * What the monitoring host installs at first boot, as its {@code #cloud-config}: cloud-init writes the rendered files to
 * {@value #STAGE} and the install script to {@value #INSTALL_SCRIPT}, which {@code runcmd} runs once,
 * after cloud-init's package stage. The script downloads the Prometheus archive and checks it with
 * {@code sha256sum -c} before unpacking; downloads Grafana's repository key and checks its
 * fingerprint before {@code dnf} may use the repository; then installs both under systemd, enabled
 * so they start again after a reboot.
 *
 * <p>Files are staged and copied by the script, as in the reverse proxy's user data: the package
 * directories ({@code /etc/grafana}) exist only after the package is installed, and the repository
 * file must not reach {@code /etc/yum.repos.d} before its key has been checked.
 *
 * <p>The user data is a Terraform template (the service's group names are references), so nothing
 * here may contain <code>"$&#123;"</code> or <code>"%&#123;"</code>: the script writes {@code "$var"}, never braces.
 */
final class MonitoringInstall {
    /** Where cloud-init stages the rendered files. */
    static final String STAGE = "/etc/growstack/monitoring";
    /** The install script. */
    static final String INSTALL_SCRIPT = "/usr/local/sbin/growstack-monitoring-install";
    /** Generated at first boot, root only: the Grafana admin password (read it over SSM). */
    static final String GRAFANA_ADMIN_ENV = "/etc/growstack/grafana-admin.env";
    /** Prometheus's data directory. */
    static final String DATA_DIR = "/var/lib/prometheus";

    private MonitoringInstall() {
    }

    /** Everything the host needs, rendered. */
    record Inputs(PrometheusRelease prometheus, GrafanaRelease grafana, String prometheusYml, int retentionDays,
                  int retentionSizeGb, String datasourceYaml, String providerYaml, String dashboardFile,
                  String dashboardJson) {
    }

    /** The user data; same inputs, same bytes. */
    static String render(Inputs in) {
        return CloudConfig.builder()
                .comment("growstack Monitoring: Prometheus " + in.prometheus().version() + " (archive checked against its")
                .comment("published SHA-256) and Grafana " + in.grafana().version() + " (repository key checked by")
                .comment("fingerprint), under systemd. Group names are Terraform references, filled in at creation.")
                .addFile(STAGE + "/prometheus.yml", "0644", in.prometheusYml())
                .addFile(STAGE + "/prometheus.service", "0644", prometheusUnit(in.retentionDays(), in.retentionSizeGb()))
                .addFile(STAGE + "/grafana.repo", "0644", grafanaRepo())
                .addFile(STAGE + "/grafana-server.conf", "0644", grafanaDropIn())
                .addFile(STAGE + "/grafana-datasource.yaml", "0644", in.datasourceYaml())
                .addFile(STAGE + "/grafana-dashboards.yaml", "0644", in.providerYaml())
                .addFile(GrafanaProvisioning.DASHBOARDS_DIR + "/" + in.dashboardFile(), "0644", in.dashboardJson() + "\n")
                .addFile(INSTALL_SCRIPT, "0755", installScript(in.prometheus(), in.grafana()))
                .addCommand(INSTALL_SCRIPT)
                .build()
                .render("the monitoring host's cloud-config");
    }

    /** Prometheus under systemd: its own user, retention flags, writes only to its data directory. */
    static String prometheusUnit(int retentionDays, int retentionSizeGb) {
        return """
                [Unit]
                Description=Prometheus (growstack Monitoring)
                Wants=network-online.target
                After=network-online.target

                [Service]
                User=prometheus
                Group=prometheus
                ExecStart=/usr/local/bin/prometheus \\
                  --config.file=/etc/prometheus/prometheus.yml \\
                  --storage.tsdb.path=@DATA@ \\
                  --storage.tsdb.retention.time=@DAYS@d \\
                  --storage.tsdb.retention.size=@SIZE@GB \\
                  --web.listen-address=:@PORT@
                ExecReload=/bin/kill -HUP $MAINPID
                Restart=on-failure
                RestartSec=5
                NoNewPrivileges=true
                ProtectSystem=strict
                ProtectHome=true
                PrivateTmp=true
                ReadWritePaths=@DATA@

                [Install]
                WantedBy=multi-user.target
                """
                .replace("@DATA@", DATA_DIR)
                .replace("@DAYS@", String.valueOf(retentionDays))
                .replace("@SIZE@", String.valueOf(retentionSizeGb))
                .replace("@PORT@", String.valueOf(Monitoring.PROMETHEUS_PORT));
    }

    /** Grafana Labs' repository, trusted only through the key file the script has checked. */
    static String grafanaRepo() {
        return """
                [grafana]
                name=Grafana OSS (rpm.grafana.com)
                baseurl=https://rpm.grafana.com
                enabled=1
                gpgcheck=1
                repo_gpgcheck=1
                gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-grafana
                sslverify=1
                sslcacert=/etc/pki/tls/certs/ca-bundle.crt
                """;
    }

    /**
     * A drop-in for the package's unit: the generated admin password, no sign-up, no anonymous access,
     * no calls home. Grafana listens on all addresses; the security group admits only the bastion.
     */
    static String grafanaDropIn() {
        return """
                [Service]
                EnvironmentFile=@ENV@
                Environment=GF_SERVER_HTTP_PORT=@PORT@
                Environment=GF_USERS_ALLOW_SIGN_UP=false
                Environment=GF_AUTH_ANONYMOUS_ENABLED=false
                Environment=GF_ANALYTICS_REPORTING_ENABLED=false
                Environment=GF_ANALYTICS_CHECK_FOR_UPDATES=false
                Environment=GF_SECURITY_DISABLE_GRAVATAR=true
                """
                .replace("@ENV@", GRAFANA_ADMIN_ENV)
                .replace("@PORT@", String.valueOf(Monitoring.GRAFANA_PORT));
    }

    /** The install script; shellcheck-clean, and free of <code>"$&#123;"</code> (Terraform would read it). */
    static String installScript(PrometheusRelease prometheus, GrafanaRelease grafana) {
        return """
                #!/bin/bash
                # growstack Monitoring: install Prometheus and Grafana, verified, under systemd.
                set -euo pipefail
                umask 022

                STAGE=@STAGE@
                PROMETHEUS_URL='@PROMETHEUS_URL@'
                PROMETHEUS_ARCHIVE='@PROMETHEUS_ARCHIVE@'
                PROMETHEUS_SHA256='@PROMETHEUS_SHA256@'
                GRAFANA_VERSION='@GRAFANA_VERSION@'
                GRAFANA_KEY_URL='https://rpm.grafana.com/gpg.key'
                GRAFANA_KEY_FINGERPRINT='@GRAFANA_FINGERPRINT@'

                fetch() {
                  curl --fail --silent --show-error --location --proto '=https' --tlsv1.2 \\
                    --retry 10 --retry-delay 6 --retry-all-errors --output "$2" "$1"
                }

                work=$(mktemp -d)
                trap 'rm -rf "$work"' EXIT

                # A NAT instance's route may appear after this host boots: wait up to ten minutes for it.
                for _ in $(seq 1 60); do
                  curl --silent --output /dev/null --max-time 5 https://github.com/ && break
                  sleep 10
                done
                command -v tar >/dev/null || dnf install -y tar gzip
                command -v gpg >/dev/null || dnf install -y gnupg2-minimal

                # Prometheus: nothing is unpacked unless the archive matches its published SHA-256.
                fetch "$PROMETHEUS_URL" "$work/$PROMETHEUS_ARCHIVE.tar.gz"
                echo "$PROMETHEUS_SHA256  $work/$PROMETHEUS_ARCHIVE.tar.gz" | sha256sum -c -
                tar -xzf "$work/$PROMETHEUS_ARCHIVE.tar.gz" -C "$work"
                install -m 0755 "$work/$PROMETHEUS_ARCHIVE/prometheus" "$work/$PROMETHEUS_ARCHIVE/promtool" /usr/local/bin/
                id -u prometheus >/dev/null 2>&1 \\
                  || useradd --system --no-create-home --home-dir @DATA@ --shell /sbin/nologin prometheus
                install -d -m 0755 /etc/prometheus
                install -d -m 0750 -o prometheus -g prometheus @DATA@
                install -m 0644 "$STAGE/prometheus.yml" /etc/prometheus/prometheus.yml
                /usr/local/bin/promtool check config /etc/prometheus/prometheus.yml
                install -m 0644 "$STAGE/prometheus.service" /etc/systemd/system/prometheus.service

                # Grafana: the repository key must be exactly the pinned one before dnf may use it.
                export GNUPGHOME="$work/gnupg"
                install -d -m 0700 "$GNUPGHOME"
                fetch "$GRAFANA_KEY_URL" "$work/grafana.key"
                primary=$(gpg --batch --show-keys --with-colons "$work/grafana.key" \\
                  | awk -F: '$1 == "pub" { want = 1; next } $1 == "fpr" && want { print $10; want = 0 }')
                if [ "$primary" != "$GRAFANA_KEY_FINGERPRINT" ]; then
                  echo "growstack: $GRAFANA_KEY_URL holds primary key(s) '$primary', expected $GRAFANA_KEY_FINGERPRINT" >&2
                  exit 1
                fi
                install -m 0644 "$work/grafana.key" /etc/pki/rpm-gpg/RPM-GPG-KEY-grafana
                rpm --import /etc/pki/rpm-gpg/RPM-GPG-KEY-grafana
                install -m 0644 "$STAGE/grafana.repo" /etc/yum.repos.d/grafana.repo
                dnf install -y "grafana-$GRAFANA_VERSION"
                install -d -m 0755 /etc/systemd/system/grafana-server.service.d
                install -m 0644 "$STAGE/grafana-server.conf" /etc/systemd/system/grafana-server.service.d/growstack.conf
                mkdir -p /etc/grafana/provisioning/datasources /etc/grafana/provisioning/dashboards
                install -m 0644 "$STAGE/grafana-datasource.yaml" /etc/grafana/provisioning/datasources/growstack.yaml
                install -m 0644 "$STAGE/grafana-dashboards.yaml" /etc/grafana/provisioning/dashboards/growstack.yaml
                if [ ! -s @ADMIN_ENV@ ]; then
                  (umask 077 && printf 'GF_SECURITY_ADMIN_PASSWORD=%s\\n' "$(od -An -N24 -tx1 /dev/urandom | tr -d ' \\n')" > @ADMIN_ENV@)
                fi

                systemctl daemon-reload
                systemctl enable --now prometheus.service grafana-server.service
                """
                .replace("@STAGE@", STAGE)
                .replace("@DATA@", DATA_DIR)
                .replace("@ADMIN_ENV@", GRAFANA_ADMIN_ENV)
                .replace("@PROMETHEUS_URL@", prometheus.url())
                .replace("@PROMETHEUS_ARCHIVE@", prometheus.archiveName())
                .replace("@PROMETHEUS_SHA256@", prometheus.sha256())
                .replace("@GRAFANA_VERSION@", grafana.version())
                .replace("@GRAFANA_FINGERPRINT@", grafana.keyFingerprint());
    }
}
