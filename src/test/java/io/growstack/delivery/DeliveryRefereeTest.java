package io.growstack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.network.Network;
import io.growstack.testing.DeliveryStacks;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import io.growstack.testing.UserDataChecks;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every delivery style through the referees in one stack (one terraform run): the provider 6.25.0
 * schema check, shellcheck on every user data (the agent added), terraform validate and the offline plan.
 */
class DeliveryRefereeTest {

    @Test
    void blueGreenInPlaceAndCopyingDeliveriesValidateAndPlan() {
        Synthesized s = TestStacks.synthStack("tf-delivery", stack -> {
            Network network = DeliveryStacks.network(stack);
            DeliveryStacks.blueGreen(stack, network, UnaryOperator.identity());
            Server host = new Server(stack, "host", ServerProps.builder(network).ami(TestStacks.ARM_AMI)
                    .userData(DeliveryStacks.SCRIPT).build());
            new Delivery(stack, "host-delivery", DeliveryProps.builder(DeliveryTarget.inPlace(host))
                    .github(GitHubOidcProps.builder(GitHubSubject.environment(DeliveryStacks.REPOSITORY, "production"))
                            .existingProviderArn("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
                            .build())
                    .build());
        });
        ProviderSchema.aws6().assertValid(s.json());
        assertThat(UserDataChecks.assertClean(s.json())).as("launch template and host").isEqualTo(2);
        Terraform.assertValidAndPlans(s);
    }

    @Test
    void inPlaceServiceAndCopyingGroupValidateAndPlan() {
        Synthesized s = TestStacks.synthStack("tf-delivery-styles", DeliveryTest::otherStyles);
        ProviderSchema.aws6().assertValid(s.json());
        assertThat(UserDataChecks.assertClean(s.json())).isEqualTo(2);
        Terraform.assertValidAndPlans(s);
    }
}
