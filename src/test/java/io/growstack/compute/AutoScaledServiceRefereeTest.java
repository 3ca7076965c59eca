package io.growstack.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import io.growstack.testing.UserDataChecks;
import org.junit.jupiter.api.Test;

/**
 * The service's stacks through the referees: the provider 6.25.0 schema check, shellcheck on the
 * decoded launch-template user data, and the real terraform validate and offline plan (provider
 * 5.100.0 from the local mirror). Two terraform runs in all: each costs about ten seconds.
 */
class AutoScaledServiceRefereeTest {

    @Test
    void anHttpAndAnHttpsServiceBehindANatInstanceValidateAndPlan() {
        Synthesized s = TestStacks.synthStack("tf-autoscaled", stack -> {
            Network network = new Network(stack, "network", NetworkProps.builder()
                    .availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build());
            new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network).ami(TestStacks.ARM_AMI)
                    .userData(AutoScaledServiceTest.SCRIPT).deletionProtection(false).build());
            AutoScaledService api = new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(network)
                    .ami(TestStacks.ARM_AMI).userData(AutoScaledServiceTest.SCRIPT)
                    .certificateArn(AutoScaledServiceTest.CERTIFICATE).accessLogsBucket("test-alb-logs")
                    .instanceRefresh(false).build());
            Server monitoring = new Server(stack, "monitoring", ServerProps.builder(network)
                    .ami(TestStacks.ARM_AMI).build());
            api.allowManagementFrom(monitoring);
        });
        ProviderSchema.aws6().assertValid(s.json());
        assertThat(UserDataChecks.assertClean(s.json())).as("NAT instance and two launch templates").isEqualTo(3);
        Terraform.assertValidAndPlans(s);
    }

    @Test
    void userDataWithTerraformReferencesValidatesAndPlans() {
        Synthesized s = TestStacks.synthStack("tf-autoscaled-templated", stack -> {
            Network network = new Network(stack, "network", NetworkProps.builder()
                    .availabilityZones(TestStacks.ZONES).nat(NatProvider.none()).build());
            new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network).ami(TestStacks.ARM_AMI)
                    .userData("#!/bin/bash\necho \"VPC_ID=" + network.vpcId() + "\" >> /etc/app.env\n"
                            + "printf 'literal $${HOME} and a\\tb\\n'\n")
                    .build());
        });
        ProviderSchema.aws6().assertValid(s.json());
        Terraform.assertValidAndPlans(s);
    }
}
