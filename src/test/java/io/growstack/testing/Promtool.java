package io.growstack.testing;

import io.growstack.core.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the real {@code promtool} (Debian package prometheus) on files written to a temporary folder. */
public final class Promtool {
    private Promtool() {
    }

    /** Skips off CI, fails under CI=true, unless promtool is on PATH. */
    public static void require() {
        Tools.require("promtool", "promtool is the referee of the generated prometheus.yml and of every dashboard query");
    }

    /** {@code promtool check config} on {@code yaml}. */
    public static Tools.ProcessResult checkConfig(String yaml) {
        return run("prometheus.yml", yaml, "config");
    }

    /**
     * {@code promtool check rules} on one recording rule per query: promtool parses each expression
     * as PromQL and names the rule it could not parse.
     */
    public static Tools.ProcessResult checkQueries(List<String> queries) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "growstack:dashboard_query_" + (i + 1));
            rule.put("expr", queries.get(i));
            rules.add(rule);
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "growstack-dashboard");
        group.put("rules", rules);
        String yaml = Yaml.write(Yaml.AS_IS, Map.of("groups", List.of(group)), "the rules file");
        return run("dashboard.rules.yml", yaml, "rules");
    }

    private static Tools.ProcessResult run(String name, String content, String what) {
        require();
        try {
            Path dir = Files.createTempDirectory("growstack-promtool-");
            Path file = dir.resolve(name);
            try {
                Files.writeString(file, content);
                return Tools.run(Duration.ofSeconds(60), List.of("promtool", "check", what, file.toString()), dir,
                        Map.of());
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
