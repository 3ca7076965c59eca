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
    /**
     * The oldest Terraform the modules' validations run on: {@code strcontains}, which the naming
     * and CIDR rules use, arrived in Terraform 1.5 (the README's minimum too).
     */
    static final String REQUIRED_VERSION = ">= 1.5";
    /** The caller's region, read from the provider the module inherits. */
    static final String REGION_EXPRESSION = "data.aws_region.current.name";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModuleFiles() {
    }

    /** The module's files by name, from {@code stack} (the synthesized module stack) and its substitutions. */
    static Map<String, ObjectNode> split(String module, JsonNode stack, ModuleContext context,
                                         java.util.Set<String> standIns) {
        List<Substitution> substitutions = context.substitutions();
        List<Substitution> all = new ArrayList<>(substitutions);
        all.add(Substitution.of(ModuleContext.REGION, REGION_EXPRESSION, false));
        ObjectNode document = stack.deepCopy();
        drop(document, standIns);
        java.util.Set<Substitution> applied = new java.util.HashSet<>();
        // Only what the block made holds stand-ins; the module's own variables are written as declared.
        for (String section : List.of("data", "locals", "resource", "output")) {
            if (document.has(section)) {
                document.set(section, rewrite(document.get(section), all, applied));
            }
        }
        // A substitution that matched nothing means the block no longer emits the stand-in where the
        // module expects it, and its variable would silently do nothing.
        for (Substitution substitution : substitutions) {
            if (context.required(substitution) && !applied.contains(substitution)) {
                throw new IllegalStateException("module " + module + ": the stand-in '" + substitution.literal()
                        + "' for " + substitution.replacement() + " occurs nowhere in what the block made");
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
        terraform.put("required_version", emitted.has("required_version")
                ? emitted.get("required_version").asText() : REQUIRED_VERSION);
        terraform.set("required_providers", emitted.path("required_providers"));
        files.put(VERSIONS, versions);
        checkNoStandIns(module, MAIN, main, substitutions, standIns);
        checkNoStandIns(module, OUTPUTS, files.get(OUTPUTS), substitutions, standIns);
        return files;
    }

    /**
     * What a synthesized stack defines, as {@code resource.TYPE.NAME}, {@code data.TYPE.NAME},
     * {@code locals.NAME} and {@code output.NAME}.
     */
    static java.util.Set<String> addresses(JsonNode stack) {
        java.util.Set<String> addresses = new java.util.TreeSet<>();
        for (String section : List.of("resource", "data")) {
            stack.path(section).fields().forEachRemaining(type -> type.getValue().fieldNames()
                    .forEachRemaining(name -> addresses.add(section + "." + type.getKey() + "." + name)));
        }
        for (String section : List.of("locals", "output")) {
            stack.path(section).fieldNames().forEachRemaining(name -> {
                if (!name.equals("//")) {
                    addresses.add(section + "." + name);
                }
            });
        }
        return addresses;
    }

    private static void drop(ObjectNode document, java.util.Set<String> addresses) {
        for (String address : addresses) {
            String[] parts = address.split("\\.");
            JsonNode section = document.path(parts[0]);
            if (parts.length == 3) {
                JsonNode type = section.path(parts[1]);
                if (type instanceof ObjectNode byName) {
                    byName.remove(parts[2]);
                    if (byName.isEmpty()) {
                        ((ObjectNode) section).remove(parts[1]);
                    }
                }
            } else if (section instanceof ObjectNode byName) {
                byName.remove(parts[1]);
            }
        }
    }

    private static ObjectNode section(ObjectNode document, String name) {
        ObjectNode file = NODES.objectNode();
        file.set(name, document.has(name) ? document.get(name) : NODES.objectNode());
        return file;
    }

    private static JsonNode rewrite(JsonNode node, List<Substitution> substitutions, java.util.Set<Substitution> applied) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.remove("//");
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                object.set(name, rewrite(object.get(name), substitutions, applied));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i), substitutions, applied));
            }
            return array;
        }
        if (node.isTextual()) {
            String text = node.asText();
            for (Substitution substitution : substitutions) {
                String replaced = substitution.apply(text);
                if (!replaced.equals(text)) {
                    applied.add(substitution);
                }
                text = replaced;
            }
            return TextNode.valueOf(text);
        }
        return node;
    }

    // A stand-in that survived (inside an encoded string, or split by a block) would ship a module
    // hard-wired to the generator's values, so generation fails instead.
    private static void checkNoStandIns(String module, String file, JsonNode content, List<Substitution> substitutions,
                                        java.util.Set<String> dropped) {
        String text = content.toString();
        List<String> standIns = new ArrayList<>(List.of(ModuleContext.PROJECT, ModuleContext.ENVIRONMENT,
                ModuleContext.REGION));
        standIns.addAll(ModuleContext.AMIS.values());
        substitutions.stream().filter(s -> s.match() == Substitution.Match.ANYWHERE).map(Substitution::literal)
                .forEach(standIns::add);
        for (String address : dropped) {
            String[] parts = address.split("\\.", 2);
            standIns.add(switch (parts[0]) {
                case "resource" -> parts[1] + ".";
                case "data" -> "data." + parts[1] + ".";
                case "locals" -> "local." + parts[1];
                default -> "\u0000";
            });
        }
        for (String standIn : standIns) {
            if (text.contains(standIn)) {
                int at = text.indexOf(standIn);
                throw new IllegalStateException("module " + module + ": " + file + " still holds the stand-in '"
                        + standIn + "' (at ..." + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 40))
                        + "...); substitute it with a variable expression in the module's definition");
            }
        }
    }
}
