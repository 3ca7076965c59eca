package io.growstack.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.UserDataChecks;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every .sh file the generated files are made of passes shellcheck as it is kept, before any rendering. */
class ShellResourcesTest {
    /**
     * A fragment (a hook's fixed text, a workflow step, the NAT watcher appended to its script) has no
     * {@code #!} line of its own: lint it as bash with the options it runs under, as GitHub runs a
     * step ({@code bash -e -o pipefail}).
     */
    static String asScript(String text) {
        return text.startsWith("#!") ? text : "#!/bin/bash\nset -eo pipefail\n" + text;
    }

    private static List<String> shellResources() throws IOException, URISyntaxException {
        // From a file that is surely there: the test classes hold a folder of this package too.
        Path root = Path.of(ResourceText.class.getResource("nat/nat-instance.sh").toURI()).getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".sh")).map(f -> root.relativize(f).toString()).sorted()
                    .toList();
        }
    }

    @Test
    void everyShellResourcePassesShellcheck() throws Exception {
        List<String> names = shellResources();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            problems.addAll(UserDataChecks.check(name, asScript(ResourceText.load(name))));
        }
        assertThat(problems).isEmpty();
        assertThat(names).contains("nat/nat-instance.sh", "nat/nat-watch.sh", "hooks/validate.sh",
                "workflow/find-colours.sh", "workflow/return-idle-colour.sh").hasSizeGreaterThanOrEqualTo(3 + 4 + 12);
    }

    @Test
    void aFragmentWithAnUnquotedExpansionFailsTheSameCheck() {
        assertThat(UserDataChecks.check("broken fragment", asScript("aws s3 cp bundle.zip s3://$ARTIFACT_BUCKET/$key\n")))
                .singleElement().asString().contains("SC2086");
    }

    @Test
    void aMissingResourceIsABrokenBuildNamedByItsFile() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResourceText.load("workflow/nowhere.sh"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("workflow/nowhere.sh is missing from the growstack jar");
    }
}
