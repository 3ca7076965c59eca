package io.growstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.App;
import io.growstack.core.GrowStack;
import io.growstack.core.Synthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Synthesizes the examples under {@code examples/} with zones and images pinned (so Terraform can
 * plan them offline), and guards their Terraform addresses with a committed golden file.
 */
public final class ExampleStacks {
    /** Zones and images pinned the way a project pins them in cdktf.json. */
    public static final Map<String, Object> PINNED = Map.of(
            GrowStack.CONTEXT_ZONES, TestStacks.ZONES,
            GrowStack.CONTEXT_AMIS, Map.of("x86_64", TestStacks.X86_AMI.id(), "arm64", TestStacks.ARM_AMI.id()));

    private ExampleStacks() {
    }

    /** All stacks of example {@code name}, synthesized into a fresh folder, keyed by stack name. */
    public static Map<String, TestStacks.Synthesized> synthAll(String name, Consumer<App> program) {
        Path out = TestStacks.freshDir("example-" + name);
        Synthesizer.Result result = Synthesizer.synth(out, PINNED, program);
        Map<String, TestStacks.Synthesized> stacks = new java.util.TreeMap<>();
        result.stacks().forEach((stack, json) -> stacks.put(stack, new TestStacks.Synthesized(json.getParent(),
                TestStacks.read(json))));
        return stacks;
    }

    /** The one stack of example {@code name}. */
    public static TestStacks.Synthesized synth(String name, Consumer<App> program) {
        Map<String, TestStacks.Synthesized> stacks = synthAll(name, program);
        assertThat(stacks).hasSize(1);
        return stacks.values().iterator().next();
    }

    /** Every resource and data source address of a stack, sorted. */
    public static List<String> addresses(JsonNode stack) {
        List<String> addresses = new ArrayList<>();
        stack.path("resource").fields().forEachRemaining(type -> type.getValue().fieldNames()
                .forEachRemaining(n -> addresses.add(type.getKey() + "." + n)));
        stack.path("data").fields().forEachRemaining(type -> type.getValue().fieldNames()
                .forEachRemaining(n -> addresses.add("data." + type.getKey() + "." + n)));
        addresses.sort(null);
        return addresses;
    }

    /**
     * Construct ids are a public contract: renaming one changes a Terraform address and so replaces
     * real infrastructure. The addresses are committed in {@code examples/<name>/terraform-addresses.txt};
     * a change fails here unless that file changes in the same commit. Regenerate it deliberately
     * with {@code -Dgrowstack.updateGolden=true}.
     */
    public static void assertAddressesMatchGolden(String example, Map<String, TestStacks.Synthesized> stacks) {
        List<String> lines = new ArrayList<>();
        stacks.forEach((stack, s) -> addresses(s.json()).forEach(a -> lines.add(stack + " " + a)));
        String actual = String.join("\n", lines) + "\n";
        Path golden = Path.of("examples", example, "terraform-addresses.txt");
        try {
            if (Boolean.getBoolean("growstack.updateGolden")) {
                Files.writeString(golden, actual);
            }
            assertThat(Files.exists(golden)).as(golden + " exists (create it with -Dgrowstack.updateGolden=true)")
                    .isTrue();
            assertThat(actual).as("Terraform addresses of " + example + " (a rename replaces infrastructure; update "
                    + golden + " in the same commit if intended)").isEqualTo(Files.readString(golden));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two synths of the example produce identical bytes. */
    public static void assertDeterministic(String name, Consumer<App> program) {
        Path first = TestStacks.freshDir("example-" + name + "-det-1");
        Path second = TestStacks.freshDir("example-" + name + "-det-2");
        Synthesizer.synth(first, PINNED, program);
        Synthesizer.synth(second, PINNED, program);
        try {
            for (String file : TestStacks.files(first)) {
                assertThat(Files.readAllBytes(second.resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(first.resolve(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instance types of every aws_instance and of each ASG's launch template at desired capacity, sorted. */
    public static List<String> instanceTypes(JsonNode stack) {
        List<String> types = new ArrayList<>();
        stack.path("resource").path("aws_instance").forEach(i -> types.add(i.path("instance_type").asText()));
        stack.path("resource").path("aws_autoscaling_group").forEach(group -> {
            String id = group.path("launch_template").path("id").asText();
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("\\$\\{aws_launch_template\\.([^.]+)\\.id}")
                    .matcher(id);
            String type = name.matches() ? stack.path("resource").path("aws_launch_template").path(name.group(1))
                    .path("instance_type").asText("?") : "?";
            for (int i = 0; i < group.path("desired_capacity").asInt(); i++) {
                types.add(type);
            }
        });
        types.sort(null);
        return types;
    }
}
