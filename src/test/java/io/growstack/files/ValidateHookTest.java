package io.growstack.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.growstack.testing.DeliveryStacks;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ValidateService hook against a loopback actuator: it passes on 200, and fails on 503 or on a
 * server that never answers, each within its (shortened) deadline.
 */
class ValidateHookTest {
    private static final int DEADLINE_SECONDS = 3;
    private static Path script;

    @BeforeAll
    static void render() throws IOException {
        TestStacks.Synthesized s = TestStacks.synthStack("delivery-validate-hook",
                stack -> DeliveryStacks.blueGreen(stack, UnaryOperator.identity()));
        DeliveryFiles files = DeliveryFiles.of(DeliveryManifest.fromStack(s.json()).get(0));
        script = TestStacks.freshDir("delivery-validate-hook-script").resolve("validate.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, files.files().get("deploy/api-delivery/scripts/validate.sh"));
    }

    private static Tools.ProcessResult validate(int port) {
        Tools.require("curl", "the validate hook polls the health endpoint with curl, as on Amazon Linux");
        return Tools.run(Duration.ofSeconds(30), List.of("bash", script.toString()), null, Map.of(
                "HEALTH_PORT", String.valueOf(port),
                "VALIDATE_TIMEOUT_SECONDS", String.valueOf(DEADLINE_SECONDS),
                "HEALTH_PROBE_TIMEOUT_SECONDS", "1"));
    }

    private static HttpServer actuator(int status, List<String> paths) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void passesAsSoonAsTheActuatorAnswers200OnTheHealthPath() throws IOException {
        List<String> paths = new ArrayList<>();
        HttpServer server = actuator(200, paths);
        try {
            long start = System.nanoTime();
            Tools.ProcessResult r = validate(server.getAddress().getPort());
            assertThat(r.ok()).as(r.describe()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(DEADLINE_SECONDS));
            assertThat(paths).first().isEqualTo("/actuator/health");
            assertThat(r.stdout()).contains("answered 200");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void failsWhenTheActuatorKeepsAnswering503() throws IOException {
        List<String> paths = new ArrayList<>();
        HttpServer server = actuator(503, paths);
        try {
            long start = System.nanoTime();
            Tools.ProcessResult r = validate(server.getAddress().getPort());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.timedOut()).isFalse();
            assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
            assertThat(r.stderr()).contains("last answered 503");
            assertThat(paths.size()).as("probes until the deadline").isGreaterThan(1);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(DEADLINE_SECONDS - 1))
                    .isLessThan(Duration.ofSeconds(DEADLINE_SECONDS + 5));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void failsInBoundedTimeWhenTheActuatorAcceptsButNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            Tools.ProcessResult r = validate(silent.getLocalPort());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.timedOut()).isFalse();
            assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
            assertThat(r.stderr()).contains("not healthy within " + DEADLINE_SECONDS + " s");
            assertThat(took).isLessThan(Duration.ofSeconds(DEADLINE_SECONDS + 5));
            for (Socket socket : held) {
                socket.close();
            }
        } catch (UncheckedIOException e) {
            throw e;
        }
    }

    @Test
    void failsWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Tools.ProcessResult r = validate(port);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr()).contains("last answered 000");
    }
}
