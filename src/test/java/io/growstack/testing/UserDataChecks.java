package io.growstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Lints every user data a stack emits with the real tools: {@code shellcheck} for shell scripts,
 * {@code cloud-init schema} for {@code #cloud-config} documents. Launch templates carry base64.
 */
public final class UserDataChecks {
    private static final Map<String, String> USER_DATA = Map.of("aws_instance", "user_data",
            "aws_launch_template", "user_data");

    private static final java.util.regex.Pattern LOCAL =
            java.util.regex.Pattern.compile("\\$\\{base64encode\\(local\\.([A-Za-z0-9_-]+)\\)\\}");

    private UserDataChecks() {
    }

    /** Every user data of the stack, keyed by address. */
    public static Map<String, String> userData(JsonNode stack) {
        Map<String, String> found = new java.util.TreeMap<>();
        USER_DATA.forEach((type, attribute) -> stack.path("resource").path(type).fields().forEachRemaining(e -> {
            JsonNode value = e.getValue().path(attribute);
            if (value.isTextual()) {
                String text = value.asText();
                java.util.regex.Matcher local = LOCAL.matcher(text);
                if (local.matches()) {
                    // Templated launch-template user data: base64encode(local.x) of a JSON-template string.
                    // Terraform fills in the references and unescapes $${ and %%{: lint that result.
                    text = REFERENCE.matcher(stack.path("locals").path(local.group(1)).asText())
                            .replaceAll("terraform-reference").replace("$${", "${").replace("%%{", "%{");
                } else if (type.equals("aws_launch_template") && !text.startsWith("#") && !text.contains("${")) {
                    text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
                }
                found.put(type + "." + e.getKey(), text);
            }
        }));
        return found;
    }

    /** Fails with every problem the tools report; returns how many documents were checked. */
    public static int assertClean(JsonNode stack) {
        List<String> problems = new ArrayList<>();
        Map<String, String> all = userData(stack);
        for (Map.Entry<String, String> entry : all.entrySet()) {
            problems.addAll(check(entry.getKey(), entry.getValue()));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
        return all.size();
    }

    // Terraform resolves these before the instance sees the text; lint what the instance will run.
    private static final java.util.regex.Pattern REFERENCE =
            java.util.regex.Pattern.compile("\\$\\{(?:var|local|data|aws_)[^}]*\\}");

    /** Problems the right tool finds in one document; empty when clean. */
    public static List<String> check(String name, String text) {
        String document = REFERENCE.matcher(text).replaceAll("terraform-reference");
        try {
            if (document.startsWith("#!")) {
                Tools.require("shellcheck", "every shell script growstack renders is linted");
                Path file = Files.createTempFile("growstack-user-data-", ".sh");
                try {
                    Files.writeString(file, document);
                    Tools.ProcessResult r = Tools.run(Duration.ofSeconds(60),
                            List.of("shellcheck", "--severity=style", "--shell=bash", file.toString()));
                    return r.ok() ? List.of() : List.of(name + ": shellcheck\n" + r.describe());
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            if (document.startsWith("#cloud-config")) {
                Tools.require("cloud-init", "every #cloud-config growstack renders is schema-checked");
                Path file = Files.createTempFile("growstack-cloud-config-", ".yml");
                try {
                    Files.writeString(file, document);
                    Tools.ProcessResult r = Tools.run(Duration.ofSeconds(60),
                            List.of("cloud-init", "schema", "--config-file", file.toString()));
                    return r.ok() ? List.of() : List.of(name + ": cloud-init schema\n" + r.describe());
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            return List.of(name + ": user data is neither a #! script nor #cloud-config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
