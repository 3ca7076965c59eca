package io.growstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the network-namespace tests share: their resource scripts and setup commands that must succeed. */
public final class NetnsSetup {
    private NetnsSetup() {
    }

    /** Copies test resource {@code /netns/<name>} into {@code work}, executable. */
    public static Path copyResource(Path work, String name) throws IOException {
        Path target = work.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = NetnsSetup.class.getResourceAsStream("/netns/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /netns/" + name + " is missing");
            }
            Files.write(target, in.readAllBytes());
        }
        // Resources lose their executable bit on the way to target/test-classes.
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }

    /** Runs a setup command that must succeed. */
    public static Tools.ProcessResult sh(Duration timeout, String... command) {
        Tools.ProcessResult result = Tools.run(timeout, List.of(command));
        if (!result.ok()) {
            throw new AssertionError("setup command failed: " + result.describe());
        }
        return result;
    }

    /** Deletes {@code namespaces}, each even when another fails; the failures, described, or none. */
    public static List<String> deleteNamespaces(Duration timeout, List<String> namespaces) {
        List<String> failures = new ArrayList<>();
        for (String ns : namespaces) {
            Tools.ProcessResult deleted = Tools.run(timeout, List.of("ip", "netns", "del", ns));
            if (!deleted.ok()) {
                failures.add(deleted.describe());
            }
        }
        return failures;
    }
}
