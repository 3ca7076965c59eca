package io.growstack.examples.v5;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.aws.IamRolePolicy;
import io.growstack.aws.IamRolePolicyAttachment;
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
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.StateBackend;
import io.growstack.core.Suppressions;
import io.growstack.data.Cache;
import io.growstack.data.CacheProps;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.delivery.Delivery;
import io.growstack.delivery.DeliveryProps;
import io.growstack.delivery.DeliveryTarget;
import io.growstack.delivery.GitHubOidc;
import io.growstack.delivery.GitHubOidcProps;
import io.growstack.delivery.GitHubSubject;
import io.growstack.monitoring.Monitoring;
import io.growstack.monitoring.MonitoringProps;
import io.growstack.monitoring.PrometheusRelease;
import io.growstack.network.Network;
import io.growstack.web.PrivateBucket;
import io.growstack.web.PrivateBucketProps;
import io.growstack.web.StaticSite;
import java.util.List;

/**
 * The seed's "going further": v4's architecture with the single points of failure it names removed.
 * Two stacks in one program:
 * <ul>
 *   <li>{@value #BOOTSTRAP_STACK} (local state): the remote-state bucket {@value #STATE_BUCKET}, versioned,
 *       encrypted, private and TLS-only. Applied once, by hand.</li>
 *   <li>{@value #STACK} (state in that bucket, locked with Terraform's native S3 lock file): v4 plus a
 *       Multi-AZ database, a Valkey cache reachable only from the API, and the infrastructure pipeline's
 *       GitHub OIDC roles: a read-only plan role for pull requests and an apply role only main may assume.</li>
 * </ul>
 */
public final class NextExample {
    /** The main stack's name. */
    public static final String STACK = "v5-next";
    /** The bootstrap stack's name: it creates the bucket the main stack keeps its state in. */
    public static final String BOOTSTRAP_STACK = "v5-bootstrap";
    /** The region of both stacks. */
    public static final String REGION = "ap-northeast-2";
    /** The project of the naming scheme. */
    public static final String PROJECT = "waba";
    /** The environment of the naming scheme. */
    public static final String ENVIRONMENT = "prod";
    /** The remote-state bucket: {@code <project>-<environment>-tfstate}, fixed so the main stack's backend can name it. */
    public static final String STATE_BUCKET = PROJECT + "-" + ENVIRONMENT + "-tfstate";
    /** The main stack's state object in {@link #STATE_BUCKET}. */
    public static final String STATE_KEY = STACK + "/terraform.tfstate";
    /** The repository whose main branch may deploy and apply. */
    public static final String REPOSITORY = "waba-team/waba-backend";
    /** The branch whose pushes apply the infrastructure. */
    public static final String BRANCH = "main";
    /** The Prometheus release the monitoring host installs. */
    public static final String PROMETHEUS_VERSION = "3.9.1";
    /** The Terraform variables of the main stack (no defaults): the workflow passes them as TF_VAR_*. */
    public static final List<String> VARIABLES = List.of("admin_cidrs", "prometheus_sha256");
    /** AWS's managed policy the apply role gets: Terraform creates, changes and destroys every kind of resource here. */
    public static final String APPLY_POLICY = "AdministratorAccess";

    private NextExample() {
    }

    /** Defines both stacks in {@code app}. */
    public static void define(App app) {
        defineBootstrap(app);
        defineMain(app);
    }

    /** The bootstrap stack: the remote-state bucket, with local state. */
    static GrowStack defineBootstrap(App app) {
        GrowStack bootstrap = new GrowStack(app, BOOTSTRAP_STACK, GrowStackProps.builder(REGION)
                .project(PROJECT).environment(ENVIRONMENT).build());
        PrivateBucket state = new PrivateBucket(bootstrap, "tfstate", PrivateBucketProps.builder()
                .bucketName(STATE_BUCKET).versioned(true).forceDestroy(false).build());
        new TerraformOutput(bootstrap, "state_bucket", TerraformOutputConfig.builder().value(state.bucketName())
                .description("The bucket of the " + STACK + " stack's remote state").build());
        return bootstrap;
    }

    /** The main stack: v4 plus Multi-AZ, the cache and the infrastructure pipeline's roles. */
    static GrowStack defineMain(App app) {
        GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder(REGION)
                .project(PROJECT).environment(ENVIRONMENT)
                .backend(StateBackend.s3(STATE_BUCKET, STATE_KEY, REGION)).build());
        Network network = new Network(stack, "network");
        TerraformVariable admins = new TerraformVariable(stack, "admin_cidrs", TerraformVariableConfig.builder()
                .type("list(string)").description("CIDR blocks allowed to SSH to the bastion; [] for SSM only")
                .build());
        TerraformVariable prometheusSha256 = new TerraformVariable(stack, "prometheus_sha256",
                TerraformVariableConfig.builder().type("string").description("SHA-256 of prometheus-"
                        + PROMETHEUS_VERSION + ".linux-arm64.tar.gz, copied from the release's sha256sums.txt")
                        .build());

