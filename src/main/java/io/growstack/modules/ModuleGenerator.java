package io.growstack.modules;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Synthesizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code modules/<name>/} for every {@link ModuleDefinition} and the root template
 * {@value RootTemplate#FILE}: each module is its block synthesized in a stand-in stack, split into
 * a module's files. The same program always writes the same bytes.
 */
public final class ModuleGenerator {
    /** The folder the modules are written to, beside the template. */
    public static final String MODULES_DIR = "modules";
    /** The command that regenerates the committed files, for drift messages. */
    public static final String COMMAND = "mvn -q -B compile exec:java -Dexec.args=\"modules\"";
    private static final String STACK = "module";
    // The layout terraform fmt and cdktf use for JSON: two spaces, "key": value.
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator("")));

    private ModuleGenerator() {
    }

    /** The generated files, by path relative to the output folder ({@code modules/network-.../main.tf.json}). */
    public static Map<String, String> render(Path scratch) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Map<String, ObjectNode>> modules = new LinkedHashMap<>();
        for (ModuleDefinition definition : Modules.all()) {
            Map<String, ObjectNode> split = synthesize(definition, scratch.resolve(definition.name()));
            modules.put(definition.name(), split);
            String dir = MODULES_DIR + "/" + definition.name() + "/";
            split.forEach((name, json) -> files.put(dir + name, json(json)));
            files.put(dir + "README.md", ModuleReadme.render(definition, split));
        }
        files.put(RootTemplate.FILE, json(RootTemplate.render(modules)));
        return files;
    }

    /**
     * Replaces {@code modules/} under {@code out} with freshly generated modules and writes the
     * template; returns the files written.
     */
    public static Map<String, String> write(Path out) {
        try {
            Path scratch = Files.createTempDirectory("growstack-modules-");
            try {
                Map<String, String> files = render(scratch);
                deleteTree(out.resolve(MODULES_DIR));
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Path target = out.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                }
                return files;
            } finally {
                deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing modules into " + out + " failed", e);
        }
    }

    static Map<String, ObjectNode> synthesize(ModuleDefinition definition, Path outDir) {
        java.util.Set<String> standIns = definition.hasStandIns()
                ? ModuleFiles.addresses(run(definition, outDir.resolve("stand-ins"), true).document)
                : java.util.Set.of();
        Pass full = run(definition, outDir.resolve("module"), false);
        return ModuleFiles.split(definition.name(), full.document, full.context, standIns);
    }

    private record Pass(JsonNode document, ModuleContext context) {
    }

    private static Pass run(ModuleDefinition definition, Path outDir, boolean standInPass) {
        List<ModuleContext> context = new ArrayList<>(1);
        Map<String, Object> amis = new java.util.TreeMap<>();
        ModuleContext.AMIS.forEach((architecture, id) -> amis.put(architecture.awsName(), id));
        Synthesizer.Result result = Synthesizer.synth(outDir, Map.of(GrowStack.CONTEXT_AMIS, amis), app -> {
            GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder(ModuleContext.REGION)
                    .project(ModuleContext.PROJECT).environment(ModuleContext.ENVIRONMENT).build());
            ModuleContext module = new ModuleContext(stack, standInPass);
            context.add(module);
            module.declareNaming();
            try {
                definition.define(module);
            } catch (ModuleContext.StandInsBuilt done) {
                // The stand-in pass ends here: the synth records what the stand-ins make.
            }
        });
        return new Pass(result.document(STACK), context.get(0));
    }

    static String json(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
