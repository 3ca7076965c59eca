package io.growstack.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.growstack.core.ValidationException;
import io.growstack.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxConfigTest {
    private static final Duration NGINX_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    /** The seed's two private API servers, one per zone. */
    private static NginxConfig.Builder twoApiServers() {
        return NginxConfig.builder().addUpstream("10.0.128.10", 8080).addUpstream("10.0.144.10", 8080);
    }

    /**
     * Every file nginx touches in the temp folder, the worker user that exists here, and free
     * unprivileged ports: even {@code nginx -t} binds its listen ports, so 80 would need root.
     */
    private NginxConfig.Builder local(NginxConfig.Builder builder) throws IOException {
        String user = System.getProperty("user.name");
        int http = freePort();
        int https = freePort();
        while (https == http) {
            https = freePort();
        }
        return builder.pathsUnder(tmp.toString()).httpPort(http).httpsPort(https)
                .user(user != null && user.matches("[a-z_][a-z0-9_-]*") ? user : null);
    }

    private static String fixture(String name) {
        try (InputStream in = NginxConfigTest.class.getResourceAsStream("/nginx/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code nginx -t} on {@code config}, with the prefix and the early error log in the temp folder. */
    private Tools.ProcessResult nginxTest(String config) throws IOException {
        Tools.require("nginx", "nginx -t checks the reverse proxy's generated configuration");
        Path file = tmp.resolve("nginx.conf");
        Files.writeString(file, config);
        return Tools.run(NGINX_TIMEOUT, List.of("nginx", "-t", "-p", tmp + "/", "-c", file.toString(),
                "-e", tmp.resolve("error.log").toString()), tmp, Map.of());
    }

    @Test
    void theDefaultConfigProxiesPort80ToTheUpstreamsInRoundRobinWithAmazonLinuxPaths() {
        assertThat(twoApiServers().build().render()).isEqualTo(fixture("two-upstreams.conf"));
    }

    @Test
    void equalSettingsMakeEqualConfigsAndRoundTripThroughTheBuilder() {
        // Byte-for-byte output is pinned by the fixture test above (the same bytes on any JVM).
        NginxConfig one = twoApiServers().tls("/etc/pki/tls/certs/proxy.crt", "/etc/pki/tls/private/proxy.key").build();
        NginxConfig two = twoApiServers().tls("/etc/pki/tls/certs/proxy.crt", "/etc/pki/tls/private/proxy.key").build();
        assertThat(one).isEqualTo(two).isEqualTo(one.toBuilder().build()).isNotEqualTo(twoApiServers().build());
        assertThat(one.render()).endsWith("}\n").doesNotContain("\t").doesNotContain(" \n");
    }

    @Test
    void actuatorPathsAreAnswered404AndNeverForwardedWithOrWithoutTls() {
        String location = "        location /actuator {\n            return 404;\n        }\n";
        assertThat(twoApiServers().build().render()).contains(location);
        String tls = twoApiServers().tls("/etc/pki/tls/certs/proxy.crt", "/etc/pki/tls/private/proxy.key").build().render();
        assertThat(tls).contains(location);
        assertThat(tls.indexOf(location)).isGreaterThan(tls.indexOf("listen 443 ssl"));
    }

    @Test
    void everyProxiedRequestCarriesTheForwardingHeadersAndTheVersionIsHidden() {
        String text = twoApiServers().build().render();
        assertThat(text).contains("server_tokens off;", "proxy_set_header Host $host;",
                "proxy_set_header X-Real-IP $remote_addr;",
                "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "proxy_set_header X-Forwarded-Proto $scheme;",
                "location = /nginx-health {", "return 200 \"ok\";");
        assertThat(text).doesNotContain("include");
    }

    @Test
    void withTlsPort443ServesOnlyTls12And13AndPort80RedirectsButKeepsItsHealthCheck() {
        String text = twoApiServers().tls("/etc/pki/tls/certs/proxy.crt", "/etc/pki/tls/private/proxy.key").build()
                .render();
        assertThat(text).contains("listen 443 ssl default_server;", "ssl_protocols TLSv1.2 TLSv1.3;",
                "ssl_certificate /etc/pki/tls/certs/proxy.crt;", "ssl_certificate_key /etc/pki/tls/private/proxy.key;",
                "return 301 https://$host$request_uri;");
        String port80 = text.substring(text.indexOf("listen 80"), text.indexOf("listen 443"));
        assertThat(port80).contains("location = /nginx-health").doesNotContain("proxy_pass");
        assertThat(twoApiServers().httpsPort(8443).tls("/etc/proxy.crt", "/etc/proxy.key").build().render())
                .contains("return 301 https://$host:8443$request_uri;");
    }

    @Test
    void aBalancingMethodComesBeforeKeepaliveAsNginxRequires() {
        String text = twoApiServers().loadBalancing(NginxConfig.LoadBalancing.LEAST_CONN).build().render();
        assertThat(text).contains("    upstream upstream_servers {\n        least_conn;\n        server 10.0.128.10:8080;\n");
        assertThat(text.indexOf("least_conn;")).isLessThan(text.indexOf("keepalive 16;"));
        assertThat(twoApiServers().loadBalancing(NginxConfig.LoadBalancing.IP_HASH).build().render())
                .contains("ip_hash;");
    }

    @Test
    void onlyTheUpstreamReferencesLookLikeTerraformTemplates() {
        String text = NginxConfig.builder().addUpstream("${aws_instance.api_host_instance.private_ip}", 8080)
                .tls("/etc/proxy.crt", "/etc/proxy.key").build().render();
        assertThat(text).contains("server ${aws_instance.api_host_instance.private_ip}:8080;");
        assertThat(text.split("\\$\\{", -1)).hasSize(2);
        assertThat(text).doesNotContain("%{");
    }

    @Test
    void theRealNginxAcceptsTheGeneratedConfigWithEveryFileInTheTempFolder() throws IOException {
        NginxConfig config = local(twoApiServers()).build();
        for (String path : List.of(config.pidPath(), config.errorLogPath(), config.accessLogPath(),
                config.clientBodyTempPath(), config.proxyTempPath(), config.fastcgiTempPath(), config.uwsgiTempPath(),
                config.scgiTempPath())) {
            assertThat(path).startsWith(tmp.toString());
        }
        assertThat(config.render()).doesNotContain("/var/", "/run/", "/etc/").doesNotContain("listen 80 ");

        Tools.ProcessResult result = nginxTest(config.render());

        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.stderr()).contains("syntax is ok", "test is successful");
        // nginx -t creates the temporary folders it was given: proof it used them and no default.
        assertThat(tmp.resolve("client_body")).isDirectory();
        assertThat(tmp.resolve("proxy")).isDirectory();
    }

    @Test
    void theRealNginxAcceptsTheTlsConfigWithASelfSignedCertificate() throws IOException {
        Tools.require("openssl", "the TLS variant needs a throwaway certificate");
        Path cert = tmp.resolve("proxy.crt");
        Path key = tmp.resolve("proxy.key");
        Tools.ProcessResult openssl = Tools.run(NGINX_TIMEOUT, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-days", "1", "-subj", "/CN=test", "-keyout", key.toString(), "-out", cert.toString()));
        assertThat(openssl.ok()).as(openssl.describe()).isTrue();

        Tools.ProcessResult result = nginxTest(local(twoApiServers()).tls(cert.toString(), key.toString()).build()
                .render());

        assertThat(result.ok()).as(result.describe()).isTrue();
    }

    @Test
    void theRealNginxRejectsAConfigWithAMissingSemicolon() throws IOException {
        String broken = local(twoApiServers()).build().render().replace("server_tokens off;", "server_tokens off");

        Tools.ProcessResult result = nginxTest(broken);

        assertThat(result.ok()).isFalse();
        assertThat(result.stderr()).contains("test failed");
    }

    @Test
    void theRealNginxRejectsAConfigWithAnUnknownDirective() throws IOException {
        String broken = local(twoApiServers()).build().render()
                .replace("server_tokens off;", "server_tokens off;\n    proxy_teleport on;");

        Tools.ProcessResult result = nginxTest(broken);

        assertThat(result.ok()).isFalse();
        assertThat(result.stderr()).contains("unknown directive \"proxy_teleport\"");
    }

    @Test
    void theRealNginxForwardsToEveryUpstreamWithTheHeadersButNeverForwardsActuator() throws Exception {
        Tools.require("nginx", "running nginx proves the generated configuration proxies as intended");
        AtomicInteger actuatorRequests = new AtomicInteger();
        List<HttpServer> upstreams = new ArrayList<>();
        Process nginx = null;
        try {
            NginxConfig.Builder builder = local(NginxConfig.builder());
            for (String name : List.of("api-1", "api-2")) {
                HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                upstream.createContext("/", exchange -> {
                    if (exchange.getRequestURI().getPath().contains("actuator")) {
                        actuatorRequests.incrementAndGet();
                    }
                    var headers = exchange.getRequestHeaders();
                    byte[] body = (name + " host=" + headers.getFirst("Host") + " proto="
                            + headers.getFirst("X-Forwarded-Proto") + " real=" + headers.getFirst("X-Real-IP")
                            + " for=" + headers.getFirst("X-Forwarded-For")).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                upstream.start();
                upstreams.add(upstream);
                builder.addUpstream("127.0.0.1", upstream.getAddress().getPort());
            }
            NginxConfig config = builder.build();
            Path file = tmp.resolve("nginx.conf");
            Files.writeString(file, config.render());
            nginx = new ProcessBuilder("nginx", "-p", tmp + "/", "-c", file.toString(), "-e",
                    tmp.resolve("error.log").toString(), "-g", "daemon off; master_process off;")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("nginx.out").toFile()).start();
            awaitPort(config.httpPort(), nginx);

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + config.httpPort();
            HttpResponse<String> health = get(client, base + NginxConfig.HEALTH_CHECK_PATH);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok");
            assertThat(health.headers().firstValue("server")).hasValue("nginx");

            Set<String> servedBy = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> api = get(client, base + "/api/orders");
                assertThat(api.statusCode()).isEqualTo(200);
                assertThat(api.body()).endsWith(" host=127.0.0.1 proto=http real=127.0.0.1 for=127.0.0.1");
                servedBy.add(api.body().substring(0, api.body().indexOf(' ')));
            }
            assertThat(servedBy).containsExactlyInAnyOrder("api-1", "api-2");

            for (String path : List.of("/actuator", "/actuator/env", "/actuator/prometheus", "//actuator/heapdump",
                    "/%61ctuator/env")) {
                assertThat(get(client, base + path).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(actuatorRequests).hasValue(0);
        } finally {
            if (nginx != null) {
                nginx.destroy();
                if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                    nginx.destroyForcibly();
                }
            }
            upstreams.forEach(server -> server.stop(0));
        }
    }

    private static HttpResponse<String> get(HttpClient client, String uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitPort(int port, Process nginx) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!nginx.isAlive()) {
                throw new AssertionError("nginx exited with " + nginx.exitValue() + ":\n"
                        + Files.readString(tmp.resolve("nginx.out")));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(socket.isConnected()).isTrue();
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen on " + port + ":\n" + Files.readString(tmp.resolve("nginx.out")));
    }

    @Test
    void withoutUpstreamsThereIsNothingToProxyTo() {
        assertThatThrownBy(() -> NginxConfig.builder().build()).isInstanceOf(ValidationException.class)
                .hasMessage("NginxConfig: property 'upstreams' is '[]': expected at least one upstream server;"
                        + " add one with addUpstream(server, port)");
    }

    @Test
    void anUpstreamAddressWithSpacesIsRejected() {
        assertThatThrownBy(() -> NginxConfig.builder().addUpstream("10.0.0.1; include /etc/passwd", 80).build())
                .hasMessage("NginxConfig: property 'upstreams[0].address' is '10.0.0.1; include /etc/passwd': expected"
                        + " an IPv4 address, a host name or a Terraform reference such as"
                        + " ${aws_instance.api_host_instance.private_ip}");
        assertThatThrownBy(() -> NginxConfig.builder().addUpstream("10.0.0.300", 80).build())
                .hasMessageStartingWith("NginxConfig: property 'upstreams[0].address' is '10.0.0.300'");
    }

    @Test
    void theSameUpstreamTwiceIsRejected() {
        assertThatThrownBy(() -> twoApiServers().addUpstream("10.0.128.10", 8080).build())
                .hasMessage("NginxConfig: property 'upstreams[2]' is '10.0.128.10:8080': expected each upstream server once");
    }

    @Test
    void httpsOnTheHttpPortIsRejected() {
        assertThatThrownBy(() -> twoApiServers().httpsPort(80).tls("/etc/proxy.crt", "/etc/proxy.key").build())
                .hasMessage("NginxConfig: property 'httpsPort' is '80': expected a port other than httpPort 80");
    }

    @Test
    void aServerNameWithADirectiveInItIsRejected() {
        assertThatThrownBy(() -> twoApiServers().serverName("example.com; return 200").build())
                .hasMessage("NginxConfig: property 'serverName' is 'example.com; return 200': expected _ (any host) or"
                        + " host names separated by spaces, such as api.example.com");
    }

    @Test
    void aRelativeLogPathIsRejected() {
        assertThatThrownBy(() -> twoApiServers().accessLogPath("logs/access.log").build())
                .hasMessage("NginxConfig: property 'accessLogPath' is 'logs/access.log': expected an absolute path"
                        + " (letters, digits and . _ - + @ : / only)");
    }

    @Test
    void aConnectTimeoutBeyondNginxsLimitIsRejected() {
        assertThatThrownBy(() -> twoApiServers().proxyConnectTimeoutSeconds(120).build())
                .hasMessage("NginxConfig: property 'proxyConnectTimeoutSeconds' is '120': expected 1..75 seconds"
                        + " (nginx's limit)");
    }
}
