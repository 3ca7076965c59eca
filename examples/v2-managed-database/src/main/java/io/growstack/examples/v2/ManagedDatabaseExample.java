package io.growstack.examples.v2;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Main;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Output;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;

/**
 * The seed's version 2: MySQL moved to RDS (free-tier db.t4g.micro) and a Jenkins host added for
 * CI/CD. History: the API host, Jenkins and the database are all reachable from the internet.
 */
public final class ManagedDatabaseExample {
    /** The stack name. */
    public static final String STACK = "v2-managed-database";
    /** The zones of the network: both offer the seed's t2.micro. */
    public static final java.util.List<String> ZONES = java.util.List.of("ap-northeast-2a", "ap-northeast-2c");

    private ManagedDatabaseExample() {
    }

    /** Defines the stack in {@code app}. */
    public static void define(App app) {
        GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder("ap-northeast-2")
                .project("waba").environment("v2").build());
        // Zones pinned: the seed's hosts are t2.micro, which ap-northeast-2b does not offer, and the second
        // zone of a lookup is ap-northeast-2b. (aws ec2 describe-instance-type-offerings --location-type
        // availability-zone --filters Name=instance-type,Values=t2.micro lists where a type runs.)
        Network network = new Network(stack, "network", NetworkProps.builder()
                .availabilityZones(ZONES).privateSubnets(false).nat(NatProvider.none()).build());

        Server api = new Server(stack, "api", ServerProps.builder(network)
                .tier(SubnetTier.PUBLIC).instanceType("t2.micro").keyName("waba-v2").build());
        api.connections().allowFromAnyIpv4(Port.tcp(80), "HTTP to nginx and the API");
        api.connections().allowFromAnyIpv4(Port.tcp(22), "SSH from anywhere (version 2 history)");

        Server jenkins = new Server(stack, "jenkins", ServerProps.builder(network)
                .tier(SubnetTier.PUBLIC).instanceType("t2.micro").subnetIndex(1).keyName("waba-v2").build());
        jenkins.connections().allowFromAnyIpv4(Port.tcp(8080), "Jenkins UI from anywhere (version 2 history)");
        jenkins.connections().allowFromAnyIpv4(Port.tcp(22), "SSH from anywhere (version 2 history)");

        Database db = new Database(stack, "db", DatabaseProps.builder(network)
                .publiclyAccessibleForSeedVersion2().deletionProtection(false).finalSnapshot(false).build());
        db.connections().allowDefaultPortFrom(api, "MySQL from the API");
        // The seed's database answered the internet: the review flags both of these as high.
        db.connections().allowFromAnyIpv4(Port.tcp(3306), "MySQL from anywhere (version 2 history)");
        new Output(stack, "api-ip", "api_public_ip", api.publicIp(), "The API host's public IP", false);
        new Output(stack, "jenkins-ip", "jenkins_public_ip", jenkins.publicIp(), "The Jenkins host's public IP", false);
        new Output(stack, "db-endpoint", "db_endpoint", db.endpoint(), "The database's host:port", false);
    }

    /** Synthesizes the stack: {@code mvn -q compile exec:java} or {@code cdktf synth}. */
    public static void main(String[] args) {
        System.exit(Main.run(ManagedDatabaseExample::define, args));
    }
}
