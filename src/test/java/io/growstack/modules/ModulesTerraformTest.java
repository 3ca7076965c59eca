package io.growstack.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hashicorp.cdktf.App;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.ValidationException;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Terraform referees the generated modules: each through a small root that calls it. One root
 * calls every module for {@code validate}; three roots plan offline; a root with one bad input
 * at a time proves each module's {@code validation} rejects what the Java API rejects.
 */
class ModulesTerraformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> NETWORK_INPUTS = Map.of("vpc_id", "vpc-0123456789abcdef0",
            "vpc_cidr", "10.0.0.0/16", "availability_zones", TestStacks.ZONES,
            "public_subnet_ids", List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"),
            "private_subnet_ids", List.of("subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"));
    private static Path modules;

    @BeforeAll
    static void generate() {
        Path out = TestStacks.freshDir("modules-generated");
        ModuleGenerator.write(out);
        modules = out.resolve(ModuleGenerator.MODULES_DIR);
    }

    @Test
    void everyModuleValidatesThroughARootThatCallsIt() throws IOException {
        Terraform.require();
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        for (ModuleDefinition module : Modules.all()) {
            calls.put(module.name().replace('-', '_'), validInputs(module.name()));
        }
        Path root = root("modules-validate", calls);
        ok(Terraform.init(root));
        ok(Terraform.validate(root));
    }

    @Test
    void theNetworkGatewayDatabaseAndStaticSiteModulesPlanOffline() throws IOException {
        Terraform.require();
        for (String module : List.of("network-nat-gateway", "database", "static-site")) {
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
        assertThatThrownBy(() -> new GrowStack(new App(), "s", GrowStackProps.builder("ap-northeast-2")
                .project("Shop").build())).isInstanceOf(ValidationException.class).hasMessageContaining("'project'");
        assertThatThrownBy(() -> new GrowStack(new App(), "s", GrowStackProps.builder("ap-northeast-2")
                .project("shop").environment("prod-").build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Bastion(TestStacks.stack(new App(), "b"), "bastion", BastionProps.builder(
                Network.fromAttributes("vpc-1", "10.0.0.0/16", TestStacks.ZONES, List.of("subnet-1", "subnet-2"),
                        List.of())).allowSshFrom(List.of("0.0.0.0/0")).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("0.0.0.0/0");
        assertThatThrownBy(() -> new StaticSite(TestStacks.stack(new App(), "site"), "web",
                StaticSiteProps.builder().priceClass("PriceClass_300").build()))
                .isInstanceOf(ValidationException.class);
        // ... and the module's validation refuses it before Terraform plans anything.
        Map<String, List<Object>> cases = new LinkedHashMap<>();
        cases.put("cidr must have a prefix between /16", List.of("network-no-nat", "cidr", "10.0.0.0/15"));
        cases.put("cidr must be an IPv4 CIDR block with zero host bits", List.of("network-no-nat", "cidr", "10.0.0.1/16"));
        cases.put("availability_zones must name 2 distinct zones", List.of("network-no-nat", "availability_zones",
                List.of("ap-northeast-2a", "ap-northeast-2a")));
        cases.put("project must be 1-16 lowercase letters", List.of("static-site", "project", "Shop"));
        cases.put("environment must be 1-8 lowercase letters", List.of("static-site", "environment", "prod-"));
        cases.put("price_class must be PriceClass_100", List.of("static-site", "price_class", "PriceClass_300"));
        cases.put("admin_cidrs must not allow everyone", List.of("bastion", "admin_cidrs", List.of("0.0.0.0/1", "128.0.0.0/1")));
        cases.put("Each entry of admin_cidrs must be a CIDR block", List.of("bastion", "admin_cidrs", List.of("203.0.113.7")));
        cases.put("instance_type must be an x86_64 instance type", List.of("bastion", "instance_type", "t4g.nano"));
        cases.put("instance_class must be an RDS instance class", List.of("database", "instance_class", "m5.large"));
        cases.put("node_type must be an ElastiCache node type", List.of("cache", "node_type", "t4g.micro"));
        Path root = null;
        for (Map.Entry<String, List<Object>> rejected : cases.entrySet()) {
            String module = (String) rejected.getValue().get(0);
            Map<String, Object> inputs = new LinkedHashMap<>(validInputs(module));
            inputs.put((String) rejected.getValue().get(1), rejected.getValue().get(2));
            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            for (String name : List.of("network-no-nat", "static-site", "bastion", "database", "cache")) {
                calls.put(name.replace('-', '_'), name.equals(module) ? inputs : validInputs(name));
            }
            root = root("modules-rejects", calls, root != null);
            if (!Files.isDirectory(root.resolve(".terraform"))) {
                ok(Terraform.init(root));
            }
            Tools.ProcessResult plan = Terraform.plan(root);
            assertThat(plan.ok()).as(rejected.getKey()).isFalse();
            assertThat(plan.stdout()).as(plan.describe()).contains(rejected.getKey());
        }
    }

    // Resources without for_each or count each plan one instance; the for_each rules over the
    // default [] plan none.
    private static int singleResources(String module) throws IOException {
        int count = 0;
        for (var byType : JSON.readTree(modules.resolve(module).resolve(ModuleFiles.MAIN).toFile()).path("resource")) {
            for (var resource : byType) {
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

    private static Map<String, Object> validInputs(String module) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("source", modules.resolve(module).toAbsolutePath().toString());
        inputs.put("project", "shop");
        inputs.put("environment", "prod");
        if (module.startsWith("network-")) {
            inputs.put("availability_zones", TestStacks.ZONES);
        } else if (!module.equals("static-site")) {
            inputs.putAll(NETWORK_INPUTS);
        }
        return inputs;
    }

    private static Path root(String name, Map<String, Map<String, Object>> calls) throws IOException {
        return root(name, calls, false);
    }

    // A root module: the calls, one AWS provider and the offline override (mock credentials, dead endpoints).
    private static Path root(String name, Map<String, Map<String, Object>> calls, boolean keep) throws IOException {
        Path dir = keep ? Path.of("target", "test-stacks", name).toAbsolutePath() : TestStacks.freshDir(name);
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
