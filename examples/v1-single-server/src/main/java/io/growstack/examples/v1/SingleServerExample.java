package io.growstack.examples.v1;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Main;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Output;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;

/**
 * The seed's version 1: one free-tier t2.micro in a public subnet running the Spring API, MySQL
 * and nginx serving the React build. History, kept to show what the later versions fix: SSH is
 * open to the world and everything shares one vCPU.
 */
public final class SingleServerExample {
    /** The stack name, also the folder under cdktf.out/stacks. */
    public static final String STACK = "v1-single-server";

    /** What the box installs at first boot (MariaDB stands in for MySQL on Amazon Linux 2023). */
    static final String USER_DATA = """
            #cloud-config
            packages:
              - nginx
              - java-21-amazon-corretto-headless
              - mariadb105-server
            runcmd:
              - [systemctl, enable, --now, nginx]
              - [systemctl, enable, --now, mariadb]
            """;

    private SingleServerExample() {
    }

    /** Defines the stack in {@code app}. */
    public static void define(App app) {
        GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder("ap-northeast-2")
                .project("waba").environment("v1").build());
        Network network = new Network(stack, "network", NetworkProps.builder()
                .privateSubnets(false).nat(NatProvider.none()).build());
        Server server = new Server(stack, "server", ServerProps.builder(network)
                .tier(SubnetTier.PUBLIC).instanceType("t2.micro").elasticIp(true)
                .keyName("waba-v1").userData(USER_DATA).rootVolumeGb(20).build());
        server.connections().allowFromAnyIpv4(Port.tcp(80), "HTTP to nginx");
        server.connections().allowFromAnyIpv4(Port.tcp(443), "HTTPS to nginx");
        // The seed deployed by SSH from anywhere with a key pair: the review flags this as high.
        server.connections().allowFromAnyIpv4(Port.tcp(22), "SSH from anywhere (version 1 history)");
        new Output(stack, "server-ip", "server_public_ip", server.publicIp(), "The box's Elastic IP", false);
    }

    /** Synthesizes the stack: {@code mvn -q compile exec:java} or {@code cdktf synth}. */
    public static void main(String[] args) {
        System.exit(Main.run(SingleServerExample::define, args));
    }
}
