package io.growstack.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthesized module stack split into a module's files: {@code main.tf.json} (resources, data
 * sources, locals), {@code variables.tf.json}, {@code outputs.tf.json} and {@code versions.tf.json}
 * ({@code required_providers} as the library emits it). The provider and backend are the caller's,
 * so a module has neither; cdktf's {@code "//"} metadata names construct paths of the stand-in
 * stack and is left out.
 */
final class ModuleFiles {
    static final String MAIN = "main.tf.json";
    static final String VARIABLES = "variables.tf.json";
    static final String OUTPUTS = "outputs.tf.json";
    static final String VERSIONS = "versions.tf.json";
    /** The caller's region, read from the provider the module inherits. */
    static final String REGION_EXPRESSION = "data.aws_region.current.name";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModuleFiles() {
    }

    /** The module's files by name, from {@code stack} (the synthesized module stack) and its substitutions. */
    static Map<String, ObjectNode> split(String module, JsonNode stack, List<Substitution> substitutions) {
        List<Substitution> all = new ArrayList<>(substitutions);
        all.add(Substitution.of(ModuleContext.REGION, REGION_EXPRESSION, false));
        // Only what the block made holds stand-ins; the module's own variables are written as declared.
        ObjectNode document = stack.deepCopy();
        for (String section : List.of("data", "locals", "resource", "output")) {
            if (document.has(section)) {
                document.set(section, rewrite(document.get(section), all));
            }
        }
        document.remove("//");
        ObjectNode main = NODES.objectNode();
        for (String section : List.of("data", "locals", "resource")) {
            if (document.has(section)) {
                main.set(section, document.get(section));
            }
        }
        if (main.toString().contains(REGION_EXPRESSION)) {
            ObjectNode data = main.has("data") ? (ObjectNode) main.get("data") : NODES.objectNode();
            data.putObject("aws_region").putObject("current");
            ObjectNode ordered = NODES.objectNode();
            ordered.set("data", data);
            main.fields().forEachRemaining(e -> ordered.set(e.getKey(), e.getValue()));
            main = ordered;
        }
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        files.put(MAIN, main);
        files.put(VARIABLES, section(document, "variable"));
        files.put(OUTPUTS, section(document, "output"));
        ObjectNode versions = NODES.objectNode();
        ObjectNode terraform = versions.putObject("terraform");
        JsonNode emitted = document.path("terraform");
        if (emitted.has("required_version")) {
            terraform.set("required_version", emitted.get("required_version"));
        }
        terraform.set("required_providers", emitted.path("required_providers"));
        files.put(VERSIONS, versions);
        checkNoStandIns(module, MAIN, main);
        checkNoStandIns(module, OUTPUTS, files.get(OUTPUTS));
        return files;
    }

    private static ObjectNode section(ObjectNode document, String name) {
        ObjectNode file = NODES.objectNode();
        file.set(name, document.has(name) ? document.get(name) : NODES.objectNode());
        return file;
    }

    private static JsonNode rewrite(JsonNode node, List<Substitution> substitutions) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.remove("//");
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                object.set(name, rewrite(object.get(name), substitutions));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i), substitutions));
            }
            return array;
        }
        if (node.isTextual()) {
            String text = node.asText();
            for (Substitution substitution : substitutions) {
                text = substitution.apply(text);
            }
            return TextNode.valueOf(text);
        }
        return node;
    }

    // A stand-in that survived (inside an encoded string, or split by a block) would ship a module
    // hard-wired to the generator's values, so generation fails instead.
    private static void checkNoStandIns(String module, String file, JsonNode content) {
        String text = content.toString();
        for (String standIn : List.of(ModuleContext.PROJECT, ModuleContext.ENVIRONMENT, ModuleContext.REGION)) {
            if (text.contains(standIn)) {
                int at = text.indexOf(standIn);
                throw new IllegalStateException("module " + module + ": " + file + " still holds the stand-in '"
                        + standIn + "' (at ..." + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40))
                        + "...); substitute it with a variable expression in the module's definition");
            }
        }
    }
}
