package io.growstack.files;

import io.growstack.core.Args;
import java.util.List;
import java.util.Optional;

/**
 * The user data of the NAT instances: bash scripts that enable IPv4 forwarding and masquerade
 * through boot-time systemd units.
 *
 * <ul>
 *   <li>{@link #script()}: the plain instance, on the interface of its default route;</li>
 *   <li>{@link #staticInterface(Settings)}: the self-healing instance, which first attaches the
 *       network's static NAT interface and moves its default route onto it, and with
 *       {@link Watch} settings also runs the cross-zone failover watcher.</li>
 * </ul>
 *
 * <p>Tests run these exact scripts inside Linux network namespaces to prove the instance forwards,
 * rewrites source addresses, takes over the interface and fails over.
 */
public final class NatInstanceUserData {
    private static final String SCRIPT = ResourceText.load("nat/nat-instance.sh");
    private static final String INTERFACE_SCRIPT = ResourceText.load("nat/nat-interface.sh");
    private static final String WATCH_SCRIPT = ResourceText.load("nat/nat-watch.sh");
    private static final String CONFIG_MARKER = "# growstack:config\n";
    /** Where the self-healing scripts read their settings from. */
    public static final String CONFIG_FILE = "/usr/local/etc/growstack-nat.conf";

    private NatInstanceUserData() {
    }

    /** The plain instance's script, as emitted in {@code aws_instance.user_data}. */
    public static String script() {
        return SCRIPT;
    }

    /** The self-healing instance's script with {@code settings} written into it, as the instance runs it. */
    public static String staticInterface(Settings settings) {
        return render(settings, false);
    }

    /**
     * The same script as a Terraform string template: the settings may be references, which
     * Terraform fills in; the script's own {@code ${...}} and {@code %{...}} are escaped.
     */
    public static String staticInterfaceTemplate(Settings settings) {
        return render(settings, true);
    }

    private static String render(Settings settings, boolean template) {
        Args.notNull(settings, "settings");
        String body = settings.watch().isPresent() ? INTERFACE_SCRIPT + WATCH_SCRIPT : INTERFACE_SCRIPT;
        if (template) {
            body = body.replace("${", "$${").replace("%{", "%%{");
        }
        StringBuilder config = new StringBuilder()
                .append("cat > ").append(CONFIG_FILE).append(" <<'CONF'\n")
                .append("NAT_INTERFACE_ID=").append(settings.interfaceId()).append('\n')
                .append("NAT_INTERFACE_MAC=").append(settings.interfaceMac()).append('\n');
        settings.watch().ifPresent(watch -> config
                .append("NAT_ZONE_INDEX=").append(watch.zoneIndex()).append('\n')
                .append("NAT_ROUTE_TABLES=\"").append(String.join(" ", watch.routeTableIds())).append("\"\n")
                .append("NAT_INTERFACES=\"").append(String.join(" ", watch.interfaceIds())).append("\"\n")
                .append("NAT_CHECK_SECONDS=").append(watch.checkSeconds()).append('\n')
                .append("NAT_FAILOVER_CHECKS=").append(watch.failoverChecks()).append('\n')
                .append("NAT_FAILBACK_CHECKS=").append(watch.failbackChecks()).append('\n')
                .append("NAT_PROBE_HOST=").append(watch.probeHost()).append('\n')
                .append("NAT_PROBE_PORT=").append(watch.probePort()).append('\n'));
        config.append("CONF\n");
        return body.replace(CONFIG_MARKER, config.toString());
    }

    /**
     * What the self-healing script needs: the static interface (its id, and its MAC address, by
     * which the host finds the attached device), and for cross-zone failover the watcher settings.
     */
    public record Settings(String interfaceId, String interfaceMac, Optional<Watch> watch) {
        public Settings {
            Args.notNull(interfaceId, "interfaceId");
            Args.notNull(interfaceMac, "interfaceMac");
            Args.notNull(watch, "watch");
        }
    }

    /**
     * The watcher of one zone's NAT.
     *
     * @param zoneIndex      this NAT's zone, 0-based, an index into both lists
     * @param routeTableIds  every zone's private route table, in zone order
     * @param interfaceIds   every zone's static NAT interface, in zone order
     * @param checkSeconds   seconds between checks; a verdict older than three checks counts as silence
     * @param failoverChecks unhealthy or silent checks in a row before a peer takes a zone's route
     * @param failbackChecks healthy checks in a row before a NAT takes its own zone's route back
     * @param probeHost      where the self-test connects to through the NAT's own path
     * @param probePort      the TCP port of {@code probeHost}
     */
    public record Watch(int zoneIndex, List<String> routeTableIds, List<String> interfaceIds, int checkSeconds,
                        int failoverChecks, int failbackChecks, String probeHost, int probePort) {
        public Watch {
            routeTableIds = List.copyOf(routeTableIds);
            interfaceIds = List.copyOf(interfaceIds);
            Args.notNull(probeHost, "probeHost");
            if (routeTableIds.size() != interfaceIds.size() || zoneIndex < 0 || zoneIndex >= interfaceIds.size()) {
                throw new IllegalArgumentException("expected one route table and one interface per zone, and "
                        + "zoneIndex among them: " + routeTableIds + ", " + interfaceIds + ", " + zoneIndex);
            }
        }
    }
}
