package io.growstack.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code context} of a cdktf.json, so {@code growstack synth} sees the same pinned zones and
 * images as {@code cdktf synth} (which hands them to the app through CDKTF_CONTEXT_JSON).
 */
final class ProjectContext {
    private ProjectContext() {
    }

    static Map<String, Object> read(Path cdktfJson) {
        if (!Files.isRegularFile(cdktfJson)) {
            return Map.of();
        }
        try {
            ObjectMapper json = new ObjectMapper();
            var context = json.readTree(cdktfJson.toFile()).path("context");
            return context.isObject() ? json.convertValue(context, new TypeReference<Map<String, Object>>() { }) : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cdktfJson, e);
        }
    }
}
