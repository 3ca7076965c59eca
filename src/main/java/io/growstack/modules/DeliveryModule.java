package io.growstack.modules;

import io.growstack.compute.AutoScaledService;
import io.growstack.core.Variable;
import io.growstack.delivery.Delivery;
import io.growstack.delivery.DeliveryProps;
import io.growstack.delivery.DeliveryTarget;
import io.growstack.delivery.GitHubOidcProps;
import io.growstack.delivery.GitHubSubject;
import io.growstack.network.INetwork;
import io.growstack.web.StaticSite;

/**
 * The service deployed blue/green by CodeDeploy from GitHub Actions, with the static site's sync
 * permissions: one module, because the delivery changes the service's hosts.
 */
final class DeliveryModule implements ModuleDefinition {
    /** Stand-ins the Java rules accept for the repository and branch the deploy role trusts. */
    static final String REPOSITORY = "gsmodule-org/gsmodule-repository";
    static final String BRANCH = "gsmodule-branch";

    @Override
    public String name() {
        return "delivery-blue-green";
    }

    @Override
    public String summary() {
        return "The service module's ALB, target group and launch template with two Auto Scaling groups (blue"
                + " serving, green idle) and CodeDeploy blue/green from GitHub Actions: a private artifact bucket,"
                + " the CodeDeploy application and deployment group with automatic rollback, the CodeDeploy agent in"
                + " the hosts' user data, the GitHub OIDC provider and a deploy role trusted for one repository and"
                + " branch, allowed to sync the static site's bucket and invalidate its distribution.";
    }

    @Override
    public String design() {
        return "Service and delivery are one module: Delivery installs the CodeDeploy agent in the service's user"
                + " data and grants its role the bundles, which a module cannot do to another module's hosts. The"
                + " static site is the inputs `site_*` (the static-site module's outputs). The appspec, hook"
                + " scripts and GitHub workflows are produced by the Java CLI (`growstack delivery-files"
                + " --terraform-outputs`), not by this module, from its output `growstack_delivery_delivery`"
                + " (the root template forwards it as a root output of the same name)."
                + " The account's GitHub OIDC provider is created here (the Java API's `existingProviderArn` is"
                + " not offered).";
    }

    @Override
    public boolean hasStandIns() {
        return true;
    }

    @Override
    public void define(ModuleContext module) {
        INetwork network = module.importedNetwork();
        module.variable(Variable.builder("github_repository", "string")
                .description("The GitHub repository (owner/name) whose workflow may deploy")
                .validation("can(regex(\"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$\", var.github_repository))",
                        "github_repository must be owner/name, such as waba-team/waba-backend."));
        module.variable(Variable.builder("github_branch", "string")
                .description("The branch whose workflow runs may deploy").defaultValue("main")
                .validation("length(var.github_branch) > 0 && !strcontains(var.github_branch, \"*\")",
                        "github_branch must be one branch name (the Java API allows wildcards only explicitly)."));
        module.substitute(REPOSITORY, "var.github_repository");
        module.substitute(BRANCH, "var.github_branch");
        StaticSite site = new StaticSite(module.stack(), StaticSiteModule.ID);
        siteVariable(module, "site_bucket_name", "Name of the static site's bucket", site.bucketName());
        siteVariable(module, "site_bucket_arn", "ARN of the static site's bucket", site.bucketArn());
        siteVariable(module, "site_distribution_id", "Id of the static site's CloudFront distribution",
                site.distributionId());
        siteVariable(module, "site_distribution_arn", "ARN of the static site's CloudFront distribution",
                site.distributionArn());
        module.standInsBuilt();
        // Delivery names its artifact bucket <project>-<environment>-<id>-artifacts.
        module.bucketPrefix("delivery-artifacts");
        AutoScaledService service = ServiceModule.service(module, network, true);
        Delivery delivery = new Delivery(module.stack(), "delivery", DeliveryProps.builder(DeliveryTarget.blueGreen(service))
                .github(GitHubOidcProps.builder(GitHubSubject.branch(REPOSITORY, BRANCH)).build())
                .staticSite(site).build());
        module.output("artifact_bucket_name", delivery.bucket().name(), "Name of the artifact bucket");
        module.output("codedeploy_application_name", delivery.applicationName(), "Name of the CodeDeploy application");
        module.output("deployment_group_name", delivery.deploymentGroupName(), "Name of the deployment group");
        module.output("deploy_role_arn", delivery.github().orElseThrow().deployRoleArn(),
                "ARN of the role the GitHub workflow assumes to deploy");
    }

    private static void siteVariable(ModuleContext module, String name, String description, String token) {
        module.variable(Variable.builder(name, "string").description(description + " (the static-site module's "
                + name.substring("site_".length()) + ")"));
        module.replaceReference(token, "var." + name);
    }
}
