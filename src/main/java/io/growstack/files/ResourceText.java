package io.growstack.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The text of a file kept beside these classes in the jar ({@code io/growstack/files/...}): shell
 * lives in {@code .sh} files, where shellcheck reads it as it is shipped, not in Java strings.
 */
final class ResourceText {
    private ResourceText() {
    }

    /** The UTF-8 text of {@code name}, relative to this package; a missing file is a broken build. */
    static String load(String name) {
        try (InputStream in = ResourceText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the growstack jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
