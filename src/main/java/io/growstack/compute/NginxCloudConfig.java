package io.growstack.compute;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.growstack.files.NginxConfig;
import java.util.List;

/**
 * The {@code #cloud-config} user data of a {@link ReverseProxy}: install nginx, put the rendered
 * {@code nginx.conf} in place, test it, start nginx and enable it at boot.
 *
 * <p>The file is written to {@value #STAGED_PATH} and copied over {@value #LIVE_PATH} in
 * {@code runcmd}, which runs after cloud-init has installed the packages. Writing
 * {@code /etc/nginx/nginx.conf} directly would race the package: {@code write_files} runs before
 * package installation, and whether the package then keeps or replaces an existing file depends on
 * how it marks its configuration; {@code defer: true} depends on the image listing the
 * {@code write_files_deferred} module. The copy depends on neither.
 */
final class NginxCloudConfig {
    /** Where cloud-init writes the rendered configuration. */
    static final String STAGED_PATH = "/etc/growstack/nginx.conf";
    /** The configuration nginx.service reads. */
    static final String LIVE_PATH = "/etc/nginx/nginx.conf";

    private static final YAMLMapper YAML = io.growstack.core.Yaml.builder()
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private NginxCloudConfig() {
    }

    /** The cloud-config document. */
    @JsonPropertyOrder({"packages", "writeFiles", "runcmd"})
    record Document(List<String> packages, List<WriteFile> writeFiles, List<String> runcmd) {
    }

    /** One entry of {@code write_files}. */
    @JsonPropertyOrder({"path", "owner", "permissions", "content"})
    record WriteFile(String path, String owner, String permissions, String content) {
    }

    /** The user data for {@code config}; same config, same bytes. */
    static String render(NginxConfig config) {
        Document document = new Document(
                List.of("nginx"),
                List.of(new WriteFile(STAGED_PATH, "root:root", "0644", config.render())),
                List.of("install -m 0644 -o root -g root " + STAGED_PATH + " " + LIVE_PATH,
                        "nginx -t",
                        "systemctl enable --now nginx"));
        return "#cloud-config\n"
                + "# growstack ReverseProxy: nginx in front of private servers. Upstream addresses are\n"
                + "# Terraform references, filled in when the proxy is created; new upstreams replace it.\n"
                + io.growstack.core.Yaml.write(YAML, document, "the reverse proxy's cloud-config");
    }
}
