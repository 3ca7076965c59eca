package io.growstack.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Renders the root template into a ready root module: {@code main.tf.json} with the module sources
 * resolved, and {@code terraform.tfvars.example} with an example for every root variable. Without a
 * source prefix the generated modules are copied into {@code DIR/modules} and sourced from there.
 */
public final class RootInit {
    static final String MAIN = "main.tf.json";
    static final String TFVARS_EXAMPLE = "terraform.tfvars.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RootInit() {
    }

    /**
     * Writes the root module into {@code dir}; {@code modulesSource} (may be {@code null}) is what
     * module sources start with, such as {@code git::https://github.com/org/growstack.git//modules?ref=v0.1.0}
     * minus the query, given as a prefix before {@code /<module>}.
     */
    public static void write(Path dir, String modulesSource) {
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve(MAIN))) {
                throw new IllegalStateException(dir.resolve(MAIN) + " exists; growstack init writes a new root module only");
            }
            Path scratch = Files.createTempDirectory("growstack-init-");
            Map<String, String> files;
            try {
                files = ModuleGenerator.render(scratch);
            } finally {
                try (var paths = Files.walk(scratch)) {
                    for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            String source = modulesSource;
            if (source == null) {
                source = "./" + ModuleGenerator.MODULES_DIR;
                for (Map.Entry<String, String> file : files.entrySet()) {
                    if (file.getKey().startsWith(ModuleGenerator.MODULES_DIR + "/")) {
                        Path target = dir.resolve(file.getKey());
                        Files.createDirectories(target.getParent());
                        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                    }
                }
            }
            Files.writeString(dir.resolve(MAIN), render(files.get(RootTemplate.FILE), source), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(TFVARS_EXAMPLE), tfvarsExample(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("growstack init into " + dir + " failed", e);
        }
    }

    /** The template with its module sources pointing at {@code source}. */
    static String render(String template, String source) {
        return template.replace("\"" + RootTemplate.SOURCE_PLACEHOLDER + "/", "\"" + source.replace("\"", "") + "/");
    }

    static String tfvarsExample() throws IOException {
        StringBuilder text = new StringBuilder("# Copy to terraform.tfvars and edit. JSON values are valid HCL.\n");
        for (Map.Entry<String, Object> example : RootTemplate.EXAMPLES.entrySet()) {
            JsonNode value = JSON.valueToTree(example.getValue());
            text.append(example.getKey()).append(" = ").append(JSON.writeValueAsString(value)).append('\n');
        }
        text.append("# Optional: pin the hosts' images instead of reading the latest Amazon Linux 2023 at plan time.\n");
        text.append("# x86_64_image_id = \"ami-0123456789abcdef0\"\n# arm64_image_id = \"ami-0fedcba9876543210\"\n");
        return text.toString();
    }
}
