package io.growstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = Path.of("").toAbsolutePath();
    private static Map<String, String> generated;

    @BeforeAll
    static void generate(@TempDir Path scratch) {
        generated = ModuleGenerator.render(scratch);
    }

    @Test
    void theCommittedModulesAndTemplateAreWhatTheBlocksGenerate() throws IOException {
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path committed = REPOSITORY.resolve(file.getKey());
            if (!Files.exists(committed) || !Files.readString(committed).equals(file.getValue())) {
                drift.add(file.getKey());
            }
        }
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve(ModuleGenerator.MODULES_DIR))) {
            files.filter(Files::isRegularFile).map(p -> REPOSITORY.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !generated.containsKey(p)).forEach(p -> drift.add(p + " (not generated)"));
        }
        assertThat(drift).as("modules/ and " + RootTemplate.FILE + " differ from what the blocks generate;"
                + " regenerate them with: " + ModuleGenerator.COMMAND + " (or growstack modules), then commit").isEmpty();
    }

    @Test
    void generatingTwiceWritesTheSameBytesWithoutMachinePaths(@TempDir Path other) {
        assertThat(ModuleGenerator.render(other)).isEqualTo(generated);
        assertThat(String.join("\n", generated.values())).doesNotContain(REPOSITORY.toString())
                .doesNotContain(System.getProperty("java.io.tmpdir")).doesNotContain("\"//\"");
    }

    @Test
    void aModuleHasNoProviderAndNoBackend() throws IOException {
        for (ModuleDefinition module : Modules.all()) {
            for (String file : List.of(ModuleFiles.MAIN, ModuleFiles.VARIABLES, ModuleFiles.OUTPUTS, ModuleFiles.VERSIONS)) {
                JsonNode json = json(module, file);
                assertThat(json.has("provider")).as(module.name() + "/" + file).isFalse();
                assertThat(json.path("terraform").has("backend")).as(module.name() + "/" + file).isFalse();
            }
            assertThat(json(module, ModuleFiles.VERSIONS).path("terraform").path("required_providers").path("aws")
                    .path("version").asText()).isEqualTo(">= 5.100.0, < 7.0.0");
        }
    }

    @Test
    void eachReadmeTablesListExactlyTheModulesVariablesAndOutputs() throws IOException {
        for (ModuleDefinition module : Modules.all()) {
            String readme = generated.get(ModuleGenerator.MODULES_DIR + "/" + module.name() + "/README.md");
            JsonNode variables = json(module, ModuleFiles.VARIABLES).path("variable");
            List<String> inputRows = rows(readme, "## Inputs");
            assertThat(inputRows).as(module.name() + " inputs").hasSize(variables.size());
            for (String row : inputRows) {
                String[] cells = cells(row);
                JsonNode variable = variables.path(cells[0]);
                assertThat(variable.isMissingNode()).as(module.name() + ": README input " + cells[0]).isFalse();
                assertThat(cells[1]).isEqualTo(variable.path("description").asText().replace("|", "\\|"));
                assertThat(cells[2]).isEqualTo("`" + variable.path("type").asText() + "`");
                assertThat(cells[3]).isEqualTo(variable.has("default") ? "`" + variable.get("default") + "`" : "n/a");
                assertThat(cells[4]).isEqualTo(variable.has("default") ? "no" : "yes");
            }
            JsonNode outputs = json(module, ModuleFiles.OUTPUTS).path("output");
            TreeSet<String> outputNames = new TreeSet<>();
            outputs.fieldNames().forEachRemaining(outputNames::add);
            TreeSet<String> documented = new TreeSet<>();
            for (String row : rows(readme, "## Outputs")) {
                String[] cells = cells(row);
                documented.add(cells[0]);
                assertThat(cells[1]).isEqualTo(outputs.path(cells[0]).path("description").asText());
            }
            assertThat(documented).as(module.name() + " outputs").isEqualTo(outputNames);
        }
    }

    @Test
    void everyVariableAndOutputHasADescriptionAndEveryVariableAType() throws IOException {
        for (ModuleDefinition module : Modules.all()) {
            json(module, ModuleFiles.VARIABLES).path("variable").fields().forEachRemaining(v -> {
                assertThat(v.getValue().path("description").asText()).as(module.name() + " " + v.getKey()).isNotBlank();
                assertThat(v.getValue().path("type").asText()).as(module.name() + " " + v.getKey()).isNotBlank();
            });
            json(module, ModuleFiles.OUTPUTS).path("output").fields().forEachRemaining(o ->
                    assertThat(o.getValue().path("description").asText()).as(module.name() + " " + o.getKey())
                            .isNotBlank());
        }
    }

    @Test
    void theTemplateSourcesOnlyGeneratedModulesAndHasNoFixedRegion() throws IOException {
        JsonNode template = JSON.readTree(generated.get(RootTemplate.FILE));
        template.path("module").forEach(call -> {
            String source = call.path("source").asText();
            assertThat(source).startsWith(RootTemplate.SOURCE_PLACEHOLDER + "/");
            assertThat(generated).containsKey(ModuleGenerator.MODULES_DIR + "/"
                    + source.substring(RootTemplate.SOURCE_PLACEHOLDER.length() + 1) + "/README.md");
        });
        assertThat(template.path("provider").path("aws").get(0).path("region").asText()).isEqualTo("${var.region}");
        assertThat(template.path("terraform").path("backend").path("s3").isEmpty()).isTrue();
    }

    private static JsonNode json(ModuleDefinition module, String file) throws IOException {
        return JSON.readTree(generated.get(ModuleGenerator.MODULES_DIR + "/" + module.name() + "/" + file));
    }

    private static List<String> rows(String readme, String heading) {
        String section = readme.substring(readme.indexOf(heading));
        int next = section.indexOf("\n## ", heading.length());
        section = next < 0 ? section : section.substring(0, next);
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| (?!Name \\|)(.+) \\|$").matcher(section);
        while (row.find()) {
            rows.add(row.group(1));
        }
        return rows;
    }

    private static String[] cells(String row) {
        return row.split(" \\| ", -1);
    }
}
