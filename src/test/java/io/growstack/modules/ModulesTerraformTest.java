package io.growstack.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.App;
import io.growstack.budget.Budget;
import io.growstack.budget.BudgetProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.ValidationException;
import io.growstack.examples.v4.HighAvailabilityExample;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.ExampleStacks;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Terraform;
import io.growstack.testing.Tools;
import io.growstack.web.StaticSite;
import io.growstack.web.StaticSiteProps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Terraform referees the generated modules, each through a small root that calls it: one root calls
 * every module for {@code validate}; three module roots and the rendered template plan offline; a
 * root whose calls each pass one bad input proves the modules' {@code validation} rejects what the
 * Java API rejects; and the rendered template plans the same resources as the v4 example.
 */
class ModulesTerraformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> NETWORK_INPUTS = Map.of("vpc_id", "vpc-0123456789abcdef0",
            "vpc_cidr", "10.0.0.0/16", "availability_zones", TestStacks.ZONES,
            "public_subnet_ids", List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"),
            "private_subnet_ids", List.of("subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"));
    /** Values for the inputs without a default, by name; any module taking one gets it. */
    private static final Map<String, Object> REQUIRED = required();
    /** The rendered template's inputs without a default, and the images pinned as the example pins them. */
    private static final Map<String, Object> ROOT_VARIABLES = Map.of("project", "waba",
            "availability_zones", TestStacks.ZONES, "admin_cidrs", List.of("203.0.113.7/32"),
            "github_repository", HighAvailabilityExample.REPOSITORY, "prometheus_sha256", "0".repeat(64),
            "x86_64_image_id", TestStacks.X86_AMI.id(), "arm64_image_id", TestStacks.ARM_AMI.id());
    private static Path modules;

    private static Map<String, Object> required() {
        Map<String, Object> values = new LinkedHashMap<>(NETWORK_INPUTS);
        values.put("project", "shop");
        values.put("environment", "prod");
        values.put("image_id", TestStacks.ARM_AMI.id());
        values.put("service_security_group_id", "sg-0ccccccccccccccc1");
        values.put("service_role_name", "shop-prod-api");
        values.put("github_repository", HighAvailabilityExample.REPOSITORY);
        values.put("site_bucket_name", "shop-prod-web-0123");
        values.put("site_bucket_arn", "arn:aws:s3:::shop-prod-web-0123");
        values.put("site_distribution_id", "E2EXAMPLE01234");
        values.put("site_distribution_arn", "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE01234");
        values.put("prometheus_sha256", "0".repeat(64));
        values.put("bastion_security_group_id", "sg-0ddddddddddddddd1");
        values.put("bastion_instance_id", "i-0123456789abcdef0");
        values.put("bastion_public_ip", "203.0.113.10");
        values.put("service_group_names", List.of("shop-prod-api", "shop-prod-api-green"));
        values.put("alb_arn_suffix", "app/shop-prod-api/0123456789abcdef");
        values.put("limit_amount_usd", 49.5);
        values.put("emails", List.of("ops@example.com", "cto@example.com"));
        return values;
    }

    @BeforeAll
    static void generate() {
        Path out = TestStacks.freshDir("modules-generated");
        ModuleGenerator.write(out);
        modules = out.resolve(ModuleGenerator.MODULES_DIR);
    }

    @Test
    void everyModuleValidatesThroughARootThatCallsItAndKeepsToTheSixXSchema() throws IOException {
        Terraform.require();
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        for (ModuleDefinition module : Modules.all()) {
            calls.put(module.name().replace('-', '_'), validInputs(module.name()));
            ProviderSchema.aws6().assertValid(JSON.readTree(modules.resolve(module.name()).resolve(ModuleFiles.MAIN)
                    .toFile()));
        }
        Path root = root("modules-validate", calls);
        ok(Terraform.init(root));
        ok(Terraform.validate(root));
    }

    @Test
    void theNatInstanceNetworkDatabaseAndStaticSiteModulesPlanOffline() throws IOException {
        Terraform.require();
        for (String module : List.of("network-nat-instance", "database", "static-site")) {
            Path root = root("modules-plan-" + module, Map.of("it", validInputs(module)));
            ok(Terraform.init(root));
            assertThat(Terraform.planAdds(root)).as(module).isEqualTo(singleResources(module));
        }
    }

    @Test
    void validationRejectsWhatTheJavaPropsReject() throws IOException {
        Terraform.require();
        // The Java API rejects each value at construction ...
        assertThatThrownBy(() -> network(NetworkProps.builder().cidr("10.0.0.0/15").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'cidr'");
        assertThatThrownBy(() -> network(NetworkProps.builder().cidr("10.0.0.1/16").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'cidr'");
        assertThatThrownBy(() -> new GrowStack(new App(), "s", GrowStackProps.builder(TestStacks.REGION)
                .project("Shop").build())).isInstanceOf(ValidationException.class).hasMessageContaining("'project'");
        assertThatThrownBy(() -> new GrowStack(new App(), "s", GrowStackProps.builder(TestStacks.REGION)
                .project("shop").environment("prod-").build())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'environment'");
        assertThatThrownBy(() -> new Bastion(TestStacks.stack(new App(), "b"), "bastion", BastionProps.builder(
                Network.fromAttributes("vpc-1", "10.0.0.0/16", TestStacks.ZONES, List.of("subnet-1", "subnet-2"),
                        List.of())).allowSshFrom(List.of("0.0.0.0/0")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("0.0.0.0/0");
        assertThatThrownBy(() -> new StaticSite(TestStacks.stack(new App(), "site"), "web",
                StaticSiteProps.builder().priceClass("PriceClass_300").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("PriceClass_300");
        assertThatThrownBy(() -> new Budget(TestStacks.stack(new App(), "budget"), "budget",
                BudgetProps.builder("ops@example.com").limitAmountUsd(0).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'limitAmountUsd' is '0'");
        assertThatThrownBy(() -> new Budget(TestStacks.stack(new App(), "budget"), "budget",
                BudgetProps.builder("ops@example").limitAmountUsd(50).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'emails' is 'ops@example'");
        // ... and each module refuses it: one call per bad input, all judged by one validate.
        Map<String, List<Object>> cases = new LinkedHashMap<>();
        cases.put("cidr must have a prefix between /16", List.of("network-no-nat", "cidr", "10.0.0.0/15"));
        cases.put("cidr must be an IPv4 CIDR block with zero host bits", List.of("network-no-nat", "cidr", "10.0.0.1/16"));
        cases.put("availability_zones must name 2 distinct zones", List.of("network-nat-gateway", "availability_zones",
                List.of("ap-northeast-2a", "ap-northeast-2a")));
        cases.put("project must be 1-16 lowercase letters", List.of("static-site", "project", "Shop"));
        cases.put("environment must be 1-8 lowercase letters", List.of("server", "environment", "prod-"));
        cases.put("price_class must be PriceClass_100", List.of("static-site", "price_class", "PriceClass_300"));
        cases.put("admin_cidrs must not allow everyone", List.of("bastion", "admin_cidrs",
                List.of("0.0.0.0/1", "128.0.0.0/1")));
        cases.put("Each entry of admin_cidrs must be a CIDR block", List.of("bastion", "admin_cidrs", List.of("203.0.113.7")));
        cases.put("instance_type must be an x86_64 instance type", List.of("bastion", "instance_type", "t4g.nano"));
        cases.put("instance_type must be an arm64 (Graviton) instance type", List.of("service", "instance_type", "t3.micro"));
        cases.put("nat_instance_type must be an x86_64 instance type", List.of("network-nat-instance",
                "nat_instance_type", "t3.tiny"));
        cases.put("instance_class must be an RDS instance class", List.of("database", "instance_class", "m5.large"));
        cases.put("node_type must be an ElastiCache node type", List.of("cache", "node_type", "t4g.micro"));
        cases.put("Each value of allowed_security_groups must be a security group id", List.of("cache",
                "allowed_security_groups", Map.of("peer", "i-0123456789abcdef0")));
        cases.put("image_id must be an AMI id", List.of("server", "image_id", "ami-123"));
        cases.put("github_repository must be owner/name", List.of("delivery-blue-green", "github_repository", "waba"));
        cases.put("prometheus_sha256 must be 64 lowercase hexadecimal digits", List.of("monitoring",
                "prometheus_sha256", "sha256:abc"));
        cases.put("limit_amount_usd must be a positive amount", List.of("budget", "limit_amount_usd", 0));
        cases.put("Each entry of emails must be an email address", List.of("budget", "emails", List.of("ops@example")));
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        int n = 0;
        for (List<Object> rejected : cases.values()) {
            Map<String, Object> inputs = new LinkedHashMap<>(validInputs((String) rejected.get(0)));
            inputs.put((String) rejected.get(1), rejected.get(2));
            calls.put("case_" + ++n, inputs);
        }
        Path root = root("modules-rejects", calls);
        ok(Terraform.init(root));
        Tools.ProcessResult validate = Terraform.run(root, "validate", "-json", "-no-color");
        assertThat(validate.ok()).as(validate.describe()).isFalse();
        Map<String, String> refusals = new TreeMap<>();
        JSON.readTree(validate.stdout()).path("diagnostics").forEach(d -> {
            String detail = d.path("detail").asText();
            java.util.regex.Matcher call = java.util.regex.Pattern.compile("modules/(case_\\d+)/").matcher(detail);
            assertThat(call.find()).as("a refusal of a bad input's call: " + detail).isTrue();
            refusals.merge(call.group(1), detail, (a, b) -> a + "\n" + b);
        });
        int i = 0;
        for (String message : cases.keySet()) {
            String call = "case_" + ++i;
            assertThat(refusals.get(call)).as(call + " refuses " + cases.get(message)).contains(message);
        }
        assertThat(refusals).hasSize(cases.size());
    }

    @Test
    void theRenderedTemplatePlansOfflineTheV4ExamplesResourceTypesInTheSameNumbers() throws IOException {
        Terraform.require();
        Path root = TestStacks.freshDir("modules-rendered-root");
        RootInit.write(root, null);
        JsonNode template = JSON.readTree(root.resolve(RootInit.MAIN).toFile());
        io.growstack.terraform.Terraform.writeOverride(root, io.growstack.terraform.Terraform.OVERRIDE_FILE, template,
                ROOT_VARIABLES);
        ok(Terraform.init(root));
        ok(Terraform.validate(root));
        Map<String, Integer> fromModules = plannedTypes(root);

        TestStacks.Synthesized v4 = ExampleStacks.synth("modules-v4", HighAvailabilityExample::define);
        Terraform.writeOverride(v4, Map.of("admin_cidrs", List.of("203.0.113.7/32"), "prometheus_sha256", "0".repeat(64)));
        ok(Terraform.init(v4.dir()));
        Map<String, Integer> fromJava = plannedTypes(v4.dir());
        assertThat(fromModules).isEqualTo(fromJava);
    }

    // Resource types the offline plan would create, with how many of each.
    private static Map<String, Integer> plannedTypes(Path dir) throws IOException {
        Tools.ProcessResult plan = Terraform.run(dir, "plan", "-refresh=false", "-input=false", "-lock=false",
                "-no-color", "-out=modules.tfplan");
        ok(plan);
        Tools.ProcessResult show = Terraform.run(dir, "show", "-json", "-no-color", "modules.tfplan");
        ok(show);
        Map<String, Integer> types = new TreeMap<>();
        for (JsonNode change : JSON.readTree(show.stdout()).path("resource_changes")) {
            if (change.path("change").path("actions").toString().equals("[\"create\"]")) {
                types.merge(change.path("type").asText(), 1, Integer::sum);
            }
        }
        return types;
    }

    // Resources without for_each or count each plan one instance; the for_each rules over the
    // default {} plan none.
    private static int singleResources(String module) throws IOException {
        int count = 0;
        for (JsonNode byType : JSON.readTree(modules.resolve(module).resolve(ModuleFiles.MAIN).toFile()).path("resource")) {
            for (JsonNode resource : byType) {
                if (!resource.has("for_each") && !resource.has("count")) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void network(NetworkProps props) {
        new Network(TestStacks.stack(new App(), "net"), "network", props);
    }

    private static Map<String, Object> validInputs(String module) throws IOException {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("source", modules.resolve(module).toAbsolutePath().toString());
        JsonNode variables = JSON.readTree(modules.resolve(module).resolve(ModuleFiles.VARIABLES).toFile())
                .path("variable");
        variables.fields().forEachRemaining(variable -> {
            if (!variable.getValue().has("default")) {
                Object value = REQUIRED.get(variable.getKey());
                assertThat(value).as(module + " input " + variable.getKey()).isNotNull();
                inputs.put(variable.getKey(), variable.getKey().equals("image_id") && module.startsWith("network-")
                        || variable.getKey().equals("image_id") && module.equals("bastion") ? TestStacks.X86_AMI.id()
                        : value);
            }
        });
        return inputs;
    }

    // A root module: the calls, one AWS provider and the offline override (mock credentials, dead endpoints).
    private static Path root(String name, Map<String, Map<String, Object>> calls) throws IOException {
        Path dir = TestStacks.freshDir(name);
        Files.createDirectories(dir);
        ObjectNode root = JSON.createObjectNode();
        root.set("module", JSON.valueToTree(calls));
        root.putObject("provider").putArray("aws").addObject().put("region", TestStacks.REGION);
        Files.writeString(dir.resolve("main.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        io.growstack.terraform.Terraform.writeOverride(dir, io.growstack.terraform.Terraform.OVERRIDE_FILE, root, Map.of());
        return dir;
    }

    private static void ok(Tools.ProcessResult result) {
        assertThat(result.ok()).as(result.describe()).isTrue();
    }
}
