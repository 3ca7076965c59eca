package io.growstack.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.files.NatInstanceUserData;
import io.growstack.testing.TestStacks;
import io.growstack.testing.UserDataChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NatUserDataLintTest {
    /** A script the user data writes with {@code cat > FILE <<'SCRIPT'}: shellcheck skips quoted heredocs. */
    private static final Pattern EMBEDDED = Pattern.compile("cat > (\\S+) <<'SCRIPT'\\n(.*?)\\nSCRIPT\\n", Pattern.DOTALL);

    @Test
    void everyNatUserDataAndEveryScriptItInstallsPassShellcheck() {
        var stack = TestStacks.synthStack("nat-lint", s -> {
            new Network(s, "plain", NetworkProps.builder().cidr("10.1.0.0/16").availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.plainInstance()).build());
            new Network(s, "healing", NetworkProps.builder().cidr("10.2.0.0/16").availabilityZones(TestStacks.ZONES)
                    .build());
            new Network(s, "zones", NetworkProps.builder().cidr("10.3.0.0/16").availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.instancePerAz()).build());
        });
        assertThat(UserDataChecks.assertClean(stack.json())).isEqualTo(4);

        List<String> problems = new ArrayList<>();
        int embedded = 0;
        for (Map.Entry<String, String> userData : UserDataChecks.userData(stack.json()).entrySet()) {
            Matcher script = EMBEDDED.matcher(userData.getValue());
            while (script.find()) {
                embedded++;
                String text = script.group(2);
                // The shared library is sourced, not run: lint it as bash all the same.
                String document = text.startsWith("#!") ? text : "#!/bin/bash\n" + text;
                problems.addAll(UserDataChecks.check(userData.getKey() + " " + script.group(1), document + "\n"));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(embedded).as("plain 1, self-healing 2, per zone 3 each").isEqualTo(1 + 2 + 3 * 2);
    }

    @Test
    void theSelfHealingScriptsLeaveNoTerraformTemplateSequenceUnescaped() {
        String template = NatInstanceUserData.staticInterfaceTemplate(new NatInstanceUserData.Settings("eni-1", "mac",
                java.util.Optional.of(new NatInstanceUserData.Watch(0, List.of("rtb-1"), List.of("eni-1"), 5, 3, 12,
                        "ec2.ap-northeast-2.amazonaws.com", 443))));
        assertThat(template.replace("$${", "").replace("%%{", "")).doesNotContain("${").doesNotContain("%{");
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
