package io.growstack.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.growstack.core.Args;
import io.growstack.core.Yaml;
import java.util.ArrayList;
import java.util.List;

/**
 * A host's {@code #cloud-config} user data: comment lines that say what it is, then the packages
 * cloud-init installs, the files it writes and the commands {@code runcmd} runs once after the package
 * stage. Rendered by Jackson in growstack's YAML style ({@link Yaml}), lines never split, empty
 * sections left out: same value, same bytes.
 */
public final class CloudConfig {
    private static final YAMLMapper YAML = Yaml.builder()
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private final List<String> comments;
    private final Document document;

    private CloudConfig(Builder b) {
        this.comments = List.copyOf(b.comments);
        this.document = new Document(List.copyOf(b.packages), List.copyOf(b.writeFiles), List.copyOf(b.runcmd));
    }

    /** An empty cloud-config to fill. */
    public static Builder builder() {
        return new Builder();
    }

    /** The document cloud-init reads, in its key order. */
    @JsonPropertyOrder({"packages", "writeFiles", "runcmd"})
    record Document(List<String> packages, List<WriteFile> writeFiles, List<String> runcmd) {
    }

    /**
     * One entry of {@code write_files}.
     *
     * @param path        where cloud-init writes it
     * @param owner       {@code user:group}
     * @param permissions octal mode such as {@code 0644}
     * @param content     the text
     */
    @JsonPropertyOrder({"path", "owner", "permissions", "content"})
    public record WriteFile(String path, String owner, String permissions, String content) {
    }

    /** The files cloud-init writes, in order. */
    public List<WriteFile> writeFiles() {
        return document.writeFiles();
    }

    /** The user data text; {@code what} names it in an error. */
    public String render(String what) {
        StringBuilder text = new StringBuilder("#cloud-config\n");
        for (String comment : comments) {
            text.append("# ").append(comment).append('\n');
        }
        return text.append(Yaml.write(YAML, document, what)).toString();
    }

    /** Builds a {@link CloudConfig}. */
    public static final class Builder {
        private final List<String> comments = new ArrayList<>();
        private final List<String> packages = new ArrayList<>();
        private final List<WriteFile> writeFiles = new ArrayList<>();
        private final List<String> runcmd = new ArrayList<>();

        private Builder() {
        }

        /** Adds a comment line under {@code #cloud-config} (without the {@code # }). */
        public Builder comment(String line) {
            comments.add(Args.notNull(line, "line"));
            return this;
        }

        /** Adds a package cloud-init installs. */
        public Builder addPackage(String name) {
            packages.add(Args.notNull(name, "name"));
            return this;
        }

        /** Adds a file owned by {@code root:root}. */
        public Builder addFile(String path, String permissions, String content) {
            writeFiles.add(new WriteFile(Args.notNull(path, "path"), "root:root",
                    Args.notNull(permissions, "permissions"), Args.notNull(content, "content")));
            return this;
        }

        /** Adds a command {@code runcmd} runs. */
        public Builder addCommand(String command) {
            runcmd.add(Args.notNull(command, "command"));
            return this;
        }

        /** The cloud-config. */
        public CloudConfig build() {
            return new CloudConfig(this);
        }
    }
}
