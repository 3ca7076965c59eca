package io.growstack.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root module template {@value #FILE}: the modules wired as {@code examples/v4-high-availability}
 * composes its blocks, as far as modules exist for them. Module sources are the only placeholders
 * ({@value #SOURCE_PLACEHOLDER}, which {@link RootInit} resolves); the region is a variable and the
 * backend is partial, completed by {@code terraform init -backend-config}.
 */
final class RootTemplate {
    static final String FILE = "main.tf.json.tmpl";
    /** Stands for where the modules are, such as {@code ./modules} or a Git URL with {@code //modules}. */
    static final String SOURCE_PLACEHOLDER = "{{modules}}";
    /** Example values for {@code terraform.tfvars.example}, by root variable. */
    static final Map<String, Object> EXAMPLES = examples();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RootTemplate() {
    }

    private static Map<String, Object> examples() {
        Map<String, Object> examples = new LinkedHashMap<>();
        examples.put("region", "ap-northeast-2");
        examples.put("project", "shop");
        examples.put("environment", "prod");
        examples.put("availability_zones", List.of("ap-northeast-2a", "ap-northeast-2c"));
        examples.put("admin_cidrs", List.of("203.0.113.7/32"));
        return examples;
    }

    static ObjectNode render(Map<String, Map<String, ObjectNode>> modules) {
        ObjectNode root = NODES.objectNode();
        ObjectNode terraform = root.putObject("terraform");
        JsonNode versions = modules.values().iterator().next().get(ModuleFiles.VERSIONS).path("terraform");
        terraform.set("required_providers", versions.path("required_providers"));
        terraform.putObject("backend").putObject("s3");
        ObjectNode variables = root.putObject("variable");
        variable(variables, "region", "string", "AWS region of every module", "ap-northeast-2");
        variable(variables, "project", "string", "Project name, the first part of every name", null);
        variable(variables, "environment", "string", "Environment name, such as prod", "prod");
        variable(variables, "availability_zones", "list(string)", "The network's two zones in the region", null);
        variable(variables, "admin_cidrs", "list(string)", "CIDR blocks allowed to SSH to the bastion; [] for SSM only",
                null);
        ObjectNode provider = root.putObject("provider").putArray("aws").addObject();
        provider.put("region", "${var.region}");
        ObjectNode tags = provider.putArray("default_tags").addObject().putObject("tags");
        tags.put("Environment", "${var.environment}");
        tags.put("ManagedBy", "growstack");
        tags.put("Project", "${var.project}");

        ObjectNode module = root.putObject("module");
        ObjectNode network = call(module, "network", "network-nat-instance");
        network.put("availability_zones", "${var.availability_zones}");
        ObjectNode bastion = placed(call(module, "bastion", "bastion"));
        bastion.put("admin_cidrs", "${var.admin_cidrs}");
        placed(call(module, "db", "database"));
        call(module, "web", "static-site");
        for (JsonNode call : module) {
            String source = call.path("source").asText().substring(SOURCE_PLACEHOLDER.length() + 1);
            if (!modules.containsKey(source)) {
                throw new IllegalStateException("the root template calls module " + source + ", which is not generated");
            }
        }
        ObjectNode outputs = root.putObject("output");
        output(outputs, "bastion_public_ip", "${module.bastion.public_ip}", "The bastion's public IPv4 address");
        output(outputs, "cloudfront_domain", "${module.web.distribution_domain_name}",
                "The CloudFront distribution's domain name");
        output(outputs, "db_endpoint", "${module.db.endpoint}", "The database's host:port");
        return root;
    }

    private static void variable(ObjectNode variables, String name, String type, String description, Object fallback) {
        ObjectNode variable = variables.putObject(name);
        variable.put("type", type);
        variable.put("description", description);
        if (fallback != null) {
            variable.putPOJO("default", fallback);
        }
    }

    private static ObjectNode call(ObjectNode modules, String name, String module) {
        ObjectNode call = modules.putObject(name);
        call.put("source", SOURCE_PLACEHOLDER + "/" + module);
        call.put("project", "${var.project}");
        call.put("environment", "${var.environment}");
        return call;
    }

    // The network module's outputs, passed as the inputs of a module that places hosts in it.
    private static ObjectNode placed(ObjectNode call) {
        for (String attribute : List.of("vpc_id", "vpc_cidr", "availability_zones", "public_subnet_ids",
                "private_subnet_ids")) {
            call.put(attribute, "${module.network." + attribute + "}");
        }
        return call;
    }

    private static void output(ObjectNode outputs, String name, String value, String description) {
        ObjectNode output = outputs.putObject(name);
        output.put("value", value);
        output.put("description", description);
    }
}
