package io.growstack.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The class-data-sharing archive {@code package} records for the launcher. The launcher maps it
 * with {@code -Xshare:auto}, which would quietly run without it if it did not match: here
 * {@code -Xshare:on} makes a mismatch an error, so a build that stops producing a usable archive
 * (a folder on the class path, a jar changed after the training run) fails instead of getting slow.
 */
class ClassDataArchiveIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path DIST = ROOT.resolve("target/growstack");
    private static final Path ARCHIVE = DIST.resolve("lib/growstack.jsa");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @Test
    void theDistributionCarriesAnArchiveThisJvmMapsForItsJars() {
        assertThat(ARCHIVE).as("made by the class-data-archive execution at package").isRegularFile();
        Tools.ProcessResult result = Tools.run(Duration.ofMinutes(1), List.of(JAVA.toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xshare:on", "-cp",
                DIST.resolve("lib") + "/*", "io.growstack.cli.Main", "--version"), null, Map.of());
        assertThat(result.ok()).as(result.describe()).isTrue();
    }

    @Test
    void theLauncherMapsTheArchive() throws IOException {
        String launcher = Files.readString(DIST.resolve("bin/growstack"));
        assertThat(launcher).contains("-XX:SharedArchiveFile=$home/lib/growstack.jsa").contains("-cp \"$home/lib/*\"");
        try (var lib = Files.list(DIST.resolve("lib"))) {
            assertThat(lib.filter(Files::isDirectory)).as("a folder on the class path disables the archive").isEmpty();
        }
    }
}
