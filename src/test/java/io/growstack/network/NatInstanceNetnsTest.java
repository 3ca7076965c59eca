package io.growstack.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.files.NatInstanceUserData;
import io.growstack.testing.NetnsSetup;
import io.growstack.testing.Tools;
import io.growstack.testing.Tools.ProcessResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the NAT instance's exact user data ({@link NatInstanceUserData#script()}) on a NAT host
 * built from Linux network namespaces, and proves it forwards and masquerades:
 *
 * <pre>
 *   priv                      nat                                 inet
 *   10.0.1.10/24 eth0 ─ veth ─ eth1 10.0.1.1/24
 *   default via 10.0.1.1       eth0 203.0.113.1/24 ─ veth ─ eth0 203.0.113.254/24
 *                              default via 203.0.113.254           no route to 10.0.0.0/8
 * </pre>
 *
 * <p>Only TEST-NET addresses, every packet starts and ends inside these namespaces, and the host
 * is never changed: the user data runs in a private mount namespace with tmpfs over the folders it
 * writes and shims for systemctl and dnf ({@code src/test/resources/netns}). Needs root, ip,
 * unshare, iptables and python3: skipped without them on a developer's machine, failed under CI.
 */
class NatInstanceNetnsTest {
    private static final String PRIVATE_IP = "10.0.1.10";
    private static final String NAT_PRIVATE_IP = "10.0.1.1";
    private static final String NAT_PUBLIC_IP = "203.0.113.1";
    private static final String INTERNET_IP = "203.0.113.254";
    private static final int PORT = 8080;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration USER_DATA_TIMEOUT = Duration.ofSeconds(30);
    /** How long a client waits for the server; a blocked path shows up as this timeout. */
    private static final int CONNECT_TIMEOUT_SECONDS = 3;
    private static final List<String> HOST_FILES = List.of(
            "/etc/sysctl.d/90-growstack-nat.conf",
            "/usr/local/sbin/growstack-nat",
            "/etc/systemd/system/growstack-nat.service");

    @TempDir
    Path work;

