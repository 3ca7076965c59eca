package io.growstack.core;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import org.junit.jupiter.api.Test;

class AwsNamesTest {
    private static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    @Test
    void aProjectNamedInternalCannotNameALoadBalancer() {
        // CreateLoadBalancer: "must not begin with internal-"
        // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
        assertThatThrownBy(() -> Synthesizer.synth(TestStacks.freshDir("names-internal"), app -> {
            GrowStack internal = new GrowStack(app, "internal-app",
                    GrowStackProps.builder(TestStacks.REGION).project("internal").environment("prod").build());
            new AutoScaledService(internal, "api", AutoScaledServiceProps.builder(network(internal))
                    .ami(TestStacks.ARM_AMI).build());
        })).isInstanceOf(ValidationException.class).hasMessage("internal-app/api: property 'id' is 'internal-prod-api':"
                + " expected a load balancer name of 1-32 letters, digits or hyphens, not starting or ending with a"
                + " hyphen and not starting with internal- (Elastic Load Balancing's rule); it is"
                + " <project>-<environment>-<id>, so rename the project or shorten the id");
    }

    @Test
    void anIamRoleNameOverSixtyFourCharactersIsRejectedAtConstruction() {
        // CreateRole: RoleName is 1-64 characters of [\w+=,.@-]
        // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
        String id = "a-server-whose-construct-id-is-far-too-long-for-iam-roles";
        assertRejected("names-iam", stack -> new Server(stack, id, ServerProps.builder(network(stack))
                        .ami(TestStacks.ARM_AMI).build()),
                "app/" + id + ": property 'id' is 'test-dev-" + id + "': expected an IAM name of 1-64 letters, digits"
                        + " and +=,.@_- (IAM's rule); it is built from the project, the environment and the construct"
                        + " id, so shorten one of them");
    }
}
