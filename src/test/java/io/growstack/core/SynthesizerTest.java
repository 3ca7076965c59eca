package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    void aStackThisProgramDoesNotDefineKeepsItsFilesAndStaysInTheManifest() throws Exception {
        Path out = TestStacks.freshDir("other-stack");
        Synthesizer.synth(out, app -> {
            TestStacks.stack(app, "old");
            TestStacks.stack(app, "kept");
        });
        byte[] old = Files.readAllBytes(out.resolve("stacks/old/cdk.tf.json"));
        Files.writeString(out.resolve("stacks/old/terraform.tfstate"), "{}");
        Synthesizer.synth(out, app -> TestStacks.stack(app, "kept"));
        assertThat(TestStacks.files(out)).containsExactly("manifest.json", "stacks/kept/cdk.tf.json",
                "stacks/old/cdk.tf.json", "stacks/old/terraform.tfstate");
        assertThat(Files.readAllBytes(out.resolve("stacks/old/cdk.tf.json"))).isEqualTo(old);
        // cdktf's CLI deletes every stack folder its manifest does not name, so the other stack stays named.
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("stacks").fieldNames()).toIterable().containsExactly("kept", "old");
        assertThat(manifest.path("stacks").path("old").path("synthesizedStackPath").asText())
                .isEqualTo("stacks/old/cdk.tf.json");
    }

    @Test
    void aFailureWhilePublishingTheSecondStackLeavesTheFirstUntouched() throws Exception {
        Path out = TestStacks.freshDir("publish-all-or-nothing");
        Consumer<App> two = app -> {
            new Network(TestStacks.stack(app, "a-first"), "network");
            // Another project: one app's stacks may not both create the NAT role test-dev-nat.
            new Network(new GrowStack(app, "b-second", GrowStackProps.builder(TestStacks.REGION).project("other").build()),
                    "network");
        };
        Synthesizer.synth(out, app -> {
            TestStacks.stack(app, "a-first");
            TestStacks.stack(app, "b-second");
        });
        byte[] first = Files.readAllBytes(out.resolve("stacks/a-first/cdk.tf.json"));
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        // The second stack's JSON cannot be replaced: a non-empty folder stands where the file goes.
        Path blocked = out.resolve("stacks/b-second/cdk.tf.json");
        Files.delete(blocked);
        Files.createDirectories(blocked.resolve("in-the-way"));

        assertThatThrownBy(() -> Synthesizer.synth(out, two)).isInstanceOf(java.io.UncheckedIOException.class);

        assertThat(Files.readAllBytes(out.resolve("stacks/a-first/cdk.tf.json"))).isEqualTo(first);
        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(manifest);
        try (var siblings = Files.list(out.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains(".staging-") || n.contains(".previous-"));
        }
        Files.delete(blocked.resolve("in-the-way"));
        Files.delete(blocked);
        Synthesizer.synth(out, two);
        assertThat(Files.readString(out.resolve("stacks/a-first/cdk.tf.json"))).contains("aws_vpc");
        assertThat(Files.readString(out.resolve("stacks/b-second/cdk.tf.json"))).contains("aws_vpc");
    }
}
