package io.growstack.examples.v4;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.cli.Main;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.Architecture;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Output;
import io.growstack.core.Variable;
import io.growstack.core.Suppressions;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.delivery.Delivery;
import io.growstack.delivery.DeliveryProps;
import io.growstack.delivery.DeliveryTarget;
import io.growstack.delivery.GitHubOidcProps;
import io.growstack.delivery.GitHubSubject;
import io.growstack.monitoring.Monitoring;
import io.growstack.monitoring.MonitoringProps;
import io.growstack.monitoring.PrometheusRelease;
import io.growstack.network.Network;
import io.growstack.web.StaticSite;

/**
 * The seed's version 4, its final architecture: an ALB in front of an Auto Scaling group (1..6
 * t4g.micro at 90 % CPU) deployed blue/green by CodeDeploy, the React build on CloudFront + S3, a
 * spot t3.nano bastion, a t3.nano NAT instance, RDS MySQL, a t4g.small Prometheus + Grafana host
 * reached through the bastion, and the second t4g.micro "test server".
 */
public final class HighAvailabilityExample {
    /** The stack name. */
    public static final String STACK = "v4-high-availability";
    /** The repository whose main branch may deploy. */
    public static final String REPOSITORY = "waba-team/waba-backend";
    /** The Prometheus release the monitoring host installs. */
    public static final String PROMETHEUS_VERSION = "3.9.1";

    private HighAvailabilityExample() {
    }

    /** Defines the stack in {@code app}. */
    public static void define(App app) {
        GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder("ap-northeast-2")
                .project("waba").environment("prod").build());
        Network network = new Network(stack, "network");
        // Terraform rejects 0.0.0.0/0, ::/0 and sets covering everything before it plans (the variable's validation).
        Variable admins = Variable.cidrAllowList(stack, "admin_cidrs", "CIDR blocks allowed to SSH to the bastion; [] for SSM only");
        TerraformVariable prometheusSha256 = new TerraformVariable(stack, "prometheus_sha256",
                TerraformVariableConfig.builder().type("string").description("SHA-256 of prometheus-"
                        + PROMETHEUS_VERSION + ".linux-arm64.tar.gz, copied from the release's sha256sums.txt")
                        .build());

        Bastion bastion = new Bastion(stack, "bastion", BastionProps.builder(network)
                .allowSshFrom(admins.listRef()).build());

        AutoScaledService api = new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(network)
                .blueGreen(true).build());
        Suppressions.add(api, "GS-ELB-001", "HTTP only until the team's ACM certificate is issued;"
                + " set certificateArn to serve HTTPS and redirect HTTP");

        Server testServer = new Server(stack, "test-server", ServerProps.builder(network).build());

        Database db = new Database(stack, "db", DatabaseProps.builder(network).build());
        db.connectService(api, "MySQL from the API");
        db.connections().allowDefaultPortFrom(testServer, "MySQL from the test server");

        StaticSite web = new StaticSite(stack, "web");

        new Delivery(stack, "delivery", DeliveryProps.builder(DeliveryTarget.blueGreen(api))
                .github(GitHubOidcProps.builder(GitHubSubject.branch(REPOSITORY, "main")).build())
                .staticSite(web).build());

        new Monitoring(stack, "monitoring", MonitoringProps.builder(network, bastion, api)
                .prometheus(PrometheusRelease.of(PROMETHEUS_VERSION, Architecture.ARM64,
                        prometheusSha256.getStringValue()))
                .build());
        new Output(stack, "alb-dns", "alb_dns_name", api.albDnsName(), "The load balancer's DNS name", false);
        new Output(stack, "cdn-domain", "cloudfront_domain", web.distributionDomainName(),
                "The CloudFront distribution's domain name", false);
        new Output(stack, "db-endpoint", "db_endpoint", db.endpoint(), "The database's host:port", false);
    }

    /** Synthesizes the stack: {@code mvn -q compile exec:java} or {@code cdktf synth}. */
    public static void main(String[] args) {
        System.exit(Main.run(HighAvailabilityExample::define, args));
    }
}
