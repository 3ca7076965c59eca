package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.App;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SynthesizerTest {
    private static final Consumer<App> PROGRAM = app -> new Network(TestStacks.stack(app, "shop"), "network");

    @Test
    void twoSynthsOfTheSameProgramAreByteIdentical() throws Exception {
        Path first = TestStacks.freshDir("determinism-1");
        Path second = TestStacks.freshDir("determinism-2");
        Synthesizer.synth(first, PROGRAM);
        Synthesizer.synth(second, PROGRAM);
        assertThat(TestStacks.files(first)).containsExactly("manifest.json", "stacks/shop/cdk.tf.json");
        for (String file : TestStacks.files(first)) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        String json = Files.readString(first.resolve("stacks/shop/cdk.tf.json"));
        assertThat(json).doesNotContain(Path.of("").toAbsolutePath().toString()).doesNotContain("/tmp/");
    }

    @Test
    void aSynthReplacesTheJsonButLeavesTerraformsOwnFilesAlone() throws Exception {
        Path out = TestStacks.freshDir("keeps-terraform-files");
        Synthesizer.synth(out, PROGRAM);
        Path stackDir = out.resolve("stacks/shop");
        Files.createDirectories(stackDir.resolve(".terraform/providers"));
        Files.writeString(stackDir.resolve(".terraform/providers/marker"), "provider");
        Files.writeString(stackDir.resolve(".terraform.lock.hcl"), "lock");
        Files.writeString(stackDir.resolve("terraform.tfstate"), "{\"serial\": 7}");
        Files.writeString(stackDir.resolve("terraform.tfstate.backup"), "{\"serial\": 6}");
        Files.writeString(stackDir.resolve("cdk.tf.json"), "stale");

        Synthesizer.synth(out, PROGRAM);

        assertThat(Files.readString(stackDir.resolve("cdk.tf.json"))).startsWith("{");
        assertThat(Files.readString(stackDir.resolve(".terraform/providers/marker"))).isEqualTo("provider");
        assertThat(Files.readString(stackDir.resolve(".terraform.lock.hcl"))).isEqualTo("lock");
        assertThat(Files.readString(stackDir.resolve("terraform.tfstate"))).isEqualTo("{\"serial\": 7}");
        assertThat(Files.readString(stackDir.resolve("terraform.tfstate.backup"))).isEqualTo("{\"serial\": 6}");
    }

    @Test
    void aFailedSynthLeavesThePreviousOutputUntouched() throws Exception {
        Path out = TestStacks.freshDir("failed-keeps-previous");
        Synthesizer.synth(out, PROGRAM);
        byte[] before = Files.readAllBytes(out.resolve("stacks/shop/cdk.tf.json"));

        assertThatThrownBy(() -> Synthesizer.synth(out, app -> new Network(TestStacks.stack(app, "shop"), "network",
                NetworkProps.builder().cidr("10.0.0.0/8").build()))).isInstanceOf(ValidationException.class);

        assertThat(Files.readAllBytes(out.resolve("stacks/shop/cdk.tf.json"))).isEqualTo(before);
        try (var siblings = Files.list(out.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".staging-"));
        }
    }

    @Test
    void aStackRemovedFromTheProgramLosesItsJsonButKeepsItsFolder() throws Exception {
        Path out = TestStacks.freshDir("removed-stack");
        Synthesizer.synth(out, app -> {
            TestStacks.stack(app, "old");
            TestStacks.stack(app, "kept");
        });
        Files.writeString(out.resolve("stacks/old/terraform.tfstate"), "{}");
        Synthesizer.synth(out, app -> TestStacks.stack(app, "kept"));
        assertThat(TestStacks.files(out)).containsExactly("manifest.json", "stacks/kept/cdk.tf.json",
                "stacks/old/terraform.tfstate");
    }
}
