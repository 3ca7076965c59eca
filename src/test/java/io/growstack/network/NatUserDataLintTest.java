package io.growstack.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.TestStacks;
import io.growstack.testing.UserDataChecks;
import org.junit.jupiter.api.Test;

class NatUserDataLintTest {
    @Test
    void theNatInstanceScriptPassesShellcheck() {
        var stack = TestStacks.synthStack("nat-lint", s -> new Network(s, "network"));
        assertThat(UserDataChecks.assertClean(stack.json())).isEqualTo(1);
    }

    @Test
    void shellcheckCatchesABrokenScript() {
        assertThat(UserDataChecks.check("broken", "#!/bin/bash\necho $1 | grep x\ncd $HOME\n"))
                .singleElement().asString().contains("SC2086");
    }

    @Test
    void cloudInitRejectsAMalformedCloudConfig() {
        assertThat(UserDataChecks.check("broken", "#cloud-config\nruncmd: 42\n")).hasSize(1);
        assertThat(UserDataChecks.check("fine", "#cloud-config\nruncmd:\n  - [echo, hi]\n")).isEmpty();
    }
}
