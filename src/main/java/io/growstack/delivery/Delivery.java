package io.growstack.delivery;

import io.growstack.aws.CodedeployApp;
import io.growstack.aws.CodedeployDeploymentGroup;
import io.growstack.aws.IamRole;
import io.growstack.aws.IamRolePolicy;
import io.growstack.aws.IamRolePolicyAttachment;
import io.growstack.aws.Instance;
import io.growstack.compute.AutoScaledService;
import io.growstack.host.InstanceRole;
import io.growstack.compute.Server;
import io.growstack.core.ConstructPaths;
import io.growstack.core.Architecture;
import io.growstack.core.AwsNames;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.Local;
import io.growstack.core.Output;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.ValidationException;
import io.growstack.files.DeliveryFiles;
import io.growstack.files.DeliveryManifest;
import io.growstack.web.PrivateBucket;
import io.growstack.web.PrivateBucketProps;
import io.growstack.web.StaticSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * The seed's delivery pipeline: GitHub Actions builds, uploads a bundle to S3 and asks CodeDeploy to
 * deploy it; no SSH port, no stored key.
 *
 * <p>What it makes: a private, versioned, encrypted, TLS-only artifact bucket whose replaced bundles
 * expire after 30 days ({@link PrivateBucket}); a CodeDeploy application (Server platform) and one
 * deployment group in the style of the {@link DeliveryTarget}, with automatic rollback on failure;
 * CodeDeploy's service role (AWS's managed {@value #CODEDEPLOY_MANAGED_POLICY} plus, for blue/green,
 * {@code iam:PassRole} on the instance role only); a statement on the target's instance role that
 * reads this bucket's bundles only; the CodeDeploy agent in the target's user data; and, with
 * {@link DeliveryProps.Builder#github}, the GitHub Actions OpenID Connect provider and roles
 * ({@link GitHubOidc}) whose deploy role may upload bundles and deploy to this group only.
 *
 * <p><b>Blue/green that Terraform survives</b> ({@link DeliveryTarget#blueGreen}): the service owns two
 * groups from one launch template, blue serving and green idle at zero. The deployment group finds the
 * replacement fleet with {@code DISCOVER_EXISTING} (the provider documentation's suggestion) and keeps
 * the original fleet alive; the generated workflow picks the idle colour (the group without the target
 * group), scales it to the serving colour's size, points the deployment group at the serving colour,
 * deploys to the idle one ({@code --target-instances}), and after success attaches the target group to
 * it and scales the old colour to zero. Terraform ignores what that changes: the deployment group's
 * {@code autoscaling_groups} and the groups' capacities and target groups, so the next plan is empty.
 *
 * <p>Names: application and deployment group {@code <project>-<env>-<id>}, service role
 * {@code <project>-<env>-<id>-codedeploy}, bucket {@code <project>-<env>-<id>-artifacts}.
 */
public class Delivery extends Construct {
    /** CodeDeploy's service principal. */
    public static final String CODEDEPLOY_SERVICE_PRINCIPAL = "codedeploy.amazonaws.com";
    /** AWS's managed policy for CodeDeploy on EC2 and Auto Scaling (path included). */
    public static final String CODEDEPLOY_MANAGED_POLICY = "service-role/AWSCodeDeployRole";
    /** The events CodeDeploy rolls back on by itself. */
    public static final List<String> ROLLBACK_EVENTS = List.of("DEPLOYMENT_FAILURE");
    /** What CodeDeploy changes on the deployment group in blue/green, ignored by Terraform. */
    public static final List<String> BLUE_GREEN_IGNORED = List.of("autoscaling_groups");
    /** Minutes CodeDeploy keeps the original group's instances in the copying style. */
    public static final int COPY_TERMINATION_WAIT_MINUTES = 5;
    /** The instance role statement that reads bundles. */
    public static final String READ_BUNDLES_SID = "ReadDeploymentBundles";
    /** IAM's limit on role names. */
    public static final int MAX_ROLE_NAME_LENGTH = 64;

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9_.*?/-]+");
    private static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_./-]*");

    private final DeliveryTarget target;
    private final String name;
    private final String applicationName;
    private final String deploymentGroupName;
    private final PrivateBucket bucket;
    private final Resource application;
    private final Resource serviceRole;
    private final Resource deploymentGroup;
    private final GitHubOidc github;
    private final DeliveryManifest manifest;
    private final String outputName;

    /** Creates the pipeline; throws {@link ValidationException} for bad settings, before creating anything. */
    public Delivery(Construct scope, String id, DeliveryProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        this.target = props.target;
        String path = ConstructPaths.path(this);
        this.name = path.substring(path.indexOf('/') + 1).replace('/', '-');
        this.applicationName = stack.naming().name(name);
        this.deploymentGroupName = applicationName;
        DeploymentConfig config = props.deploymentConfig != null ? props.deploymentConfig
                : target.style() == DeliveryTarget.Style.IN_PLACE ? DeploymentConfig.ONE_AT_A_TIME
                : DeploymentConfig.ALL_AT_ONCE;
        validate(props, stack);
        AutoScaledService service = target.service();
        Server server = target.server();
        String serviceName = props.serviceName != null ? props.serviceName : id;
        String partition = stack.partition();

        // The artifact bucket.
        // S3 names are global: a fixed default such as shop-prod-delivery-artifacts is often taken already.
        PrivateBucketProps.Builder artifacts = props.artifactBucketName != null
                ? PrivateBucketProps.builder().bucketName(props.artifactBucketName)
                : PrivateBucketProps.builder().bucketPrefix(PrivateBucket.uniquePrefix(
                        stack.naming().name(name + "-artifacts")));
        this.bucket = new PrivateBucket(this, "artifacts", artifacts
                .versioned(true)
                .noncurrentVersionExpirationDays(props.noncurrentArtifactExpirationDays)
                .forceDestroy(props.forceDestroyArtifacts)
                .build());
        String bundles = bucket.arnForObjects(props.artifactPrefix + "/*");

        // CodeDeploy: application, service role, deployment group.
        this.application = new Resource(this, "application", new CodedeployApp(applicationName,
                CodedeployApp.SERVER, Map.of("Name", applicationName)));
        String roleName = AwsNames.iam(this, "id", stack.naming().name(name + "-codedeploy"));
        this.serviceRole = new Resource(this, "service-role", new IamRole(roleName,
                "CodeDeploy service role of " + applicationName,
                PolicyStatement.document(List.of(PolicyStatement.trustService("CodeDeployAssumeRole",
                        CODEDEPLOY_SERVICE_PRINCIPAL))), Map.of()));
        Resource managed = new Resource(this, "service-role-policy", new IamRolePolicyAttachment(
                serviceRole.attr("name"), "arn:" + partition + ":iam::aws:policy/" + CODEDEPLOY_MANAGED_POLICY));
        List<PolicyStatement> serviceStatements = serviceRoleStatements(service);
        Resource inline = serviceStatements.isEmpty() ? null : new Resource(this, "service-role-inline",
                new IamRolePolicy("blue-green-launches", serviceRole.attr("id"),
                        PolicyStatement.document(serviceStatements)));
        List<Resource> roleReady = new ArrayList<>(List.of(managed));
        if (inline != null) {
            roleReady.add(inline);
        }
        this.deploymentGroup = new Resource(this, "deployment-group", deploymentGroupArgs(config, service, server),
                new ResourceOptions(target.style() == DeliveryTarget.Style.IN_PLACE ? List.of() : BLUE_GREEN_IGNORED,
                        // CodeDeploy checks the role's permissions when the group is created.
                        roleReady, null, List.of(), false));

        // The instances: read bundles, run the agent.
        InstanceRole instanceRole = service != null ? service.role() : server.role();
        instanceRole.addStatement(READ_BUNDLES_SID, List.of("s3:GetObject", "s3:GetObjectVersion"), List.of(bundles));
        if (props.installAgent) {
            installAgent(partition, stack.region(), service, server);
        }

        // GitHub Actions.
        this.github = props.github == null ? null : new GitHubOidc(this, "github", props.github);
        if (github != null) {
            grantDeploy(stack, config, bundles, service, props.staticSite);
        }

        // The manifest the generated files are rendered from.
        String blue = service == null ? null : service.blueGroupName();
        String green = service == null ? null : service.greenGroupName().orElse(null);
        int appPort = service != null ? service.appPort() : props.appPort;
        int managementPort = service != null ? service.managementPort() : props.managementPort;
        String healthPath = service != null ? service.healthCheckPath() : props.healthCheckPath;
        DeliveryManifest.Github githubPart = github == null ? null : new DeliveryManifest.Github(
                github.subject().repository(), github.subject().branch(), github.subject().environment(),
                github.subject().subject(), github.deployRoleArn(),
                github.planRole().map(r -> r.attr("arn")).orElse(null));
        StaticSite site = props.staticSite;
        DeliveryManifest.Site sitePart = site == null ? null : new DeliveryManifest.Site(site.bucket().name(),
                site.distributionId(), props.siteBuildCommand, props.siteDirectory);
        this.manifest = new DeliveryManifest(DeliveryManifest.FORMAT_VERSION, name, stack.region(),
                target.style().name(), applicationName, deploymentGroupName, config.configName(), bucket.name(),
                props.artifactPrefix, serviceName, appPort, managementPort, healthPath, props.validateTimeoutSeconds,
                props.javaVersion, props.buildCommand, props.jarPath, blue, green, githubPart, sitePart);
        this.outputName = DeliveryManifest.OUTPUT_PREFIX + name.replace('-', '_');
        new Output(this, "manifest", outputName, manifest.toOutputValue(),
                "growstack delivery " + name + ": what growstack delivery-files renders the appspec,"
                        + " hook scripts and workflows from", false);
    }

    private void validate(DeliveryProps props, GrowStack stack) {
        AutoScaledService service = target.service();
        switch (target.style()) {
            case BLUE_GREEN -> {
                if (!service.isBlueGreen()) {
                    throw ValidationException.of(this, "target", "blueGreen(" + ConstructPaths.path(service) + ")",
                            "expected a service built with AutoScaledServiceProps.builder(...).blueGreen(true):"
                                    + " blue/green needs its two Terraform-owned groups");
                }
            }
            case IN_PLACE, BLUE_GREEN_COPY_GROUP -> {
                if (service != null && service.isBlueGreen()) {
                    throw ValidationException.of(this, "target", target.style().name().toLowerCase()
                                    + "(" + ConstructPaths.path(service) + ")",
                            "expected DeliveryTarget.blueGreen(service) for a service built with blueGreen(true)");
                }
            }
            default -> throw new IllegalStateException(target.style().name());
        }
        if (props.artifactPrefix == null || !PREFIX.matcher(props.artifactPrefix).matches()) {
            throw ValidationException.of(this, "artifactPrefix", props.artifactPrefix,
                    "expected lowercase key segments without leading or trailing slash or wildcards, such as bundles");
        }
        if (props.noncurrentArtifactExpirationDays < 1) {
            throw ValidationException.of(this, "noncurrentArtifactExpirationDays",
                    props.noncurrentArtifactExpirationDays, "expected at least 1 day");
        }
        if (props.staticSite != null && props.github == null) {
            throw ValidationException.of(this, "staticSite", props.staticSite.getNode().getPath(),
                    "expected github(...) too: the site is published by the GitHub Actions deploy role");
        }
        if (props.serviceName != null && !SERVICE_NAME.matcher(props.serviceName).matches()) {
            throw ValidationException.of(this, "serviceName", props.serviceName, "expected 1-32 lowercase letters,"
                    + " digits or hyphens starting with a letter (the systemd unit and user on the hosts)");
        }
        // Without serviceName the construct id is the service name: blame the id the user chose.
        if (props.serviceName == null && !SERVICE_NAME.matcher(ConstructPaths.id(this)).matches()) {
            throw ValidationException.of(this, "id", ConstructPaths.id(this), "expected 1-32 lowercase letters, digits or"
                    + " hyphens starting with a letter, because the id is the service name (the systemd unit and user"
                    + " on the hosts) unless serviceName(...) is set; rename the construct or set serviceName");
        }
        ValidationException.requireBetween(this, "javaVersion", props.javaVersion, 17, 99,
                "expected a Java major version from 17 (Spring Boot 3's minimum)");
        ValidationException.requireBetween(this, "validateTimeoutSeconds", props.validateTimeoutSeconds, 10, 3000,
                "expected 10 to 3000 seconds (the hook's timeout adds 60 and AppSpec allows 3600)");
        if (target.server() != null) {
            for (Map.Entry<String, Integer> port : Map.of("appPort", props.appPort, "managementPort",
                    props.managementPort).entrySet()) {
                if (port.getValue() < 1 || port.getValue() > 65535) {
                    throw ValidationException.of(this, port.getKey(), port.getValue(), "expected a TCP port from 1 to 65535");
                }
            }
            if (props.appPort == props.managementPort) {
                throw ValidationException.of(this, "managementPort", props.managementPort,
                        "expected a port other than appPort " + props.appPort);
            }
            if (props.healthCheckPath == null || !props.healthCheckPath.matches("/[A-Za-z0-9/_.-]*")) {
                throw ValidationException.of(this, "healthCheckPath", props.healthCheckPath,
                        "expected a path starting with /, such as " + DeliveryProps.DEFAULT_HEALTH_CHECK_PATH);
            }
        }
        if (props.jarPath == null || !GLOB.matcher(props.jarPath).matches() || !props.jarPath.endsWith(".jar")) {
            throw ValidationException.of(this, "jarPath", props.jarPath,
                    "expected a relative glob of the jar such as target/*.jar (letters, digits, / . _ - * ?)");
        }
        if (props.siteDirectory == null || !DIRECTORY.matcher(props.siteDirectory).matches()
                || props.siteDirectory.contains("..")) {
            throw ValidationException.of(this, "siteDirectory", props.siteDirectory,
                    "expected a relative folder such as dist");
        }
        for (Map.Entry<String, String> command : Map.of("buildCommand", String.valueOf(props.buildCommand),
                "siteBuildCommand", String.valueOf(props.siteBuildCommand)).entrySet()) {
            if (command.getValue().isBlank() || command.getValue().equals("null")) {
                throw ValidationException.of(this, command.getKey(), null, "expected a shell command");
            }
        }
        String roleName = AwsNames.iam(this, "id", stack.naming().name(name + "-codedeploy"));
        if (roleName.length() > MAX_ROLE_NAME_LENGTH) {
            throw ValidationException.of(this, "id", name, "expected a shorter id: the role name " + roleName
                    + " exceeds IAM's " + MAX_ROLE_NAME_LENGTH + " characters");
        }
    }

    private List<PolicyStatement> serviceRoleStatements(AutoScaledService service) {
        List<PolicyStatement> statements = new ArrayList<>();
        if (target.style() == DeliveryTarget.Style.IN_PLACE) {
            return statements;
        }
        // Instances launched for a blue/green deployment from a launch template carry the instance role.
        statements.add(PolicyStatement.allow("PassInstanceRoleToEc2", List.of("iam:PassRole"),
                        List.of(service.role().role().attr("arn")))
                .withCondition("StringEquals", "iam:PassedToService", "ec2.amazonaws.com"));
        if (target.style() == DeliveryTarget.Style.BLUE_GREEN_COPY_GROUP) {
            statements.add(PolicyStatement.allow("LaunchFromServiceTemplate", List.of("ec2:RunInstances"),
                            List.of("*"))
                    .withCondition("ArnLike", "ec2:LaunchTemplate", service.launchTemplate().attr("arn")));
            statements.add(PolicyStatement.allow("TagAtLaunch", List.of("ec2:CreateTags"), List.of("*"))
                    .withCondition("StringEquals", "ec2:CreateAction", "RunInstances"));
        }
        return statements;
    }

    private CodedeployDeploymentGroup deploymentGroupArgs(DeploymentConfig config, AutoScaledService service,
                                                          Server server) {
        CodedeployDeploymentGroup.AutoRollbackConfiguration rollback =
                new CodedeployDeploymentGroup.AutoRollbackConfiguration(true, ROLLBACK_EVENTS);
        Map<String, String> tags = Map.of("Name", deploymentGroupName);
        if (server != null) {
            String serverName = ((Instance) server.instance().args()).tags().get("Name");
            return new CodedeployDeploymentGroup(applicationName, deploymentGroupName, serviceRole.attr("arn"),
                    config.configName(), List.of(),
                    new CodedeployDeploymentGroup.DeploymentStyle("WITHOUT_TRAFFIC_CONTROL", "IN_PLACE"),
                    List.of(new CodedeployDeploymentGroup.Ec2TagSet(List.of(
                            CodedeployDeploymentGroup.Ec2TagFilter.keyAndValue("Name", serverName)))),
                    null, null, rollback, tags);
        }
        CodedeployDeploymentGroup.LoadBalancerInfo loadBalancer =
                CodedeployDeploymentGroup.LoadBalancerInfo.targetGroup(service.targetGroupName());
        List<String> groups = List.of(service.blueGroup().attr("name"));
        if (target.style() == DeliveryTarget.Style.IN_PLACE) {
            return new CodedeployDeploymentGroup(applicationName, deploymentGroupName, serviceRole.attr("arn"),
                    config.configName(), groups,
                    new CodedeployDeploymentGroup.DeploymentStyle("WITH_TRAFFIC_CONTROL", "IN_PLACE"),
                    List.of(), loadBalancer, null, rollback, tags);
        }
        boolean copy = target.style() == DeliveryTarget.Style.BLUE_GREEN_COPY_GROUP;
        CodedeployDeploymentGroup.BlueGreenDeploymentConfig blueGreen =
                new CodedeployDeploymentGroup.BlueGreenDeploymentConfig(
                        new CodedeployDeploymentGroup.DeploymentReadyOption("CONTINUE_DEPLOYMENT", null),
                        new CodedeployDeploymentGroup.GreenFleetProvisioningOption(
                                copy ? "COPY_AUTO_SCALING_GROUP" : "DISCOVER_EXISTING"),
                        // Terraform-owned groups keep their instances: the workflow scales the old colour to
                        // zero once the new one serves (CodeDeploy terminating them would make the group
                        // launch replacements).
                        copy ? new CodedeployDeploymentGroup.TerminateBlueInstancesOnDeploymentSuccess("TERMINATE",
                                COPY_TERMINATION_WAIT_MINUTES)
                                : new CodedeployDeploymentGroup.TerminateBlueInstancesOnDeploymentSuccess("KEEP_ALIVE",
                                null));
        return new CodedeployDeploymentGroup(applicationName, deploymentGroupName, serviceRole.attr("arn"),
                config.configName(), groups,
                new CodedeployDeploymentGroup.DeploymentStyle("WITH_TRAFFIC_CONTROL", "BLUE_GREEN"),
                List.of(), loadBalancer, blueGreen, rollback, tags);
    }

    private void installAgent(String partition, String region, AutoScaledService service, Server server) {
        Architecture architecture = service != null ? service.instanceType().architecture()
                : server.instanceType().architecture();
        String current = service != null ? service.userData() : server.userData();
        String updated = CodeDeployAgent.addTo(current, partition, region, architecture);
        if (updated == null) {
            String first = current.lines().findFirst().orElse("");
            throw ValidationException.of(this, "installAgent", true, "expected the target's user data to be a"
                    + " #!/bin/bash or #!/bin/sh script (or none) to add the CodeDeploy agent to, not '" + first
                    + "'; add CodeDeployAgent.section(...) to it yourself and set installAgent(false)");
        }
        if (service != null) {
            service.replaceUserData(updated);
        } else {
            server.replaceUserData(updated);
        }
    }

    private void grantDeploy(GrowStack stack, DeploymentConfig config, String bundles, AutoScaledService service,
                             StaticSite site) {
        github.addToDeployPolicy(PolicyStatement.allow("UploadBundles", List.of("s3:PutObject"), List.of(bundles)));
        github.addToDeployPolicy(PolicyStatement.allow("RegisterRevisions",
                List.of("codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"),
                List.of(application.attr("arn"))));
        List<String> deployActions = new ArrayList<>(List.of("codedeploy:CreateDeployment", "codedeploy:GetDeployment"));
        if (target.style() == DeliveryTarget.Style.BLUE_GREEN) {
            // The workflow points the group at the serving colour and stops a deployment it gives up on.
            deployActions.add("codedeploy:StopDeployment");
            deployActions.add("codedeploy:UpdateDeploymentGroup");
        }
        github.addToDeployPolicy(PolicyStatement.allow("DeployToGroup", deployActions,
                List.of(deploymentGroup.attr("arn"))));
        // The account id is only known at apply: take it from the application's ARN in a local, where a
        // template may quote (inside the policy document's JSON it could not).
        String local = name.replace('-', '_') + "_account_id";
        new Local(this, "account-id", local, "${element(split(\":\", " + application.address() + ".arn), 4)}");
        github.addToDeployPolicy(PolicyStatement.allow("ReadDeploymentConfig", List.of("codedeploy:GetDeploymentConfig"),
                List.of("arn:" + stack.partition() + ":codedeploy:" + stack.region() + ":${local." + local
                        + "}:deploymentconfig:" + config.configName())));
        if (target.style() == DeliveryTarget.Style.BLUE_GREEN) {
            // Describe calls have no resource-level permissions in Auto Scaling: "*" is the only resource.
            github.addToDeployPolicy(PolicyStatement.allow("FindIdleColour",
                    List.of("autoscaling:DescribeAutoScalingGroups"), List.of("*")));
            github.addToDeployPolicy(PolicyStatement.allow("MoveCapacityAndTraffic", List.of(
                            "autoscaling:AttachLoadBalancerTargetGroups", "autoscaling:DetachLoadBalancerTargetGroups",
                            "autoscaling:UpdateAutoScalingGroup"),
                    service.autoScalingGroups().stream().map(g -> g.attr("arn")).toList()));
        } else if (service != null) {
            // The group starts with EC2 health checks (see AutoScaledService); once a revision passed,
            // the workflow lets the load balancer's health check replace failing instances.
            github.addToDeployPolicy(PolicyStatement.allow("UseLoadBalancerHealthChecks",
                    List.of("autoscaling:UpdateAutoScalingGroup"),
                    service.autoScalingGroups().stream().map(g -> g.attr("arn")).toList()));
        }
        if (site != null) {
            github.addToDeployPolicy(PolicyStatement.allow("ListSite", List.of("s3:ListBucket"),
                    List.of(site.bucket().arn())));
            github.addToDeployPolicy(PolicyStatement.allow("SyncSite", List.of("s3:DeleteObject", "s3:PutObject"),
                    List.of(site.bucket().arnForObjects("*"))));
            github.addToDeployPolicy(PolicyStatement.allow("InvalidateSite",
                    List.of("cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"),
                    List.of(site.distributionArn())));
        }
    }

    /** The files to commit for this delivery, with the stack's names (role ARNs as GitHub variables). */
    public DeliveryFiles files() {
        return DeliveryFiles.of(manifest);
    }

    /** What the generated files are rendered from. */
    public DeliveryManifest manifest() {
        return manifest;
    }

    /** The name of the Terraform output holding {@link #manifest()}. */
    public String outputName() {
        return outputName;
    }

    /** The target. */
    public DeliveryTarget target() {
        return target;
    }

    /** The artifact bucket. */
    public PrivateBucket bucket() {
        return bucket;
    }

    /** The {@code aws_codedeploy_app}. */
    public Resource application() {
        return application;
    }

    /** The application's name. */
    public String applicationName() {
        return applicationName;
    }

    /** The {@code aws_codedeploy_deployment_group}. */
    public Resource deploymentGroup() {
        return deploymentGroup;
    }

    /** The deployment group's name. */
    public String deploymentGroupName() {
        return deploymentGroupName;
    }

    /** CodeDeploy's service {@code aws_iam_role}. */
    public Resource serviceRole() {
        return serviceRole;
    }

    /** The GitHub Actions identity, if configured. */
    public Optional<GitHubOidc> github() {
        return Optional.ofNullable(github);
    }
}
