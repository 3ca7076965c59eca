package io.growstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.core.Synthesizer;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {
    private record Run(int status, String out) {
    }

    @BeforeAll
    static void terraform() {
        Terraform.require();
    }

    private static Run verify(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "verify";
            System.arraycopy(args, 0, all, 1, args.length);
            return new Run(Main.run(all), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    // A network with pinned zones (plannable offline) and an input variable without a default.
    private static Path synthWithVariable(String name) {
        Path out = TestStacks.freshDir(name);
        Synthesizer.synth(out, app -> {
            var stack = TestStacks.stack(app, "shop");
            TerraformVariable owner = new TerraformVariable(stack, "owner", TerraformVariableConfig.builder()
                    .type("string").build());
            new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                    .privateSubnets(false).build());
            new io.growstack.core.Output(stack, "owner-out", "owner", owner.getStringValue(), "who owns it", false);
        });
        return out;
    }

    @Test
    void aPinnedStackPlansOfflineOnACopyWithTheGivenVariables() throws Exception {
        Path out = synthWithVariable("verify-pass");
        List<String> before = TestStacks.files(out);
        Run run = verify("--out", out.toString(), "-var", "owner=team", "shop");
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^shop: ok: init, validate, offline plan \\(\\d+ to add\\)$");
        assertThat(TestStacks.files(out)).as("the user's stack folder is not written").isEqualTo(before);

        Path varFile = out.resolveSibling("verify-pass.tfvars");
        Files.writeString(varFile, "owner = \"team\"\n");
        Run fromFile = verify("--out", out.toString(), "-var-file", varFile.toString());
        assertThat(fromFile.status()).as(fromFile.out()).isZero();

        Run missing = verify("--out", out.toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.out()).containsPattern("(?m)^shop: FAILED at plan: Error: No value for required variable");
    }

    @Test
    void aBrokenStackFailsWithOneClearLine() throws Exception {
        Path out = synthWithVariable("verify-broken");
        Path json = out.resolve("stacks/shop/cdk.tf.json");
        Files.writeString(json, Files.readString(json).replace("\"cidr_block\"", "\"cidr_blok\""));
        Run run = verify("--out", out.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^shop: FAILED at validate: Error: Extraneous JSON object property \\(cdk\\.tf\\.json line \\d+\\):"
                + " No argument or block type is named \"cidr_blok\"\\. Did you mean \"cidr_block\"\\?$");
    }

    @Test
    void anUnknownStackIsRefusedNamingTheStacks() {
        Path out = synthWithVariable("verify-unknown");
        assertThat(verify("--out", out.toString(), "nope").status()).isEqualTo(2);
    }
}
