package io.growstack.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the estimate's YAML inputs (price book, usage file); errors name the file and what it should be. */
final class YamlInput {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlInput() {
    }

    /** The text of {@code file}, which is a {@code what} ("price book"). */
    static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + file, e);
        }
    }

    /** The tree of {@code yaml}; a syntax error says {@code origin} is not a YAML {@code what}. */
    static JsonNode parse(String yaml, String origin, String what) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not a YAML " + what + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
