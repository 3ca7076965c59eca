package io.growstack.files;

import io.growstack.core.Args;
import io.growstack.core.Cidr;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a ReverseProxy's nginx, as a typed value that renders {@code nginx.conf}.
 *
 * <p>What it renders: one {@code upstream} group of the private servers (round robin by default,
 * with keep-alive connections), a server on port 80 that proxies to it with the {@code Host},
 * {@code X-Real-IP}, {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers, a
 * {@value #HEALTH_CHECK_PATH} location that answers 200 without touching the upstreams, and
 * {@code location /actuator { return 404; }} so Spring Boot's management endpoints are never
 * forwarded from the internet. With {@link Builder#tls(String, String)} port 443 serves TLS 1.2 and
 * 1.3 with the given certificate and key files and port 80 redirects to it (the health check
 * stays on 80). {@code server_tokens off} hides the nginx version.
 *
 * <p>The output is deterministic (same settings, same bytes) and contains no {@code include}: the
 * proxy serves no files, so it needs no {@code mime.types}. Every file nginx opens or creates —
 * pid file, logs, temporary folders — is a field with an Amazon Linux 2023 default, so a test can
 * point them all at a temporary folder with {@link Builder#pathsUnder(String)} and run
 * {@code nginx -t} without root.
 *
 * <p>Upstream addresses may be Terraform references such as
 * {@code ${aws_instance.api_host_instance.private_ip}}: the rendered text then goes into user
 * data and Terraform substitutes the address when it creates the proxy. Nothing else in the
 * output contains <code>${</code> or <code>%{</code>, so Terraform's template syntax leaves it alone.
 */
public final class NginxConfig {
    /** The location that answers 200 for load balancer and uptime checks. */
    public static final String HEALTH_CHECK_PATH = "/nginx-health";
    /** Spring Boot's management endpoints: answered with 404, never proxied. */
    public static final String ACTUATOR_PATH = "/actuator";
    /** Accept any host name. */
    public static final String DEFAULT_SERVER_NAME = "_";
    /** Plain HTTP. */
    public static final int DEFAULT_HTTP_PORT = 80;
    /** HTTPS, when TLS files are given. */
    public static final int DEFAULT_HTTPS_PORT = 443;
    /** The TLS versions offered; 1.0 and 1.1 are deprecated (RFC 8996). */
    public static final String TLS_PROTOCOLS = "TLSv1.2 TLSv1.3";
    /** TLS 1.2 cipher suites: forward secret AEAD only (Mozilla's intermediate list without DHE). */
    public static final String TLS12_CIPHERS = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
            + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
            + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
    /** Request bodies up to 10 MiB, Spring Boot's default multipart request limit (nginx's own is 1 MiB). */
    public static final int DEFAULT_CLIENT_MAX_BODY_SIZE_MB = 10;
    /** Fail fast when an upstream does not accept the connection. */
    public static final int DEFAULT_PROXY_CONNECT_TIMEOUT_SECONDS = 5;
    /** nginx's default wait between two reads from the upstream. */
    public static final int DEFAULT_PROXY_READ_TIMEOUT_SECONDS = 60;
    /** nginx's default wait between two writes to the upstream. */
    public static final int DEFAULT_PROXY_SEND_TIMEOUT_SECONDS = 60;
    /** The user the Amazon Linux 2023 package creates for the worker processes. */
    public static final String DEFAULT_USER = "nginx";
    /** Where Amazon Linux 2023's nginx.service expects the pid file. */
    public static final String DEFAULT_PID_PATH = "/run/nginx.pid";
    /** Amazon Linux 2023's log folder for nginx. */
    public static final String DEFAULT_LOG_DIRECTORY = "/var/log/nginx";
    /** Amazon Linux 2023's folder for nginx's temporary files. */
    public static final String DEFAULT_TEMP_DIRECTORY = "/var/lib/nginx/tmp";
    /** The name of the upstream group in the rendered file. */
    static final String UPSTREAM_GROUP = "upstream_servers";
    /** Idle keep-alive connections each worker keeps to the upstreams. */
    static final int UPSTREAM_KEEPALIVE = 16;

    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._+@:/-]*");
    private static final String PATH_CHARACTERS = "letters, digits and . _ - + @ : / only";
    private static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9*_.-]+( [A-Za-z0-9*_.-]+)*");
    private static final Pattern HOST_NAME =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern UNIX_USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern UNSAFE_IN_REFERENCE = Pattern.compile("[\\s;'\"]");

    /** How nginx spreads requests over the upstream servers. */
    public enum LoadBalancing {
        /** Each server in turn (nginx's default). */
        ROUND_ROBIN(null, "each in turn"),
        /** The server with the fewest active connections. */
        LEAST_CONN("least_conn", "fewest active connections first"),
        /** The same client address to the same server (sticky sessions without cookies). */
        IP_HASH("ip_hash", "one server per client address");

        private final String directive;
        private final String description;

        LoadBalancing(String directive, String description) {
            this.directive = directive;
            this.description = description;
        }

        /** The nginx directive, or {@code null} for round robin, which has none. */
        public String directive() {
            return directive;
        }
    }

    /**
     * One upstream server.
     *
     * @param address an IPv4 address, a host name, or a Terraform reference to a private address
     * @param port    the TCP port the application listens on, 1..65535
     */
    public record Upstream(String address, int port) {
        /** {@code address:port}, as nginx writes it. */
        @Override
        public String toString() {
            return address + ":" + port;
        }
    }

    private final List<Upstream> upstreams;
    private final LoadBalancing loadBalancing;
    private final String serverName;
    private final int httpPort;
    private final int httpsPort;
    private final String tlsCertificatePath;
    private final String tlsKeyPath;
    private final int clientMaxBodySizeMb;
    private final int proxyConnectTimeoutSeconds;
    private final int proxyReadTimeoutSeconds;
    private final int proxySendTimeoutSeconds;
    private final String user;
    private final String pidPath;
    private final String errorLogPath;
    private final String accessLogPath;
    private final String clientBodyTempPath;
    private final String proxyTempPath;
    private final String fastcgiTempPath;
    private final String uwsgiTempPath;
    private final String scgiTempPath;

    private NginxConfig(Builder b) {
        this.upstreams = List.copyOf(b.upstreams);
        this.loadBalancing = b.loadBalancing;
        this.serverName = b.serverName;
        this.httpPort = b.httpPort;
        this.httpsPort = b.httpsPort;
        this.tlsCertificatePath = b.tlsCertificatePath;
        this.tlsKeyPath = b.tlsKeyPath;
        this.clientMaxBodySizeMb = b.clientMaxBodySizeMb;
        this.proxyConnectTimeoutSeconds = b.proxyConnectTimeoutSeconds;
        this.proxyReadTimeoutSeconds = b.proxyReadTimeoutSeconds;
        this.proxySendTimeoutSeconds = b.proxySendTimeoutSeconds;
        this.user = b.user;
        this.pidPath = b.pidPath;
        this.errorLogPath = b.errorLogPath;
        this.accessLogPath = b.accessLogPath;
        this.clientBodyTempPath = b.clientBodyTempPath;
        this.proxyTempPath = b.proxyTempPath;
        this.fastcgiTempPath = b.fastcgiTempPath;
        this.uwsgiTempPath = b.uwsgiTempPath;
        this.scgiTempPath = b.scgiTempPath;
    }

    /** A builder with the production defaults and no upstreams yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.upstreams.addAll(upstreams);
        b.loadBalancing = loadBalancing;
        b.serverName = serverName;
        b.httpPort = httpPort;
        b.httpsPort = httpsPort;
        b.tlsCertificatePath = tlsCertificatePath;
        b.tlsKeyPath = tlsKeyPath;
        b.clientMaxBodySizeMb = clientMaxBodySizeMb;
        b.proxyConnectTimeoutSeconds = proxyConnectTimeoutSeconds;
        b.proxyReadTimeoutSeconds = proxyReadTimeoutSeconds;
        b.proxySendTimeoutSeconds = proxySendTimeoutSeconds;
        b.user = user;
        b.pidPath = pidPath;
        b.errorLogPath = errorLogPath;
        b.accessLogPath = accessLogPath;
        b.clientBodyTempPath = clientBodyTempPath;
        b.proxyTempPath = proxyTempPath;
        b.fastcgiTempPath = fastcgiTempPath;
        b.uwsgiTempPath = uwsgiTempPath;
        b.scgiTempPath = scgiTempPath;
        return b;
    }

    /** The upstream servers, in the order they were added. */
    public List<Upstream> upstreams() {
        return upstreams;
    }

    /** How requests are spread over the upstreams. */
    public LoadBalancing loadBalancing() {
        return loadBalancing;
    }

    /** The {@code server_name}: {@code _} or host names separated by spaces. */
    public String serverName() {
        return serverName;
    }

    /** The plain HTTP port. */
    public int httpPort() {
        return httpPort;
    }

    /** The HTTPS port (used only with TLS). */
    public int httpsPort() {
        return httpsPort;
    }

    /** Whether port {@link #httpsPort()} serves TLS (and {@link #httpPort()} redirects to it). */
    public boolean isTls() {
        return tlsCertificatePath != null;
    }

    /** The certificate (chain) file on the host, or {@code null} without TLS. */
    public String tlsCertificatePath() {
        return tlsCertificatePath;
    }

    /** The private key file on the host, or {@code null} without TLS. */
    public String tlsKeyPath() {
        return tlsKeyPath;
    }

    /** The largest request body in MiB; 0 means no limit. */
    public int clientMaxBodySizeMb() {
        return clientMaxBodySizeMb;
    }

    /** How long to wait for an upstream to accept a connection. */
    public int proxyConnectTimeoutSeconds() {
        return proxyConnectTimeoutSeconds;
    }

    /** How long to wait between two reads from an upstream. */
    public int proxyReadTimeoutSeconds() {
        return proxyReadTimeoutSeconds;
    }

    /** How long to wait between two writes to an upstream. */
    public int proxySendTimeoutSeconds() {
        return proxySendTimeoutSeconds;
    }

    /** The worker processes' user, or {@code null} to leave the directive out. */
    public String user() {
        return user;
    }

    /** The pid file. */
    public String pidPath() {
        return pidPath;
    }

    /** The error log. */
    public String errorLogPath() {
        return errorLogPath;
    }

    /** The access log. */
    public String accessLogPath() {
        return accessLogPath;
    }

    /** Where large request bodies are buffered. */
    public String clientBodyTempPath() {
        return clientBodyTempPath;
    }

    /** Where large upstream responses are buffered. */
    public String proxyTempPath() {
        return proxyTempPath;
    }

    /** The FastCGI buffer folder (unused, but nginx creates it). */
    public String fastcgiTempPath() {
        return fastcgiTempPath;
    }

    /** The uwsgi buffer folder (unused, but nginx creates it). */
    public String uwsgiTempPath() {
        return uwsgiTempPath;
    }

    /** The SCGI buffer folder (unused, but nginx creates it). */
    public String scgiTempPath() {
        return scgiTempPath;
    }

    /** The {@code nginx.conf} text: same settings, same bytes; ends with a newline. */
    public String render() {
        Writer w = new Writer();
        w.comment("nginx.conf of a growstack ReverseProxy, rendered from NginxConfig: change the settings,");
        w.comment("not this file (the proxy is replaced with a new one when they change).");
        if (user != null) {
            w.line("user " + user + ";");
        }
        w.line("worker_processes auto;");
        w.line("pid " + pidPath + ";");
        w.line("error_log " + errorLogPath + " warn;");
        w.blank();
        w.open("events");
        w.line("worker_connections 1024;");
        w.close();
        w.blank();
        w.open("http");
        w.line("server_tokens off;");
        w.line("default_type application/octet-stream;");
        w.line("access_log " + accessLogPath + " combined;");
        w.line("client_max_body_size " + clientMaxBodySizeMb + "m;");
        w.line("keepalive_timeout 65s;");
        w.blank();
        w.comment("Folders nginx writes to (and creates when it starts or tests this file).");
        w.line("client_body_temp_path " + clientBodyTempPath + ";");
        w.line("proxy_temp_path " + proxyTempPath + ";");
        w.line("fastcgi_temp_path " + fastcgiTempPath + ";");
        w.line("uwsgi_temp_path " + uwsgiTempPath + ";");
        w.line("scgi_temp_path " + scgiTempPath + ";");
        w.blank();
        w.comment("The private application servers, " + loadBalancing.description + ".");
        w.open("upstream " + UPSTREAM_GROUP);
        if (loadBalancing.directive() != null) {
            w.line(loadBalancing.directive() + ";");
        }
        for (Upstream upstream : upstreams) {
            w.line("server " + upstream + ";");
        }
        // After the balancing method: nginx requires keepalive to come last.
        w.line("keepalive " + UPSTREAM_KEEPALIVE + ";");
        w.close();
        w.blank();
        if (isTls()) {
            openServer(w, String.valueOf(httpPort));
            healthCheck(w);
            w.blank();
            w.comment("Everything else moves to HTTPS.");
            w.open("location /");
            w.line("return 301 https://$host" + (httpsPort == DEFAULT_HTTPS_PORT ? "" : ":" + httpsPort)
                    + "$request_uri;");
            w.close();
            w.close();
            w.blank();
            openServer(w, httpsPort + " ssl");
            w.line("ssl_certificate " + tlsCertificatePath + ";");
            w.line("ssl_certificate_key " + tlsKeyPath + ";");
            w.line("ssl_protocols " + TLS_PROTOCOLS + ";");
            w.line("ssl_ciphers " + TLS12_CIPHERS + ";");
            w.line("ssl_prefer_server_ciphers off;");
            w.line("ssl_session_cache shared:TLS:10m;");
            w.line("ssl_session_timeout 1d;");
            w.line("ssl_session_tickets off;");
            w.blank();
        } else {
            openServer(w, String.valueOf(httpPort));
        }
        healthCheck(w);
        w.blank();
        w.comment("Spring Boot's management endpoints stay inside the VPC.");
        w.open("location " + ACTUATOR_PATH);
        w.line("return 404;");
        w.close();
        w.blank();
        w.open("location /");
        w.line("proxy_pass http://" + UPSTREAM_GROUP + ";");
        w.line("proxy_http_version 1.1;");
        w.line("proxy_set_header Connection \"\";");
        w.line("proxy_set_header Host $host;");
        w.line("proxy_set_header X-Real-IP $remote_addr;");
        w.line("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
        w.line("proxy_set_header X-Forwarded-Proto $scheme;");
        w.line("proxy_connect_timeout " + proxyConnectTimeoutSeconds + "s;");
        w.line("proxy_send_timeout " + proxySendTimeoutSeconds + "s;");
        w.line("proxy_read_timeout " + proxyReadTimeoutSeconds + "s;");
        w.close();
        w.close();
        w.close();
        return w.toString();
    }

    /** Opens a default {@code server} block for this config's name, listening on {@code listen}. */
    private void openServer(Writer w, String listen) {
        w.open("server");
        w.line("listen " + listen + " default_server;");
        w.line("server_name " + serverName + ";");
        w.blank();
    }

    private static void healthCheck(Writer w) {
        w.comment("The proxy's own health, answered without asking the upstreams.");
        w.open("location = " + HEALTH_CHECK_PATH);
        w.line("access_log off;");
        w.line("default_type text/plain;");
        w.line("return 200 \"ok\";");
        w.close();
    }

    /** Equal when both render the same text (as JavaPoet's value types compare). */
    @Override
    public boolean equals(Object o) {
        return o instanceof NginxConfig other && render().equals(other.render());
    }

    @Override
    public int hashCode() {
        return render().hashCode();
    }

    @Override
    public String toString() {
        return "NginxConfig" + upstreams + (isTls() ? " with TLS" : "");
    }

    /** Lines with four-space indentation per block. */
    private static final class Writer {
        private final StringBuilder text = new StringBuilder();
        private int depth;

        void line(String line) {
            text.append("    ".repeat(depth)).append(line).append('\n');
        }

        void comment(String comment) {
            line("# " + comment);
        }

        void blank() {
            text.append('\n');
        }

        void open(String block) {
            line(block + " {");
            depth++;
        }

        void close() {
            depth--;
            line("}");
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Builds a {@link NginxConfig}; {@link #build()} checks every setting. */
    public static final class Builder {
        private final List<Upstream> upstreams = new ArrayList<>();
        private LoadBalancing loadBalancing = LoadBalancing.ROUND_ROBIN;
        private String serverName = DEFAULT_SERVER_NAME;
        private int httpPort = DEFAULT_HTTP_PORT;
        private int httpsPort = DEFAULT_HTTPS_PORT;
        private String tlsCertificatePath;
        private String tlsKeyPath;
        private int clientMaxBodySizeMb = DEFAULT_CLIENT_MAX_BODY_SIZE_MB;
        private int proxyConnectTimeoutSeconds = DEFAULT_PROXY_CONNECT_TIMEOUT_SECONDS;
        private int proxyReadTimeoutSeconds = DEFAULT_PROXY_READ_TIMEOUT_SECONDS;
        private int proxySendTimeoutSeconds = DEFAULT_PROXY_SEND_TIMEOUT_SECONDS;
        private String user = DEFAULT_USER;
        private String pidPath = DEFAULT_PID_PATH;
        private String errorLogPath = DEFAULT_LOG_DIRECTORY + "/error.log";
        private String accessLogPath = DEFAULT_LOG_DIRECTORY + "/access.log";
        private String clientBodyTempPath = DEFAULT_TEMP_DIRECTORY + "/client_body";
        private String proxyTempPath = DEFAULT_TEMP_DIRECTORY + "/proxy";
        private String fastcgiTempPath = DEFAULT_TEMP_DIRECTORY + "/fastcgi";
        private String uwsgiTempPath = DEFAULT_TEMP_DIRECTORY + "/uwsgi";
        private String scgiTempPath = DEFAULT_TEMP_DIRECTORY + "/scgi";

        private Builder() {
        }

        /** Appends an upstream server. At least one is required. */
        public Builder addUpstream(String address, int port) {
            upstreams.add(new Upstream(address, port));
            return this;
        }

        /** Replaces the upstream servers. */
        public Builder upstreams(List<Upstream> upstreams) {
            List<Upstream> copy = Args.list(upstreams, "upstreams");
            this.upstreams.clear();
            this.upstreams.addAll(copy);
            return this;
        }

        /** How requests are spread over the upstreams. Default: round robin. */
        public Builder loadBalancing(LoadBalancing loadBalancing) {
            this.loadBalancing = Objects.requireNonNull(loadBalancing, "loadBalancing must not be null");
            return this;
        }

        /** The {@code server_name}. Default: {@value #DEFAULT_SERVER_NAME} (any host). */
        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return this;
        }

        /** The plain HTTP port. Default: 80. */
        public Builder httpPort(int httpPort) {
            this.httpPort = httpPort;
            return this;
        }

        /** The HTTPS port, used with {@link #tls}. Default: 443. */
        public Builder httpsPort(int httpsPort) {
            this.httpsPort = httpsPort;
            return this;
        }

        /**
         * Serves HTTPS with these files on the host (absolute paths; the certificate file may hold
         * the chain) and redirects HTTP to it. Default: plain HTTP only.
         */
        public Builder tls(String certificatePath, String keyPath) {
            this.tlsCertificatePath = certificatePath;
            this.tlsKeyPath = keyPath;
            return this;
        }

        /** The largest request body in MiB, 0 for no limit. Default: 10. */
        public Builder clientMaxBodySizeMb(int sizeMb) {
            this.clientMaxBodySizeMb = sizeMb;
            return this;
        }

        /** How long to wait for an upstream to accept a connection, 1..75 s. Default: 5. */
        public Builder proxyConnectTimeoutSeconds(int seconds) {
            this.proxyConnectTimeoutSeconds = seconds;
            return this;
        }

        /** How long to wait between two reads from an upstream, 1..3600 s. Default: 60. */
        public Builder proxyReadTimeoutSeconds(int seconds) {
            this.proxyReadTimeoutSeconds = seconds;
            return this;
        }

        /** How long to wait between two writes to an upstream, 1..3600 s. Default: 60. */
        public Builder proxySendTimeoutSeconds(int seconds) {
            this.proxySendTimeoutSeconds = seconds;
            return this;
        }

        /** The worker processes' user; {@code null} leaves the directive out. Default: {@value #DEFAULT_USER}. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The pid file. Default: {@value #DEFAULT_PID_PATH}. */
        public Builder pidPath(String path) {
            this.pidPath = path;
            return this;
        }

        /** The error log. Default: {@code /var/log/nginx/error.log}. */
        public Builder errorLogPath(String path) {
            this.errorLogPath = path;
            return this;
        }

        /** The access log. Default: {@code /var/log/nginx/access.log}. */
        public Builder accessLogPath(String path) {
            this.accessLogPath = path;
            return this;
        }

        /** The request body buffer folder. Default: {@code /var/lib/nginx/tmp/client_body}. */
        public Builder clientBodyTempPath(String path) {
            this.clientBodyTempPath = path;
            return this;
        }

        /** The upstream response buffer folder. Default: {@code /var/lib/nginx/tmp/proxy}. */
        public Builder proxyTempPath(String path) {
            this.proxyTempPath = path;
            return this;
        }

        /** The FastCGI buffer folder. Default: {@code /var/lib/nginx/tmp/fastcgi}. */
        public Builder fastcgiTempPath(String path) {
            this.fastcgiTempPath = path;
            return this;
        }

        /** The uwsgi buffer folder. Default: {@code /var/lib/nginx/tmp/uwsgi}. */
        public Builder uwsgiTempPath(String path) {
            this.uwsgiTempPath = path;
            return this;
        }

        /** The SCGI buffer folder. Default: {@code /var/lib/nginx/tmp/scgi}. */
        public Builder scgiTempPath(String path) {
            this.scgiTempPath = path;
            return this;
        }

        /**
         * Points the pid file, both logs and every temporary folder into {@code directory} (absolute),
         * for example to run {@code nginx -t} in a test without root.
         */
        public Builder pathsUnder(String directory) {
            Args.notNull(directory, "directory");
            String dir = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
            return pidPath(dir + "/nginx.pid").errorLogPath(dir + "/error.log").accessLogPath(dir + "/access.log")
                    .clientBodyTempPath(dir + "/client_body").proxyTempPath(dir + "/proxy")
                    .fastcgiTempPath(dir + "/fastcgi").uwsgiTempPath(dir + "/uwsgi").scgiTempPath(dir + "/scgi");
        }

        /** The settings; throws {@link ValidationException} naming {@code NginxConfig} for a bad one. */
        public NginxConfig build() {
            return build("NginxConfig");
        }

        /** The settings; a bad one is reported for the construct {@code path} (a ReverseProxy). */
        public NginxConfig build(String path) {
            checkUpstreams(path);
            checkPort(path, "httpPort", httpPort);
            if (tlsCertificatePath != null || tlsKeyPath != null) {
                checkTlsFile(path, "tlsCertificatePath", tlsCertificatePath, "/etc/pki/tls/certs/proxy.crt");
                checkTlsFile(path, "tlsKeyPath", tlsKeyPath, "/etc/pki/tls/private/proxy.key");
                checkPort(path, "httpsPort", httpsPort);
                if (httpsPort == httpPort) {
                    throw new ValidationException(path, "httpsPort", httpsPort,
                            "expected a port other than httpPort " + httpPort);
                }
            }
            if (serverName == null || !SERVER_NAME.matcher(serverName).matches()) {
                throw new ValidationException(path, "serverName", serverName,
                        "expected _ (any host) or host names separated by spaces, such as api.example.com");
            }
            checkRange(path, "clientMaxBodySizeMb", clientMaxBodySizeMb, 0, 1024, "expected 0 (no limit) to 1024 MiB");
            checkRange(path, "proxyConnectTimeoutSeconds", proxyConnectTimeoutSeconds, 1, 75,
                    "expected 1..75 seconds (nginx's limit)");
            checkRange(path, "proxyReadTimeoutSeconds", proxyReadTimeoutSeconds, 1, 3600, "expected 1..3600 seconds");
            checkRange(path, "proxySendTimeoutSeconds", proxySendTimeoutSeconds, 1, 3600, "expected 1..3600 seconds");
            if (user != null && !UNIX_USER.matcher(user).matches()) {
                throw new ValidationException(path, "user", user,
                        "expected a Unix user name such as nginx, or null to leave the directive out");
            }
            checkPath(path, "pidPath", pidPath);
            checkPath(path, "errorLogPath", errorLogPath);
            checkPath(path, "accessLogPath", accessLogPath);
            checkPath(path, "clientBodyTempPath", clientBodyTempPath);
            checkPath(path, "proxyTempPath", proxyTempPath);
            checkPath(path, "fastcgiTempPath", fastcgiTempPath);
            checkPath(path, "uwsgiTempPath", uwsgiTempPath);
            checkPath(path, "scgiTempPath", scgiTempPath);
            return new NginxConfig(this);
        }

        private void checkUpstreams(String path) {
            if (upstreams.isEmpty()) {
                throw new ValidationException(path, "upstreams", "[]",
                        "expected at least one upstream server; add one with addUpstream(server, port)");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < upstreams.size(); i++) {
                Upstream upstream = upstreams.get(i);
                String property = "upstreams[" + i + "]";
                if (!isAddress(upstream.address())) {
                    throw new ValidationException(path, property + ".address", upstream.address(),
                            "expected an IPv4 address, a host name or a Terraform reference such as"
                                    + " ${aws_instance.api_host_instance.private_ip}");
                }
                checkPort(path, property + ".port", upstream.port());
                if (!seen.add(upstream.toString())) {
                    throw new ValidationException(path, property, upstream, "expected each upstream server once");
                }
            }
        }

        private static boolean isAddress(String address) {
            if (address == null) {
                return false;
            }
            if (Tokens.containsReference(address)) {
                return !UNSAFE_IN_REFERENCE.matcher(address).find();
            }
            if (address.matches("[0-9.]+")) {
                return Cidr.parse(address + "/32").isPresent();
            }
            return HOST_NAME.matcher(address).matches();
        }

        private static void checkPort(String path, String property, int port) {
            checkRange(path, property, port, 1, 65535, "expected a TCP port 1..65535");
        }

        private static void checkRange(String path, String property, int value, int min, int max, String expected) {
            if (value < min || value > max) {
                throw new ValidationException(path, property, value, expected);
            }
        }

        private static void checkTlsFile(String path, String property, String file, String example) {
            if (file == null) {
                throw new ValidationException(path, property, null,
                        "expected both files with tls(certificatePath, keyPath), or neither for plain HTTP");
            }
            if (!PATH.matcher(file).matches()) {
                throw new ValidationException(path, property, file,
                        "expected an absolute path on the host such as " + example + " (" + PATH_CHARACTERS + ")");
            }
        }

        private static void checkPath(String path, String property, String file) {
            if (file == null || !PATH.matcher(file).matches()) {
                throw new ValidationException(path, property, file,
                        "expected an absolute path (" + PATH_CHARACTERS + ")");
            }
        }
    }
}