    private String priv;
    private String nat;
    private String inet;
    private Path python;
    private Path probe;
    private final List<Process> servers = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    @BeforeEach
    void buildTopology() throws IOException {
        Tools.requireRoot("network namespaces, veth links and iptables need root");
        Tools.require("ip", "builds the network namespaces (iproute2)");
        Tools.require("unshare", "keeps the user data's file writes off the host (util-linux)");
        Tools.require("findmnt", "checks the user data's mount namespace is private (util-linux)");
        Tools.require("iptables", "the NAT user data applies masquerade with it");
        Tools.require("python3", "runs the TCP probe inside the namespaces");
        python = Tools.which("python3").orElseThrow();

        String id = UUID.randomUUID().toString().substring(0, 8);
        priv = "gs-" + id + "-priv";
        nat = "gs-" + id + "-nat";
        inet = "gs-" + id + "-inet";
        for (String ns : List.of(priv, nat, inet)) {
            sh("ip", "netns", "add", ns);
            namespaces.add(ns);
            sh("ip", "-n", ns, "link", "set", "lo", "up");
        }
        // The links are created inside the namespaces, so no interface ever appears on the host.
        sh("ip", "-n", nat, "link", "add", "eth1", "type", "veth", "peer", "name", "eth0", "netns", priv);
        sh("ip", "-n", nat, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", inet);

        sh("ip", "-n", priv, "addr", "add", PRIVATE_IP + "/24", "dev", "eth0");
        sh("ip", "-n", priv, "link", "set", "eth0", "up");
        sh("ip", "-n", priv, "route", "add", "default", "via", NAT_PRIVATE_IP);

        sh("ip", "-n", nat, "addr", "add", NAT_PRIVATE_IP + "/24", "dev", "eth1");
        sh("ip", "-n", nat, "addr", "add", NAT_PUBLIC_IP + "/24", "dev", "eth0");
        sh("ip", "-n", nat, "link", "set", "eth1", "up");
        sh("ip", "-n", nat, "link", "set", "eth0", "up");
        sh("ip", "-n", nat, "route", "add", "default", "via", INTERNET_IP);
        // A new namespace copies the host's ip_forward; a freshly booted instance has it off.
        sh("ip", "netns", "exec", nat, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");

        sh("ip", "-n", inet, "addr", "add", INTERNET_IP + "/24", "dev", "eth0");
        sh("ip", "-n", inet, "link", "set", "eth0", "up");

        probe = copyResource("tcp-peer.py");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process server : servers) {
            Tools.killTree(server.toHandle());
            server.waitFor(5, TimeUnit.SECONDS);
        }
        List<String> failures = new ArrayList<>();
        failures.addAll(NetnsSetup.deleteNamespaces(COMMAND_TIMEOUT, namespaces));
        assertThat(failures).as("deleting the test's network namespaces").isEmpty();
    }

    @Test
    void topologyLinksEachHostOnlyToItsNeighboursAndGivesTheInternetNoRouteBack() throws Exception {
        startServer(inet, INTERNET_IP, "inet.log");
        startServer(nat, NAT_PRIVATE_IP, "nat.log");

        assertThat(connect(nat, INTERNET_IP).stdout()).startsWith("local " + NAT_PUBLIC_IP + " peer " + NAT_PUBLIC_IP);
        assertThat(connect(priv, NAT_PRIVATE_IP).stdout()).startsWith("local " + PRIVATE_IP + " peer " + PRIVATE_IP);
        assertThat(sh("ip", "-n", inet, "route", "show").stdout())
                .as("the internet host knows only its own link")
                .doesNotContain("default")
                .doesNotContain("10.");
        ProcessResult routeBack = Tools.run(COMMAND_TIMEOUT, List.of("ip", "-n", inet, "route", "get", PRIVATE_IP));
        assertThat(routeBack.ok()).as(routeBack.describe()).isFalse();
    }

    @Test
    void privateHostCannotReachTheInternetBeforeTheUserDataRuns() throws Exception {
        Path log = startServer(inet, INTERNET_IP, "inet.log");

        assertBlocked(connect(priv, INTERNET_IP));
        assertThat(peers(log)).as("connections the internet host saw").isEmpty();
    }

    @Test
    void privateHostReachesTheInternetOnlyThroughTheNatWithItsSourceRewritten() throws Exception {
        Path log = startServer(inet, INTERNET_IP, "inet.log");
        ProcessResult userData = applyUserData();

        assertThat(userData.stdout())
                .contains("growstack-nat: forwarding and masquerading via eth0")
                .contains("=== /etc/sysctl.d/90-growstack-nat.conf\nnet.ipv4.ip_forward = 1")
                .contains("=== /etc/systemd/system/growstack-nat.service")
                .contains("ExecStart=/usr/local/sbin/growstack-nat");
        assertThat(Files.readAllLines(work.resolve("shim.log")))
                .as("systemctl and dnf calls")
                .containsExactly("systemctl daemon-reload", "systemctl enable --now growstack-nat.service");
        assertThat(sh("ip", "netns", "exec", nat, "sysctl", "-n", "net.ipv4.ip_forward").stdout().strip())
                .isEqualTo("1");

        ProcessResult reply = connect(priv, INTERNET_IP);
        assertThat(reply.ok()).as(reply.describe()).isTrue();
        assertThat(reply.stdout().strip())
                .as("the private host sends from its own address; the internet host sees the NAT's")
                .isEqualTo("local " + PRIVATE_IP + " peer " + NAT_PUBLIC_IP);
        assertThat(peers(log)).as("connections the internet host logged").containsExactly(NAT_PUBLIC_IP);
    }

    @Test
    void privateHostCannotReachTheInternetWhenForwardingIsOff() throws Exception {
        Path log = startServer(inet, INTERNET_IP, "inet.log");
        applyUserData();
        sh("ip", "netns", "exec", nat, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");

        assertBlocked(connect(priv, INTERNET_IP));
        assertThat(peers(log)).as("connections the internet host saw").isEmpty();
    }

    @Test
    void privateHostCannotReachTheInternetWithoutMasqueradeBecauseRepliesHaveNoRouteBack() throws Exception {
        Path log = startServer(inet, INTERNET_IP, "inet.log");
        applyUserData();
        sh("ip", "netns", "exec", nat, "iptables", "-t", "nat", "-F", "POSTROUTING");
        // Count what arrives at the internet host still carrying the private source address.
        sh("ip", "netns", "exec", inet, "iptables", "-t", "mangle", "-A", "PREROUTING",
                "-s", PRIVATE_IP, "-p", "tcp", "--dport", String.valueOf(PORT));

        assertBlocked(connect(priv, INTERNET_IP));
        assertThat(peers(log)).as("connections the internet host accepted").isEmpty();
        String counted = sh("ip", "netns", "exec", inet, "iptables", "-t", "mangle", "-S", "PREROUTING", "-v")
                .stdout();
        assertThat(packetsFromPrivateSource(counted))
                .as("SYNs forwarded unrewritten reached the internet host, which cannot answer them:\n%s", counted)
                .isPositive();
    }

    @Test
    void rerunningTheUserDataAddsNoDuplicateRules() throws Exception {
        applyUserData();
        applyUserData();

        assertThat(rules("-t", "nat", "-S", "POSTROUTING"))
                .containsExactly("-A POSTROUTING -o eth0 -j MASQUERADE");
        assertThat(rules("-S", "FORWARD")).containsExactly("-A FORWARD -j ACCEPT");
    }

    /**
     * Runs the user data on the NAT host, checks it succeeded, and checks the host's own copies of
     * the files it writes are exactly as they were (nothing leaked out of the mount namespace).
     */
    private ProcessResult applyUserData() throws IOException {
        Map<String, Optional<String>> hostBefore = hostFiles();
        Path userData = work.resolve("user-data.sh");
        Files.writeString(userData, NatInstanceUserData.script(), StandardCharsets.UTF_8);
        Path shims = Files.createDirectories(work.resolve("shims"));
        copyResource("shims/systemctl");
        copyResource("shims/dnf");
        Path runner = copyResource("run-user-data.sh");
        Files.deleteIfExists(work.resolve("shim.log"));

        ProcessResult result = Tools.run(
                USER_DATA_TIMEOUT,
                List.of("ip", "netns", "exec", nat, "unshare", "--mount", "--propagation", "private",
                        "bash", runner.toString(), userData.toString(), shims.toString()),
                work,
                Map.of("GROWSTACK_SHIM_LOG", work.resolve("shim.log").toString()));

        assertThat(result.ok()).as("user data on the NAT host: %s", result.describe()).isTrue();
        assertThat(hostFiles()).as("the host's copies of the files the user data writes").isEqualTo(hostBefore);
        return result;
    }

    private Map<String, Optional<String>> hostFiles() throws IOException {
        Map<String, Optional<String>> contents = new HashMap<>();
        for (String file : HOST_FILES) {
            Path path = Path.of(file);
            contents.put(file, Files.exists(path) ? Optional.of(Files.readString(path)) : Optional.empty());
        }
        return contents;
    }

    /** Starts the TCP probe server in {@code ns} and waits until it listens; returns its log. */
    private Path startServer(String ns, String address, String logName) throws Exception {
        Path log = work.resolve(logName);
        Process server = new ProcessBuilder(
                        "ip", "netns", "exec", ns, python.toString(), probe.toString(),
                        "serve", address, String.valueOf(PORT), log.toString(), "50")
                .redirectOutput(work.resolve(logName + ".out").toFile())
                .redirectError(work.resolve(logName + ".err").toFile())
                .start();
        servers.add(server);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(log) && Files.readString(log).contains("listening"))) {
            assertThat(server.isAlive())
                    .as("probe server in %s: %s", ns, Files.readString(work.resolve(logName + ".err")))
                    .isTrue();
            assertThat(System.nanoTime()).as("probe server in %s did not listen within 10 s", ns).isLessThan(deadline);
            Thread.sleep(50);
        }
        return log;
    }