        Bastion bastion = new Bastion(stack, "bastion", BastionProps.builder(network)
                .allowSshFrom(admins.getListValue()).build());

        AutoScaledService api = new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(network)
                .blueGreen(true).build());
        Suppressions.add(api, "GS-ELB-001", "HTTP only until the team's ACM certificate is issued;"
                + " set certificateArn to serve HTTPS and redirect HTTP");

        Server testServer = new Server(stack, "test-server", ServerProps.builder(network).build());

        // v5: a standby in the second zone; RDS fails over to it on its own.
        Database db = new Database(stack, "db", DatabaseProps.builder(network).multiAz(true).build());
        db.connections().allowDefaultPortFrom(api, "MySQL from the API");
        db.connections().allowDefaultPortFrom(testServer, "MySQL from the test server");

        // v5: sessions and hot reads off the database; Valkey with a replica in the other zone.
        Cache cache = new Cache(stack, "cache", CacheProps.builder(network).build());
        cache.connections().allowDefaultPortFrom(api, "Valkey from the API");

        StaticSite web = new StaticSite(stack, "web");

        // v5: the infrastructure pipeline. Its OIDC provider is the account's one; Delivery reuses it.
        GitHubOidc pipeline = new GitHubOidc(stack, "pipeline", GitHubOidcProps.builder(
                GitHubSubject.branch(REPOSITORY, BRANCH)).planRole(true).build());
        new Resource(pipeline, "apply-policy", new IamRolePolicyAttachment(pipeline.deployRole().attr("name"),
                "arn:" + stack.partition() + ":iam::aws:policy/" + APPLY_POLICY));
        Suppressions.add(pipeline, "GS-IAM-002", "the apply role manages every resource of this stack"
                + " (Terraform needs broad rights), and only pushes to " + BRANCH + " of " + REPOSITORY
                + " may assume it");
        Resource planRole = pipeline.planRole().orElseThrow();
        // ReadOnlyAccess already reads S3; this says what plan needs even if its managed policies change.
        new Resource(pipeline, "plan-state-read", new IamRolePolicy("terraform-state-read", planRole.attr("id"),
                PolicyStatement.document(List.of(
                        PolicyStatement.allow("ListStateBucket", List.of("s3:ListBucket"),
                                List.of("arn:" + stack.partition() + ":s3:::" + STATE_BUCKET)),
                        PolicyStatement.allow("ReadState", List.of("s3:GetObject"),
                                List.of("arn:" + stack.partition() + ":s3:::" + STATE_BUCKET + "/" + STATE_KEY))))));

        new Delivery(stack, "delivery", DeliveryProps.builder(DeliveryTarget.blueGreen(api))
                .github(GitHubOidcProps.builder(GitHubSubject.branch(REPOSITORY, BRANCH))
                        .existingProviderArn(pipeline.providerArn()).build())
                .staticSite(web).build());

        new Monitoring(stack, "monitoring", MonitoringProps.builder(network, bastion, api)
                .prometheus(PrometheusRelease.of(PROMETHEUS_VERSION, Architecture.ARM64,
                        prometheusSha256.getStringValue()))
                .build());

        new TerraformOutput(stack, "infrastructure_plan_role_arn", TerraformOutputConfig.builder()
                .value(planRole.attr("arn")).description("Repository variable V5_NEXT_PLAN_ROLE_ARN of the"
                        + " infrastructure workflow").build());
        new TerraformOutput(stack, "infrastructure_apply_role_arn", TerraformOutputConfig.builder()
                .value(pipeline.deployRoleArn()).description("Repository variable V5_NEXT_APPLY_ROLE_ARN of the"
                        + " infrastructure workflow").build());
        new TerraformOutput(stack, "cache_primary_endpoint", TerraformOutputConfig.builder()
                .value(cache.primaryEndpoint()).description("The Valkey primary endpoint (TLS, port "
                        + Cache.DEFAULT_PORT + ")").build());
        new Output(stack, "alb-dns", "alb_dns_name", api.albDnsName(), "The load balancer's DNS name", false);
        new Output(stack, "cdn-domain", "cloudfront_domain", web.distributionDomainName(),
                "The CloudFront distribution's domain name", false);
        new Output(stack, "db-endpoint", "db_endpoint", db.endpoint(), "The database's host:port", false);
        return stack;
    }

    /** Synthesizes both stacks: {@code mvn -q compile exec:java} or {@code cdktf synth}. */
    public static void main(String[] args) {
        System.exit(Main.run(NextExample::define, args));
    }
}
