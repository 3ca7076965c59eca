package io.growstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import io.growstack.core.Ami;
import io.growstack.core.Architecture;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Synthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Builds and synthesizes stacks for tests, and reads back what Terraform will see. */
public final class TestStacks {
    /** The seed's region. */
    public static final String REGION = "ap-northeast-2";
    /** Explicit zones, so the offline plan needs no API call. */
    public static final List<String> ZONES = List.of("ap-northeast-2a", "ap-northeast-2c");
    /** A syntactically valid x86_64 image id for offline plans. */
    public static final Ami X86_AMI = Ami.of("ami-0123456789abcdef0", Architecture.X86_64);
    /** A syntactically valid arm64 image id for offline plans. */
    public static final Ami ARM_AMI = Ami.of("ami-0fedcba9876543210", Architecture.ARM64);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("target", "test-stacks");

    private TestStacks() {
    }

    /** One synthesized stack: its folder (where terraform runs) and its parsed JSON. */
    public record Synthesized(Path dir, JsonNode json) {
        /** The resources of {@code type}, keyed by name. */
        public JsonNode resources(String type) {
            return json.path("resource").path(type);
        }

        /** The one resource {@code type.name}, failing if absent. */
        public JsonNode resource(String type, String name) {
            JsonNode node = json.path("resource").path(type).path(name);
            if (node.isMissingNode()) {
                throw new AssertionError("no resource " + type + "." + name + " in " + dir);
            }
            return node;
        }

        /** How many resources of {@code type} there are. */
        public int count(String type) {
            return resources(type).size();
        }
    }

    /** A stack in {@link #REGION} for project {@code test}, environment {@code dev}. */
    public static GrowStack stack(App app, String id) {
        return new GrowStack(app, id, GrowStackProps.builder(REGION).project("test").build());
    }

    /** Synthesizes a program with one stack named {@code name} into a fresh folder and parses it. */
    public static Synthesized synth(String name, Consumer<App> program) {
        Path out = freshDir(name);
        Synthesizer.Result result = Synthesizer.synth(out, program);
        Path json = result.stacks().values().iterator().next();
        return new Synthesized(json.getParent(), read(json));
    }

    /** Synthesizes a single {@link #stack(App, String)} built by {@code build}. */
    public static Synthesized synthStack(String name, Consumer<GrowStack> build) {
        return synth(name, app -> build.accept(stack(app, name)));
    }

    /** An empty folder under target/test-stacks. */
    public static Path freshDir(String name) {
        Path dir = ROOT.resolve(name).toAbsolutePath();
        deleteTree(dir);
        return dir;
    }

    /** Parses a JSON file. */
    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file below {@code dir}, relative, sorted; empty if it does not exist. */
    public static List<String> files(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a folder tree if it exists. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
