package io.growstack.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.growstack.core.Ami;
import io.growstack.core.Architecture;
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
        examples.put("github_repository", "waba-team/waba-backend");
        examples.put("prometheus_sha256", "<sha256 of prometheus-" + MonitoringModule.PROMETHEUS_VERSION
                + ".linux-arm64.tar.gz from the release's sha256sums.txt>");
        return examples;
    }

    static ObjectNode render(Map<String, Map<String, ObjectNode>> modules) {
        ObjectNode root = NODES.objectNode();
        ObjectNode terraform = root.putObject("terraform");
        JsonNode versions = modules.values().iterator().next().get(ModuleFiles.VERSIONS).path("terraform");
        terraform.set("required_version", versions.path("required_version"));
        terraform.set("required_providers", versions.path("required_providers"));
        terraform.putObject("backend").putObject("s3");
        ObjectNode variables = root.putObject("variable");
        variable(variables, "region", "string", "AWS region of every module", "ap-northeast-2");
        variable(variables, "project", "string", "Project name, the first part of every name", null);
        variable(variables, "environment", "string", "Environment name, such as prod", "prod");
        variable(variables, "availability_zones", "list(string)", "The network's two zones in the region", null);
        variable(variables, "admin_cidrs", "list(string)", "CIDR blocks allowed to SSH to the bastion; [] for SSM only",
                null);
        variable(variables, "github_repository", "string", "The GitHub repository (owner/name) whose main branch"
                + " deploys the API and the site", null);
        variable(variables, "prometheus_sha256", "string", "SHA-256 of prometheus-" + MonitoringModule.PROMETHEUS_VERSION
                + ".linux-arm64.tar.gz, copied from the release's sha256sums.txt", null);
        for (Architecture architecture : List.of(Architecture.X86_64, Architecture.ARM64)) {
            String name = imageVariable(architecture);
            ObjectNode variable = variables.putObject(name);
            variable.put("type", "string");
            variable.put("description", "AMI id of the " + architecture.awsName() + " hosts; null (the default)"
                    + " reads the latest Amazon Linux 2023 from AWS's public SSM parameter at plan time");
            variable.putNull("default");
        }
        ObjectNode lookups = root.putObject("data").putObject("aws_ssm_parameter");
        ObjectNode images = root.putObject("locals");
        for (Architecture architecture : List.of(Architecture.X86_64, Architecture.ARM64)) {
            String name = imageVariable(architecture);
            ObjectNode lookup = lookups.putObject(architecture.awsName());
            lookup.put("count", "${var." + name + " == null ? 1 : 0}");
            lookup.put("name", Ami.amazonLinux2023Parameter(architecture));
            images.put(name, "${var." + name + " != null ? var." + name + " : data.aws_ssm_parameter."
                    + architecture.awsName() + "[0].insecure_value}");
        }
        ObjectNode provider = root.putObject("provider").putArray("aws").addObject();
        provider.put("region", "${var.region}");
        ObjectNode tags = provider.putArray("default_tags").addObject().putObject("tags");
        tags.put("Environment", "${var.environment}");
        tags.put("ManagedBy", "growstack");
        tags.put("Project", "${var.project}");

        ObjectNode module = root.putObject("module");
        ObjectNode network = call(module, "network", "network-nat-instance");
        network.put("availability_zones", "${var.availability_zones}");
        network.put("image_id", "${local.x86_64_image_id}");
        ObjectNode bastion = placed(call(module, "bastion", "bastion"));
        bastion.put("admin_cidrs", "${var.admin_cidrs}");
        bastion.put("image_id", "${local.x86_64_image_id}");
        ObjectNode api = placed(call(module, "api", "delivery-blue-green"));
        api.put("image_id", "${local.arm64_image_id}");
        api.put("github_repository", "${var.github_repository}");
        for (String site : List.of("bucket_name", "bucket_arn", "distribution_id", "distribution_arn")) {
            api.put("site_" + site, "${module.web." + site + "}");
        }
        placed(call(module, "test_server", "server")).put("image_id", "${local.arm64_image_id}");
        ObjectNode db = placed(call(module, "db", "database"));
        db.put("service_security_group_id", "${module.api.security_group_id}");
        db.put("service_role_name", "${module.api.role_name}");
        db.putObject(PeerAccess.VARIABLE).put("test_server", "${module.test_server.security_group_id}");
        call(module, "web", "static-site");
        ObjectNode monitoring = placed(call(module, "monitoring", "monitoring"));
        monitoring.put("image_id", "${local.arm64_image_id}");
        monitoring.put("prometheus_sha256", "${var.prometheus_sha256}");
        monitoring.put("bastion_security_group_id", "${module.bastion.security_group_id}");
        monitoring.put("bastion_instance_id", "${module.bastion.instance_id}");
        monitoring.put("bastion_public_ip", "${module.bastion.public_ip}");
        monitoring.put("service_security_group_id", "${module.api.security_group_id}");
        monitoring.put("service_group_names", "${module.api.group_names}");
        monitoring.put("alb_arn_suffix", "${module.api.alb_arn_suffix}");
        for (JsonNode call : module) {
            String source = call.path("source").asText().substring(SOURCE_PLACEHOLDER.length() + 1);
            if (!modules.containsKey(source)) {
                throw new IllegalStateException("the root template calls module " + source + ", which is not generated");
            }
        }
        ObjectNode outputs = root.putObject("output");
        output(outputs, "alb_dns_name", "${module.api.alb_dns_name}", "The load balancer's DNS name");
        output(outputs, "bastion_public_ip", "${module.bastion.public_ip}", "The bastion's public IPv4 address");
        output(outputs, "cloudfront_domain", "${module.web.distribution_domain_name}",
                "The CloudFront distribution's domain name");
        output(outputs, "db_endpoint", "${module.db.endpoint}", "The database's host:port");
        // growstack delivery-files --terraform-outputs renders the appspec and workflows from this output.
        output(outputs, "growstack_delivery_delivery", "${module.api.growstack_delivery_delivery}",
                "What growstack delivery-files renders the appspec, hook scripts and workflows from");
        output(outputs, "deploy_role_arn", "${module.api.deploy_role_arn}",
                "The role the GitHub workflow assumes to deploy");
        return root;
    }

    private static String imageVariable(Architecture architecture) {
        return architecture.awsName() + "_image_id";
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
