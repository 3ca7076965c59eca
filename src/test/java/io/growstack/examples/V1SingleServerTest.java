package io.growstack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.examples.v1.SingleServerExample;
import io.growstack.testing.ExampleStacks;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.UserDataChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class V1SingleServerTest {
    private static final String NAME = "v1-single-server";
    private static Synthesized stack;

    @BeforeAll
    static void synth() {
        stack = ExampleStacks.synth(NAME, SingleServerExample::define);
    }

    @Test
    void oneFreeTierT2MicroInAPublicSubnetWithNoPrivateTierAndNoNat() {
        assertThat(ExampleStacks.instanceTypes(stack.json())).containsExactly("t2.micro");
        assertThat(stack.resource("aws_instance", "server_instance").path("subnet_id").asText()).contains("public-subnet");
        assertThat(stack.count("aws_subnet")).isEqualTo(2);
        assertThat(stack.count("aws_route_table")).isEqualTo(1);
        assertThat(stack.count("aws_nat_gateway") + stack.count("aws_vpc_endpoint")).isZero();
        assertThat(UserDataChecks.assertClean(stack.json())).isEqualTo(1);
    }

    @Test
    void itsKnownExposureIsSshFromTheWorld() {
        assertThat(SecurityGroupWalk.violations(stack.json()))
                .singleElement().asString().contains("ingress-tcp-22-from-anywhere");
    }

    @Test
    void terraformValidatesAndPlansIt() {
        ProviderSchema.aws6().assertValid(stack.json());
        Terraform.assertValidAndPlans(stack);
    }

    @Test
    void itsAddressesAreThePublicContractAndItsOutputIsDeterministic() {
        ExampleStacks.assertAddressesMatchGolden(NAME, java.util.Map.of(SingleServerExample.STACK, stack));
        ExampleStacks.assertDeterministic(NAME, SingleServerExample::define);
    }
}
