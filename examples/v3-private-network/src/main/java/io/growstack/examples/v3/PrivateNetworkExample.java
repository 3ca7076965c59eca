package io.growstack.examples.v3;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Main;
import io.growstack.compute.ReverseProxy;
import io.growstack.compute.ReverseProxyProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Output;
import io.growstack.core.Variable;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.delivery.Delivery;
import io.growstack.delivery.DeliveryProps;
import io.growstack.delivery.DeliveryTarget;
import io.growstack.delivery.GitHubOidcProps;
import io.growstack.delivery.GitHubSubject;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;

/**
 * The seed's version 3: a /16 VPC with two public and two private subnets and two route tables, a
 * NAT gateway for the private tier, one entry point (an nginx reverse proxy that is also the
 * bastion), the API host and RDS in private subnets, and deploys from GitHub Actions through S3
 * and CodeDeploy in place, with no SSH and no stored keys.
 */
public final class PrivateNetworkExample {
    /** The stack name. */
    public static final String STACK = "v3-private-network";
    /** The repository whose main branch may deploy. */
    public static final String REPOSITORY = "waba-team/waba-backend";

    private PrivateNetworkExample() {
    }

    /** Defines the stack in {@code app}. */
    public static void define(App app) {
        GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder("ap-northeast-2")
                .project("waba").environment("v3").build());
        Network network = new Network(stack, "network", NetworkProps.builder()
                .nat(NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE)).build());
        // Terraform rejects 0.0.0.0/0, ::/0 and sets covering everything before it plans (the variable's validation).
        Variable admins = Variable.cidrAllowList(stack, "admin_cidrs", "CIDR blocks allowed to SSH to the reverse proxy (the bastion)");

        Server api = new Server(stack, "api", ServerProps.builder(network).instanceType("t2.micro").build());
        ReverseProxy proxy = new ReverseProxy(stack, "proxy", ReverseProxyProps.builder(network)
                .addUpstream(api, 8080).allowSshFrom(admins.listRef()).build());
        api.connections().allowFrom(proxy, Port.tcp(22), "SSH through the proxy, the seed's bastion");

        Database db = new Database(stack, "db", DatabaseProps.builder(network).build());
        db.connections().allowDefaultPortFrom(api, "MySQL from the API");

        new Delivery(stack, "delivery", DeliveryProps.builder(DeliveryTarget.inPlace(api))
                .github(GitHubOidcProps.builder(GitHubSubject.branch(REPOSITORY, "main")).build()).build());
        new Output(stack, "proxy-ip", "proxy_public_ip", proxy.publicIp(), "The reverse proxy's public IP", false);
        new Output(stack, "db-endpoint", "db_endpoint", db.endpoint(), "The database's host:port", false);
    }

    /** Synthesizes the stack: {@code mvn -q compile exec:java} or {@code cdktf synth}. */
    public static void main(String[] args) {
        System.exit(Main.run(PrivateNetworkExample::define, args));
    }
}
