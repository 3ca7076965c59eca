package io.growstack.testing;

import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.delivery.Delivery;
import io.growstack.delivery.DeliveryProps;
import io.growstack.delivery.DeliveryTarget;
import io.growstack.delivery.GitHubOidcProps;
import io.growstack.delivery.GitHubSubject;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.web.StaticSite;
import java.util.function.UnaryOperator;

/** The stacks the delivery tests share: the seed's version-3 host and version-4 blue/green service. */
public final class DeliveryStacks {
    public static final String REPOSITORY = "octo/shop";
    public static final String SCRIPT = "#!/bin/bash\nset -euo pipefail\necho booted >> /var/log/boot-note\n";

    private DeliveryStacks() {
    }

    public static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    /** A blue/green service "api" with a delivery "api-delivery" from main, a plan role and a static site. */
    public static Delivery blueGreen(GrowStack stack, UnaryOperator<DeliveryProps.Builder> more) {
        return blueGreen(stack, network(stack), more);
    }

    public static Delivery blueGreen(GrowStack stack, Network network, UnaryOperator<DeliveryProps.Builder> more) {
        AutoScaledService api = new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(network)
                .ami(TestStacks.ARM_AMI).userData(SCRIPT).deletionProtection(false).blueGreen(true).build());
        StaticSite site = new StaticSite(stack, "site");
        return new Delivery(stack, "api-delivery", more.apply(DeliveryProps.builder(DeliveryTarget.blueGreen(api))
                .github(GitHubOidcProps.builder(GitHubSubject.branch(REPOSITORY, "main")).planRole(true).build())
                .staticSite(site)).build());
    }

    /** The blue/green service and its delivery alone (the state test keeps its stack small). */
    public static Delivery blueGreenWithoutSite(GrowStack stack) {
        Network network = network(stack);
        AutoScaledService api = new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(network)
                .ami(TestStacks.ARM_AMI).userData(SCRIPT).deletionProtection(false).blueGreen(true).build());
        return new Delivery(stack, "api-delivery", DeliveryProps.builder(DeliveryTarget.blueGreen(api))
                .github(GitHubOidcProps.builder(GitHubSubject.branch(REPOSITORY, "main")).build()).build());
    }

    /** The seed's version-3 host with an in-place delivery from the production environment. */
    public static Delivery inPlaceServer(GrowStack stack) {
        Network network = network(stack);
        Server server = new Server(stack, "api", ServerProps.builder(network).ami(TestStacks.ARM_AMI).build());
        return new Delivery(stack, "deploy", DeliveryProps.builder(DeliveryTarget.inPlace(server))
                .github(GitHubOidcProps.builder(GitHubSubject.environment(REPOSITORY, "production"))
                        .existingProviderArn("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")
                        .build())
                .build());
    }
}
