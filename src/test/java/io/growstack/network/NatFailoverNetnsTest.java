package io.growstack.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the self-healing NAT's exact user data ({@link NatInstanceUserData#staticInterface}) and its
 * failover watcher on NAT hosts built from Linux network namespaces, and proves that a new host
 * takes over the static interface, and that a zone whose NAT stops forwarding fails over to the
 * other zone's NAT and comes back:
 *
 * <pre>
 *   priv-a 10.0.1.10 ─┐                      ┌─ br-pub 10.0.0.1/24 (the public subnet)
 *   priv-b 10.0.2.10 ─┤ router               │    nat-a eth0 10.0.0.11, nat-b eth0 10.0.0.12
 *                     │  (VPC route tables,  │    eni-a 10.0.0.100 (EIP 203.0.113.100)
 *                     │   internet gateway)  │    eni-b 10.0.0.200 (EIP 203.0.113.200)
 *   inet 198.51.100.254 (no route to 10.0.0.0/8)
 * </pre>
 *
 * <p>The router plays the VPC: each private subnet's traffic goes by a policy table (its route
 * table) to the interface its default route targets, and public-subnet sources leave with their
 * public address (the internet gateway's one-to-one NAT; the EIPs for the static interfaces).
 *
 * <p><b>What stands in for AWS, not for growstack</b> ({@code src/test/resources/netns/aws-stand-in.py}):
 * the EC2 API (attach the interface, tags, route tables, replace a route; an {@code aws} shim
 * forwards the CLI's arguments to it over a Unix socket) and the instance metadata service
 * (IMDSv2 on 169.254.169.254 inside each NAT namespace). Attaching moves the interface's veth end
 * into the NAT's namespace and gives it its address; replacing a route rewrites the router's policy
 * table. The scripts under test are the ones the construct emits, with test settings: checks every
 * second, failover after {@value #FAILOVER_CHECKS} bad checks, failback after
 * {@value #FAILBACK_CHECKS} good ones. Root, ip, unshare, iptables and python3 are needed: skipped
 * without them on a developer's machine, failed under CI.
 */
class NatFailoverNetnsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "ap-northeast-2";
    private static final String INTERNET_IP = "198.51.100.254";
    private static final int PORT = 8080;
    private static final int PROBE_PORT = 8081;
    private static final int FAILOVER_CHECKS = 3;
    private static final int FAILBACK_CHECKS = 4;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration USER_DATA_TIMEOUT = Duration.ofSeconds(60);
    private static final int CONNECT_TIMEOUT_SECONDS = 2;
    private static final String IMDS = "169.254.169.254";
    /** Zone a and b: interface id (also its device name), MAC, address, EIP, route table, policy table. */
    private static final List<Zone> ZONES = List.of(
            new Zone("eni-a", "02:00:00:00:0a:01", "10.0.0.100", "203.0.113.100", "rtb-a", 101, "10.0.1"),
            new Zone("eni-b", "02:00:00:00:0b:01", "10.0.0.200", "203.0.113.200", "rtb-b", 102, "10.0.2"));

    private record Zone(String eni, String mac, String address, String eip, String table, int policyTable,
                        String privateNet) {
        String privateHost() {
            return privateNet + ".10";
        }
    }

    @org.junit.jupiter.api.io.TempDir
    Path work;

    private String prefix;
    private String router;
    private String parking;
    private String inet;
    private final Map<String, String> privs = new LinkedHashMap<>();
    private final Map<String, String> instances = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();
    private Path python;
    private Path probe;
    private Path socket;
    private Path ec2Log;
    private Path shims;
    private int nextHost = 11;

    @BeforeEach
    void buildTopology() throws Exception {
        Tools.requireRoot("network namespaces, veth links and iptables need root");
        Tools.require("ip", "builds the network namespaces (iproute2)");
        Tools.require("unshare", "keeps the user data's file writes off the host (util-linux)");
        Tools.require("findmnt", "checks the user data's mount namespace is private (util-linux)");
        Tools.require("iptables", "the NAT user data applies masquerade with it");
        Tools.require("python3", "runs the probes and the stand-ins for AWS's APIs");
        Tools.require("curl", "the NAT scripts read the instance metadata service with it");
        python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            python = Tools.which("python3").orElseThrow();
        }
        socket = work.resolve("ec2.sock");
        ec2Log = work.resolve("ec2.log");
        prefix = "gs-" + UUID.randomUUID().toString().substring(0, 6);
        router = namespace("router");
        parking = namespace("park");
        inet = namespace("inet");
        sh("ip", "netns", "exec", router, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");

        // The internet host knows only its link and that AWS's public addresses are behind the router.
        link(router, "r-inet", inet, "eth0");
        addr(router, "198.51.100.1/24", "r-inet");
        addr(inet, INTERNET_IP + "/24", "eth0");
        sh("ip", "-n", inet, "route", "add", "203.0.113.0/24", "via", "198.51.100.1");

        // The public subnet: a bridge in the router; NAT hosts and static interfaces plug into it.
        sh("ip", "-n", router, "link", "add", "br-pub", "type", "bridge");
        addr(router, "10.0.0.1/24", "br-pub");
        for (Zone zone : ZONES) {
            String port = "p-" + zone.eni();
            sh("ip", "-n", router, "link", "add", port, "type", "veth", "peer", "name", zone.eni(), "netns", parking);
            sh("ip", "-n", parking, "link", "set", zone.eni(), "address", zone.mac());
            sh("ip", "-n", router, "link", "set", port, "master", "br-pub", "up");
            // The "VPC route table" of the zone's private subnet: a policy table in the router.
            String priv = namespace("priv-" + zone.eni().substring(4));
            privs.put(zone.eni(), priv);
            String routerSide = "r-" + zone.eni().substring(4);
            link(router, routerSide, priv, "eth0");
            addr(router, zone.privateNet() + ".1/24", routerSide);
            addr(priv, zone.privateHost() + "/24", "eth0");
            sh("ip", "-n", priv, "route", "add", "default", "via", zone.privateNet() + ".1");
            sh("ip", "-n", router, "rule", "add", "iif", routerSide, "table", String.valueOf(zone.policyTable()));
            sh("ip", "-n", router, "route", "add", "default", "via", zone.address(), "dev", "br-pub",
                    "onlink", "table", String.valueOf(zone.policyTable()));
            // The Elastic IP: one-to-one NAT at the internet gateway.
            ipt(router, "-t", "nat", "-A", "PREROUTING", "-d", zone.eip(), "-j", "DNAT", "--to-destination",
                    zone.address());
            ipt(router, "-t", "nat", "-A", "POSTROUTING", "-s", zone.address(), "-o", "r-inet", "-j", "SNAT",
                    "--to-source", zone.eip());
        }
        // Hosts' boot-time public addresses; private subnets are never translated here.
        ipt(router, "-t", "nat", "-A", "POSTROUTING", "-s", "10.0.0.0/24", "-o", "r-inet", "-j", "MASQUERADE");

        probe = copyResource("tcp-peer.py");
        Path standIn = copyResource("aws-stand-in.py");
        startServer(inet, INTERNET_IP, PORT, "inet.log");
        startServer(inet, INTERNET_IP, PROBE_PORT, "probe.log");

        shims = Files.createDirectories(work.resolve("shims"));
        copyResource("shims/systemctl");
        copyResource("shims/dnf");
        Path aws = copyResource("shims/aws");
        Files.writeString(aws, Files.readString(aws).replace("@PYTHON@", python.toString())
                .replace("@SOCKET@", socket.toString()));
        copyResource("run-user-data.sh");
        Files.createFile(ec2Log);
        servers.add(new ProcessBuilder(python.toString(), standIn.toString(), "ec2", socket.toString(),
                        writeEc2Config().toString(), ec2Log.toString())
                .redirectOutput(work.resolve("ec2.out").toFile()).redirectError(work.resolve("ec2.err").toFile())
                .start());
        waitFor(() -> Files.exists(socket), "the EC2 API stand-in to listen", 10);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process server : servers) {
            Tools.killTree(server.toHandle());
            server.waitFor(5, TimeUnit.SECONDS);
        }
        List<String> failures = new ArrayList<>();
        for (String ns : namespaces) {
            // The background watchers and metadata stand-ins of a NAT host live in its namespace.
            for (String pid : Tools.run(COMMAND_TIMEOUT, List.of("ip", "netns", "pids", ns)).stdout().split("\\s+")) {
                if (!pid.isBlank()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        failures.addAll(NetnsSetup.deleteNamespaces(COMMAND_TIMEOUT, namespaces));
        assertThat(failures).as("deleting the test's network namespaces").isEmpty();
    }

    @Test
    void aReplacementNatHostAttachesTheStaticInterfaceAndTakesOverTheRouteAndTheAddress() throws Exception {
        Zone a = ZONES.get(0);
        String privA = privs.get(a.eni());
        assertBlocked(connect(privA));

        String first = bootNat("nat-a", a, Optional.empty());
        ProcessResult before = connect(privA);
        assertThat(before.ok()).as(before.describe()).isTrue();
        assertThat(before.stdout().strip())
                .as("the private host keeps its address; the internet sees the interface's Elastic IP")
                .isEqualTo("local " + a.privateHost() + " peer " + a.eip());
        assertThat(calls("attach-network-interface")).containsExactly("i-" + first);

        // EC2 terminates the failed host, which detaches the interface; the group launches another.
        control(Map.of("control", "terminate", "instance", "i-" + first));
        removeNamespace(first);
        assertBlocked(connect(privA));
        long start = System.nanoTime();
        String second = bootNat("nat-a", a, Optional.empty());
        ProcessResult after = awaitConnect(privA, 5);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(after.stdout().strip()).as("same route, same public address, new host")
                .isEqualTo("local " + a.privateHost() + " peer " + a.eip());
        assertThat(calls("attach-network-interface")).containsExactly("i-" + first, "i-" + second);
        System.out.printf("self-healing NAT: the replacement host forwarded %.1f s after its user data started%n",
                seconds);
    }

    @Test
    void whenZoneAsNatStopsForwardingZoneBsNatTakesItsRouteAndGivesItBackWhenAIsHealthyAgain() throws Exception {
        Zone a = ZONES.get(0);
        Zone b = ZONES.get(1);
        String natA = bootNat("nat-a", a, Optional.of(watch(0)));
        bootNat("nat-b", b, Optional.of(watch(1)));
        String privA = privs.get(a.eni());
        // While B boots, A may serve zone B for a while (B is silent); wait until each zone has its own.
        waitFor(() -> healthy(a) && healthy(b) && routeTarget(a).equals(a.eni()) && routeTarget(b).equals(b.eni()),
                "both NATs healthy, each zone on its own NAT", 20);
        assertThat(connect(privA).stdout().strip()).isEqualTo("local " + a.privateHost() + " peer " + a.eip());
        int mark = log().size();

        // NAT A stops forwarding (its host is up, its path is not): A says so, B takes zone A's route.
        long broken = System.nanoTime();
        sh("ip", "netns", "exec", natA, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
        waitFor(() -> routeTarget(a).equals(b.eni()), "zone A's route to move to NAT B", 20);
        double switched = (System.nanoTime() - broken) / 1e9;
        ProcessResult failedOver = awaitConnect(privA, 10);
        double flowing = (System.nanoTime() - broken) / 1e9;
        assertThat(failedOver.stdout().strip()).as("zone A's traffic now leaves through NAT B's address")
                .isEqualTo("local " + a.privateHost() + " peer " + b.eip());
        assertThat(routeTarget(b)).as("zone B keeps its own NAT").isEqualTo(b.eni());
        assertThat(replacements(mark)).containsExactly("rtb-a -> eni-b");

        // A forwards again: only A takes its route back, after enough healthy checks.
        long restored = System.nanoTime();
        sh("ip", "netns", "exec", natA, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        waitFor(() -> routeTarget(a).equals(a.eni()), "zone A's route to come back to NAT A", 30);
        double back = (System.nanoTime() - restored) / 1e9;
        ProcessResult returned = awaitConnect(privA, 10);
        assertThat(returned.stdout().strip()).isEqualTo("local " + a.privateHost() + " peer " + a.eip());
        assertThat(back).as("hysteresis: no failback before %d healthy checks", FAILBACK_CHECKS)
                .isGreaterThanOrEqualTo(FAILBACK_CHECKS - 1.0);
        assertThat(replacements(mark)).containsExactly("rtb-a -> eni-b", "rtb-a -> eni-a");
        System.out.printf("NAT failover (checks every 1 s, failover after %d): route switched %.1f s after NAT A"
                + " stopped forwarding, traffic through NAT B after %.1f s; failback %.1f s after A recovered%n",
                FAILOVER_CHECKS, switched, flowing, back);
    }

    @Test
    void whileTheEc2ApiThrottlesTheWatchersReadsNoNatIsTakenForUnhealthy() throws Exception {
        Zone a = ZONES.get(0);
        Zone b = ZONES.get(1);
        bootNat("nat-a", a, Optional.of(watch(0)));
        bootNat("nat-b", b, Optional.of(watch(1)));
        waitFor(() -> healthy(a) && healthy(b) && routeTarget(a).equals(a.eni()) && routeTarget(b).equals(b.eni()),
                "both NATs healthy, each zone on its own NAT", 20);
        int mark = log().size();

        control(Map.of("control", "throttle", "seconds", String.valueOf(FAILOVER_CHECKS + 3)));
        Thread.sleep(TimeUnit.SECONDS.toMillis(FAILOVER_CHECKS + 4));
        assertThat(log().subList(mark, log().size())).as("describe calls refused while throttled")
                .anyMatch(e -> e.path("code").asInt() == 254);
        assertThat(replacements(mark)).as("a failed read is no evidence against a peer").isEmpty();
        assertThat(List.of(routeTarget(a), routeTarget(b))).containsExactly(a.eni(), b.eni());
    }

    @Test
    void withoutTheWatcherZoneAStaysCutOffWhenItsNatStopsForwarding() throws Exception {
        Zone a = ZONES.get(0);
        Zone b = ZONES.get(1);
        String natA = bootNat("nat-a", a, Optional.empty());
        bootNat("nat-b", b, Optional.empty());
        String privA = privs.get(a.eni());
        assertThat(connect(privA).ok()).isTrue();

        sh("ip", "netns", "exec", natA, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
        Thread.sleep(TimeUnit.SECONDS.toMillis(FAILOVER_CHECKS + 3));
        assertThat(routeTarget(a)).isEqualTo(a.eni());
        assertBlocked(connect(privA));
        assertThat(replacements(0)).isEmpty();
        assertThat(connect(privs.get(b.eni())).ok()).as("zone B is unaffected").isTrue();
    }

    // ---- NAT hosts -------------------------------------------------------------------------------

    private NatInstanceUserData.Watch watch(int zone) {
        return new NatInstanceUserData.Watch(zone, ZONES.stream().map(Zone::table).toList(),
                ZONES.stream().map(Zone::eni).toList(), 1, FAILOVER_CHECKS, FAILBACK_CHECKS, INTERNET_IP, PROBE_PORT);
    }

    /**
     * Boots a NAT host: a namespace on the public subnet with its boot-time address, a metadata
     * stand-in, and the exact user data with {@code zone}'s interface. Returns the namespace.
     */
    private String bootNat(String role, Zone zone, Optional<NatInstanceUserData.Watch> watch) throws Exception {
        String ns = namespace(role + "-" + nextHost);
        String instance = "i-" + ns;
        instances.put(instance, ns);
        writeEc2Config();
        String port = "p-h" + nextHost;
        sh("ip", "-n", router, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        sh("ip", "-n", router, "link", "set", port, "master", "br-pub", "up");
        addr(ns, "10.0.0." + nextHost + "/24", "eth0");
        sh("ip", "-n", ns, "route", "add", "default", "via", "10.0.0.1");
        sh("ip", "netns", "exec", ns, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
        nextHost++;
        sh("ip", "-n", ns, "addr", "add", IMDS + "/32", "dev", "lo");
        Process imds = new ProcessBuilder("ip", "netns", "exec", ns, python.toString(),
                        work.resolve("aws-stand-in.py").toString(), "imds", IMDS, instance, REGION)
                .redirectOutput(work.resolve(ns + "-imds.out").toFile())
                .redirectError(work.resolve(ns + "-imds.err").toFile()).start();
        servers.add(imds);
        waitFor(() -> read(work.resolve(ns + "-imds.out")).contains("listening"), "the metadata stand-in", 10);

        Path userData = work.resolve(ns + "-user-data.sh");
        Files.writeString(userData, NatInstanceUserData.staticInterface(
                new NatInstanceUserData.Settings(zone.eni(), zone.mac(), watch)), StandardCharsets.UTF_8);
        Path shimLog = work.resolve(ns + "-shim.log");
        ProcessResult result = Tools.run(USER_DATA_TIMEOUT,
                List.of("ip", "netns", "exec", ns, "unshare", "--mount", "--propagation", "private",
                        "bash", work.resolve("run-user-data.sh").toString(), userData.toString(), shims.toString()),
                work, Map.of("GROWSTACK_SHIM_LOG", shimLog.toString()));
        assertThat(result.ok()).as("user data on %s: %s", ns, result.describe()).isTrue();
        assertThat(result.stdout()).contains("growstack-nat: forwarding and masquerading via " + zone.eni());
        List<String> expected = new ArrayList<>(List.of("systemctl daemon-reload",
                "systemctl enable --now growstack-nat.service"));
        if (watch.isPresent()) {
            expected.addAll(List.of("systemctl daemon-reload", "systemctl enable --now growstack-nat-watch.service"));
        }
        assertThat(Files.readAllLines(shimLog)).as("systemctl and dnf calls").containsExactlyElementsOf(expected);
        return ns;
    }

    private void removeNamespace(String ns) {
        for (String pid : Tools.run(COMMAND_TIMEOUT, List.of("ip", "netns", "pids", ns)).stdout().split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        sh("ip", "netns", "del", ns);
        namespaces.remove(ns);
    }

    // ---- The EC2 stand-in's state ----------------------------------------------------------------

    private Path writeEc2Config() throws IOException {
        Map<String, Object> interfaces = new LinkedHashMap<>();
        Map<String, Object> tables = new LinkedHashMap<>();
        Map<String, Object> routes = new LinkedHashMap<>();
        for (Zone zone : ZONES) {
            interfaces.put(zone.eni(), Map.of("address", zone.address()));
            tables.put(zone.table(), zone.policyTable());
            routes.put(zone.table(), zone.eni());
        }
        Path config = work.resolve("ec2.json");
        // The stand-in reads it at start; instances booted later are looked up in a side file.
        Files.writeString(config, JSON.writeValueAsString(Map.of("region", REGION, "router", router,
                "parking", parking, "interfaces", interfaces, "tables", tables, "initial_routes", routes,
                "instances", instances)));
        return config;
    }

    private void control(Map<String, String> message) throws Exception {
        ProcessResult sent = Tools.run(COMMAND_TIMEOUT, List.of(python.toString(), "-c",
                "import json,socket,sys\n"
                        + "s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall((sys.argv[2]+'\\n').encode())\n"
                        + "a=json.loads(s.makefile().readline()); sys.exit(a['code'])",
                socket.toString(), JSON.writeValueAsString(message)));
        assertThat(sent.ok()).as(sent.describe()).isTrue();
    }

    private List<JsonNode> log() {
        List<JsonNode> entries = new ArrayList<>();
        for (String line : read(ec2Log).split("\n")) {
            if (!line.isBlank()) {
                try {
                    entries.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError(line, e);
                }
            }
        }
        return entries;
    }

    /** The instances of every successful call of {@code command}. */
    private List<String> calls(String command) {
        List<String> found = new ArrayList<>();
        for (JsonNode entry : log()) {
            JsonNode argv = entry.path("argv");
            if (argv.size() > 1 && argv.get(1).asText().equals(command) && entry.path("code").asInt() == 0) {
                for (int i = 0; i < argv.size() - 1; i++) {
                    if (argv.get(i).asText().equals("--instance-id")) {
                        found.add(argv.get(i + 1).asText());
                    }
                }
            }
        }
        return found;
    }

    /** Every route replaced after the first {@code skip} calls, as "table -> interface". */
    private List<String> replacements(int skip) {
        List<String> found = new ArrayList<>();
        for (JsonNode entry : log().subList(skip, log().size())) {
            JsonNode argv = entry.path("argv");
            if (argv.size() > 1 && argv.get(1).asText().equals("replace-route") && entry.path("code").asInt() == 0) {
                String table = "?";
                String eni = "?";
                for (int i = 0; i < argv.size() - 1; i++) {
                    if (argv.get(i).asText().equals("--route-table-id")) {
                        table = argv.get(i + 1).asText();
                    }
                    if (argv.get(i).asText().equals("--network-interface-id")) {
                        eni = argv.get(i + 1).asText();
                    }
                }
                found.add(table + " -> " + eni);
            }
        }
        return found;
    }

    /** The interface the router's policy table for {@code zone} sends its default route to. */
    private String routeTarget(Zone zone) {
        String route = sh("ip", "-n", router, "route", "show", "default", "table",
                String.valueOf(zone.policyTable())).stdout();
        for (Zone candidate : ZONES) {
            if (route.contains("via " + candidate.address() + " ")) {
                return candidate.eni();
            }
        }
        return route;
    }

    private boolean healthy(Zone zone) {
        for (JsonNode entry : log()) {
            JsonNode argv = entry.path("argv");
            if (argv.size() > 1 && argv.get(1).asText().equals("create-tags") && argv.toString().contains(zone.eni())
                    && argv.toString().contains("Value=ok ")) {
                return true;
            }
        }
        return false;
    }

    // ---- Network helpers -------------------------------------------------------------------------

    private String namespace(String role) {
        String ns = prefix + "-" + role;
        sh("ip", "netns", "add", ns);
        namespaces.add(ns);
        sh("ip", "-n", ns, "link", "set", "lo", "up");
        return ns;
    }

    private void link(String ns, String name, String peerNs, String peerName) {
        // Created inside the namespaces, so no interface ever appears on the host.
        sh("ip", "-n", ns, "link", "add", name, "type", "veth", "peer", "name", peerName, "netns", peerNs);
        sh("ip", "-n", ns, "link", "set", name, "up");
        sh("ip", "-n", peerNs, "link", "set", peerName, "up");
    }

    private void addr(String ns, String cidr, String dev) {
        sh("ip", "-n", ns, "addr", "add", cidr, "dev", dev);
        sh("ip", "-n", ns, "link", "set", dev, "up");
    }

    private void ipt(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "iptables"));
        command.addAll(List.of(args));
        sh(command.toArray(String[]::new));
    }

    private void startServer(String ns, String address, int port, String logName) throws Exception {
        Path log = work.resolve(logName);
        servers.add(new ProcessBuilder("ip", "netns", "exec", ns, python.toString(), probe.toString(),
                        "serve", address, String.valueOf(port), log.toString(), "120")
                .redirectOutput(work.resolve(logName + ".out").toFile())
                .redirectError(work.resolve(logName + ".err").toFile()).start());
        waitFor(() -> read(log).contains("listening"), "probe server on " + port, 10);
    }

    private ProcessResult connect(String ns) {
        return Tools.run(Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS + 5),
                List.of("ip", "netns", "exec", ns, python.toString(), probe.toString(),
                        "connect", INTERNET_IP, String.valueOf(PORT), String.valueOf(CONNECT_TIMEOUT_SECONDS)));
    }

    private ProcessResult awaitConnect(String ns, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ProcessResult last = connect(ns);
        while (!last.ok() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = connect(ns);
        }
        assertThat(last.ok()).as(last.describe()).isTrue();
        return last;
    }

    private static void assertBlocked(ProcessResult attempt) {
        assertThat(attempt.timedOut()).as(attempt.describe()).isFalse();
        assertThat(attempt.exitCode()).as(attempt.describe()).isIn(3, 4);
        assertThat(attempt.stdout()).as(attempt.describe()).doesNotContain("peer");
    }

    private void waitFor(BooleanSupplier condition, String what, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting %d s for %s; EC2 stand-in log:\n%s\nwatchers:\n%s", seconds,
                    what, read(ec2Log), watcherOutput()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String watcherOutput() {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(work)) {
            files.filter(f -> f.getFileName().toString().endsWith(".out")).sorted().forEach(f ->
                    out.append("== ").append(f.getFileName()).append('\n').append(read(f)));
        } catch (IOException e) {
            out.append(e);
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path copyResource(String name) throws IOException {
        return NetnsSetup.copyResource(work, name);
    }

    private static ProcessResult sh(String... command) {
        return NetnsSetup.sh(COMMAND_TIMEOUT, command);
    }
}
