package io.growstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Resource;
import io.growstack.core.ResourceArgs;
import io.growstack.core.StateBackend;
import io.growstack.network.FlowLogs;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import io.growstack.testing.UserDataChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every stack here goes through the real terraform validate and offline plan (provider 5.100.0
 * from the local mirror), through the provider 6.25.0 schema check, and through shellcheck or
 * cloud-init for its user data.
 */
class TerraformRefereeTest {

    private static void referee(Synthesized stack) {
        ProviderSchema.aws6().assertValid(stack.json());
        UserDataChecks.assertClean(stack.json());
        Terraform.assertValidAndPlans(stack);
    }

    @Test
    void aNetworkWithANatInstanceAndFlowLogsValidatesAndPlans() {
        referee(TestStacks.synthStack("tf-nat-instance", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES).flowLogs(FlowLogs.toCloudWatch())
                        .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build()))
                        .build())));
    }

    @Test
    void aNetworkWithAPlainNatInstanceValidatesAndPlans() {
        referee(TestStacks.synthStack("tf-nat-plain-instance", stack -> new Network(stack, "network",
                NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                        .nat(NatProvider.plainInstance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build()))
                        .build())));
    }

    @Test
    void aThreeZoneNetworkWithFailingOverNatInstancesPerZoneValidatesAndPlans() {
        referee(TestStacks.synthStack("tf-nat-instance-per-az", stack -> new Network(stack, "network",
                NetworkProps.builder()
                        .availabilityZones(List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"))
                        .nat(NatProvider.instancePerAz(NatInstanceProps.builder().instanceType("t4g.nano")
                                .ami(TestStacks.ARM_AMI).build()))
                        .build())));
    }

    @Test
    void aThreeZoneNetworkWithNatGatewaysPerZoneValidatesAndPlans() {
        referee(TestStacks.synthStack("tf-nat-gateways", stack -> new Network(stack, "network",
                NetworkProps.builder()
                        .availabilityZones(List.of("ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"))
                        .nat(NatProvider.gateway(NatProvider.GatewayPlacement.PER_AZ)).build())));
    }

    @Test
    void aPublicOnlyNetworkOnTheS3BackendWithASecondRegionValidatesAndPlans() {
        Synthesized s = TestStacks.synth("tf-public-s3", app -> {
            GrowStack stack = new GrowStack(app, "tf-public-s3", GrowStackProps.builder(TestStacks.REGION)
                    .project("test").environment("prod").additionalRegions(List.of("us-east-1"))
                    .backend(StateBackend.s3("test-state", "prod/terraform.tfstate", TestStacks.REGION)).build());
            new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                    .privateSubnets(false).build());
        });
        assertThat(s.json().path("terraform").path("backend").path("s3").path("use_lockfile").asBoolean()).isTrue();
        referee(s);
    }

    @Test
    void aSpotBastionWithAVariableAllowListAndAPrivateServerValidateAndPlan() {
        referee(TestStacks.synthStack("tf-entry-hosts", stack -> {
            Network network = new Network(stack, "network", NetworkProps.builder()
                    .availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build());
            TerraformVariable admins = new TerraformVariable(stack, "admin_cidrs", TerraformVariableConfig.builder()
                    .type("list(string)").defaultValue(List.of("203.0.113.7/32"))
                    .description("CIDR blocks allowed to SSH to the bastion").build());
            Bastion bastion = new Bastion(stack, "bastion", BastionProps.builder(network).ami(TestStacks.X86_AMI)
                    .allowSshFrom(admins.getListValue()).build());
            Server api = new Server(stack, "api", ServerProps.builder(network).ami(TestStacks.ARM_AMI)
                    .userData("#!/bin/bash\nset -euo pipefail\ndnf install -y java-21-amazon-corretto-headless\n").build());
            api.connections().allowFrom(bastion, Port.tcp(22), "SSH from the bastion");
        }));
    }

    @Test
    void theDefaultNetworkWithPlanTimeLookupsValidates() {
        Synthesized s = TestStacks.synthStack("tf-lookups", stack -> new Network(stack, "network"));
        ProviderSchema.aws6().assertValid(s.json());
        Terraform.require();
        Terraform.writeOverride(s);
        assertThat(Terraform.init(s.dir()).ok()).isTrue();
        assertThat(Terraform.validate(s.dir()).ok()).isTrue();
    }

    @Test
    void aMisspelledArgumentFailsValidateAndTheSchemaCheck() {
        Synthesized s = TestStacks.synthStack("tf-misspelled", stack ->
                new Resource(stack, "vpc", new Misspelled("10.0.0.0/16")));
        assertThatThrownBy(() -> ProviderSchema.aws6().assertValid(s.json())).hasMessageContaining("cidr_blok");
        Terraform.require();
        Terraform.writeOverride(s);
        assertThat(Terraform.init(s.dir()).ok()).isTrue();
        var validate = Terraform.validate(s.dir());
        assertThat(validate.ok()).isFalse();
        assertThat(validate.stderr() + validate.stdout()).contains("cidr_blok");
    }

    @Test
    void aMissingRequiredArgumentFailsValidateAndTheSchemaCheck() {
        Synthesized s = TestStacks.synthStack("tf-missing-required", stack ->
                new Resource(stack, "route", new RouteWithoutTable("0.0.0.0/0", "igw-123")));
        assertThatThrownBy(() -> ProviderSchema.aws6().assertValid(s.json())).hasMessageContaining("route_table_id");
        Terraform.require();
        Terraform.writeOverride(s);
        assertThat(Terraform.init(s.dir()).ok()).isTrue();
        var validate = Terraform.validate(s.dir());
        assertThat(validate.ok()).isFalse();
        assertThat(validate.stderr() + validate.stdout()).contains("route_table_id");
    }

    /** An aws_vpc whose argument is misspelled on purpose. */
    record Misspelled(String cidrBlok) implements ResourceArgs {
        @Override
        public String terraformType() {
            return "aws_vpc";
        }
    }

    /** An aws_route without its required route_table_id. */
    record RouteWithoutTable(String destinationCidrBlock, String gatewayId) implements ResourceArgs {
        @Override
        public String terraformType() {
            return "aws_route";
        }
    }
}
