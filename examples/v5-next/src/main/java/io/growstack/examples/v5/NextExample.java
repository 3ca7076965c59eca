package io.growstack.examples.v5;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.account.AccountBaseline;
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
import io.growstack.core.Variable;
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
 * Three stacks in one program, all in one AWS account:
 * <ul>
 *   <li>{@value #BOOTSTRAP_STACK}, the account stack (local state): what the account holds once — the
 *       remote-state bucket {@value #STATE_BUCKET} (versioned, encrypted, private and TLS-only) and the
 *       GitHub Actions OIDC provider ({@link AccountBaseline}). Applied once, by hand.</li>
 *   <li>{@value #STACK}, production (state in that bucket, locked with Terraform's native S3 lock file):
 *       v4 plus a Multi-AZ database, a Valkey cache reachable only from the API, and the infrastructure
 *       pipeline's GitHub OIDC roles: a read-only plan role for pull requests and an apply role only main
 *       may assume.</li>
 *   <li>{@value #DEV_STACK}, a development environment of the same product: network, API, database and
 *       delivery, with names under {@code waba-dev-} so nothing collides with production.</li>
 * </ul>
 * The environment stacks trust the account's OIDC provider by ARN, built from the {@code account_id}
 * variable: a cross-stack reference would need {@code terraform_remote_state}, which an offline plan
 * cannot read.
 */
public final class NextExample {
    /** The main stack's name. */
    public static final String STACK = "v5-next";
    /** The development stack's name. */
    public static final String DEV_STACK = "v5-next-dev";
    /** The account stack's name: it creates the state bucket and the account's OIDC provider. */
    public static final String BOOTSTRAP_STACK = "v5-bootstrap";
    /** The region of both stacks. */
    public static final String REGION = "ap-northeast-2";
    /** The project of the naming scheme. */
    public static final String PROJECT = "waba";
    /** The environment of the naming scheme. */
    public static final String ENVIRONMENT = "prod";
    /** The development stack's environment. */
    public static final String DEV_ENVIRONMENT = "dev";
    /**
     * The remote-state bucket of both environments. An explicit name, since a backend names its bucket
     * before anything is applied; S3 names are global, so change it if it is taken.
     */
    public static final String STATE_BUCKET = PROJECT + "-terraform-state";
    /** The main stack's state object in {@link #STATE_BUCKET}. */
    public static final String STATE_KEY = STACK + "/terraform.tfstate";
    /** The development stack's state object in {@link #STATE_BUCKET}. */
    public static final String DEV_STATE_KEY = DEV_STACK + "/terraform.tfstate";
    /** The repository whose main branch may deploy and apply. */
    public static final String REPOSITORY = "waba-team/waba-backend";
    /** The branch whose pushes apply the infrastructure. */
    public static final String BRANCH = "main";
    /** The branch whose pushes deploy the development environment. */
    public static final String DEV_BRANCH = "develop";
    /** The Prometheus release the monitoring host installs. */
    public static final String PROMETHEUS_VERSION = "3.9.1";
    /** The Terraform variables of the main stack (no defaults): the workflow passes them as TF_VAR_*. */
    public static final List<String> VARIABLES = List.of("account_id", "admin_cidrs", "prometheus_sha256");
    /** The development stack's Terraform variables (no defaults). */
    public static final List<String> DEV_VARIABLES = List.of("account_id");
    /** AWS's managed policy the apply role gets: Terraform creates, changes and destroys every kind of resource here. */
    public static final String APPLY_POLICY = "AdministratorAccess";

    private NextExample() {
    }

    /** Defines the three stacks in {@code app}. */
    public static void define(App app) {
        defineBootstrap(app);
        defineMain(app);
        defineDev(app);
    }

    /** The account stack: the remote-state bucket and the account's OIDC provider, with local state. */
    static GrowStack defineBootstrap(App app) {
        GrowStack bootstrap = new GrowStack(app, BOOTSTRAP_STACK, GrowStackProps.builder(REGION)
                .project(PROJECT).environment(ENVIRONMENT).build());
        PrivateBucket state = new PrivateBucket(bootstrap, "tfstate", PrivateBucketProps.builder()
                .bucketName(STATE_BUCKET).versioned(true).forceDestroy(false).build());
        new TerraformOutput(bootstrap, "state_bucket", TerraformOutputConfig.builder().value(state.bucketName())
                .description("The bucket of the " + STACK + " and " + DEV_STACK + " stacks' remote state").build());
        new AccountBaseline(bootstrap, "account");
        return bootstrap;
    }

    /** The main stack: v4 plus Multi-AZ, the cache and the infrastructure pipeline's roles. */
    static GrowStack defineMain(App app) {
        GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder(REGION)
                .project(PROJECT).environment(ENVIRONMENT)
                .backend(StateBackend.s3(STATE_BUCKET, STATE_KEY, REGION)).build());
        Network network = new Network(stack, "network");
        String gitHubProvider = accountGitHubProvider(stack);
        Variable admins = Variable.cidrAllowList(stack, "admin_cidrs",
                "CIDR blocks allowed to SSH to the bastion; [] for SSM only");
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

        // v5: a standby in the second zone; RDS fails over to it on its own.
        Database db = new Database(stack, "db", DatabaseProps.builder(network).multiAz(true).build());
        db.connectService(api, "MySQL from the API");
        db.connections().allowDefaultPortFrom(testServer, "MySQL from the test server");

        // v5: sessions and hot reads off the database; Valkey with a replica in the other zone.
        Cache cache = new Cache(stack, "cache", CacheProps.builder(network).build());
        // IAM authentication as the cache's user, over TLS: no password anywhere.
        cache.connectService(api, "Valkey from the API");

        StaticSite web = new StaticSite(stack, "web");

        // v5: the infrastructure pipeline. It and Delivery trust the account's OIDC provider (the account stack's).
        GitHubOidc pipeline = new GitHubOidc(stack, "pipeline", GitHubOidcProps.builder(
                GitHubSubject.branch(REPOSITORY, BRANCH)).planRole(true).existingProviderArn(gitHubProvider).build());
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
                        .existingProviderArn(gitHubProvider).build())
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
                        + Cache.DEFAULT_PORT + ", IAM authentication as user " + stack.naming().name("cache")
                        + Cache.APP_USER_SUFFIX + ")").build());
        new Output(stack, "alb-dns", "alb_dns_name", api.albDnsName(), "The load balancer's DNS name", false);
        new Output(stack, "cdn-domain", "cloudfront_domain", web.distributionDomainName(),
                "The CloudFront distribution's domain name", false);
        new Output(stack, "db-endpoint", "db_endpoint", db.endpoint(), "The database's host:port", false);
        return stack;
    }

    /** The development stack: the same product at its smallest, in the same account and state bucket. */
    static GrowStack defineDev(App app) {
        GrowStack stack = new GrowStack(app, DEV_STACK, GrowStackProps.builder(REGION)
                .project(PROJECT).environment(DEV_ENVIRONMENT)
                .backend(StateBackend.s3(STATE_BUCKET, DEV_STATE_KEY, REGION)).build());
        Network network = new Network(stack, "network");
        AutoScaledService api = new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(network).build());
        Suppressions.add(api, "GS-ELB-001", "the development environment serves HTTP only; production gets the"
                + " certificate first");
        Database db = new Database(stack, "db", DatabaseProps.builder(network).build());
        db.connectService(api, "MySQL from the API");
        // Deploys from the develop branch; the account's one OIDC provider, trusted by ARN.
        new Delivery(stack, "delivery", DeliveryProps.builder(DeliveryTarget.inPlace(api))
                .github(GitHubOidcProps.builder(GitHubSubject.branch(REPOSITORY, DEV_BRANCH))
                        .existingProviderArn(accountGitHubProvider(stack)).build())
                .build());
        return stack;
    }

    // The account stack's provider by ARN: the account id is a variable, validated as 12 digits.
    private static String accountGitHubProvider(GrowStack stack) {
        Variable account = Variable.accountId(stack, "account_id",
                "The AWS account id of this environment, where the " + BOOTSTRAP_STACK + " stack created the"
                        + " GitHub Actions OIDC provider");
        return AccountBaseline.gitHubOidcProviderArn(stack, account.ref());
    }

    /** Synthesizes the three stacks: {@code mvn -q compile exec:java} or {@code cdktf synth}. */
    public static void main(String[] args) {
        System.exit(Main.run(NextExample::define, args));
    }
}