    private ProcessResult connect(String ns, String address) {
        return Tools.run(
                Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS + 5),
                List.of("ip", "netns", "exec", ns, python.toString(), probe.toString(),
                        "connect", address, String.valueOf(PORT), String.valueOf(CONNECT_TIMEOUT_SECONDS)));
    }

    /** The probe timed out or the network refused the path; it did not just crash. */
    private static void assertBlocked(ProcessResult attempt) {
        assertThat(attempt.timedOut()).as(attempt.describe()).isFalse();
        assertThat(attempt.exitCode()).as(attempt.describe()).isIn(3, 4);
        assertThat(attempt.stdout()).as(attempt.describe()).doesNotContain("peer");
    }

    private static List<String> peers(Path log) throws IOException {
        return Files.readAllLines(log).stream()
                .filter(line -> line.startsWith("peer "))
                .map(line -> line.substring("peer ".length()))
                .collect(Collectors.toList());
    }

    private static long packetsFromPrivateSource(String rulesWithCounters) {
        Matcher rule = Pattern.compile("-A PREROUTING -s " + Pattern.quote(PRIVATE_IP) + "/32 .*-c (\\d+) \\d+")
                .matcher(rulesWithCounters);
        return rule.find() ? Long.parseLong(rule.group(1)) : -1;
    }

    private List<String> rules(String... iptablesArgs) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", nat, "iptables"));
        command.addAll(Arrays.asList(iptablesArgs));
        return sh(command.toArray(String[]::new)).stdout().lines()
                .filter(line -> line.startsWith("-A "))
                .collect(Collectors.toList());
    }

    private Path copyResource(String name) throws IOException {
        return NetnsSetup.copyResource(work, name);
    }

    private static ProcessResult sh(String... command) {
        return NetnsSetup.sh(COMMAND_TIMEOUT, command);
    }
}
