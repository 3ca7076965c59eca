package io.growstack.examples.v3lean;

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
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;

/**
 * The seed's cost pass on version 3: the load-tested ARM t4g.micro API host, a t3.nano NAT
 * instance instead of the NAT gateway, and a t3.micro reverse proxy that is also the bastion.
 * Everything else as in v3-private-network.
 */
public final class LeanNatExample {
    /** The stack name. */
    public static final String STACK = "v3-lean-nat";
    /** The repository whose main branch may deploy. */
    public static final String REPOSITORY = "waba-team/waba-backend";

    private LeanNatExample() {
    }

    /** Defines the stack in {@code app}. */
    public static void define(App app) {
        GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder("ap-northeast-2")
                .project("waba").environment("v3lean").build());
        Network network = new Network(stack, "network", NetworkProps.builder()
                .nat(NatProvider.instance(NatInstanceProps.builder().instanceType("t3.nano").build())).build());
        // Terraform rejects 0.0.0.0/0, ::/0 and sets covering everything before it plans (the variable's validation).
        Variable admins = Variable.cidrAllowList(stack, "admin_cidrs", "CIDR blocks allowed to SSH to the reverse proxy (the bastion)");

        Server api = new Server(stack, "api", ServerProps.builder(network).instanceType("t4g.micro").build());
        ReverseProxy proxy = new ReverseProxy(stack, "proxy", ReverseProxyProps.builder(network)
                .instanceType("t3.micro").addUpstream(api, 8080).allowSshFrom(admins.listRef()).build());
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
        System.exit(Main.run(LeanNatExample::define, args));
    }
}
