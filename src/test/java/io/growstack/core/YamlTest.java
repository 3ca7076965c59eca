package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one YAML style every generated file is written in. */
class YamlTest {
    private record Job(String jobName, List<String> targets, String comment) {
    }

    @Test
    void aLongLineStaysOneLineSoNoReaderHasToUnfoldIt() {
        String condition = "${{ failure() && steps.colours.outputs.idle != '' && steps.retire.outcome == 'skipped' }}";
        assertThat(Yaml.write(Yaml.AS_IS, Map.of("if", condition), "a step"))
                .isEqualTo("if: \"" + condition + "\"\n");
    }

    @Test
    void anEmptyMapEntryIsWrittenButAnEmptyRecordComponentIsLeftOut() {
        Map<String, Object> on = new LinkedHashMap<>();
        on.put("push", Map.of("branches", List.of("main")));
        on.put("workflow_dispatch", new LinkedHashMap<>());
        assertThat(Yaml.write(Yaml.AS_IS, Map.of("on", on), "triggers"))
                .isEqualTo("\"on\":\n  push:\n    branches:\n      - main\n  workflow_dispatch: {}\n");
        assertThat(Yaml.write(Yaml.SNAKE, new Job("web", List.of(), null), "a job")).isEqualTo("job_name: web\n");
    }

    @Test
    void numbersAsStringsAndMultiLineTextKeepTheirMeaning() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("java-version", "17");
        file.put("run", "echo one\necho two\n");
        assertThat(Yaml.write(Yaml.AS_IS, file, "a step"))
                .isEqualTo("java-version: \"17\"\nrun: |\n  echo one\n  echo two\n");
    }
}
