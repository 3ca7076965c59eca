package io.growstack.files;

import io.growstack.core.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API workflow: build the jar, assemble and upload the bundle, create the CodeDeploy deployment
 * and wait for it.
 *
 * <p>Blue/green: find the serving colour (the group attached to the target group) and the idle one;
 * point the deployment group at the serving colour; scale the idle colour to the serving colour's
 * size; deploy the bundle to it ({@code --target-instances}); wait; then attach the target group to
 * it, point the deployment group at it and scale the old colour to zero. On failure CodeDeploy has
 * rolled traffic back to the serving colour, and the workflow returns the idle colour to zero. Each
 * step's shell is a {@code workflow/*.sh} file beside this class.
 */
final class ApiWorkflow {
    // Its placeholder for the jar glob is itself a glob, so shellcheck reads the kept file as the loop it becomes.
    private static final String ASSEMBLE = ResourceText.load("workflow/assemble-bundle.sh");
    private static final String UPLOAD = ResourceText.load("workflow/upload-bundle.sh");
    private static final String FIND_COLOURS = ResourceText.load("workflow/find-colours.sh");
    private static final String START_IDLE = ResourceText.load("workflow/start-idle-colour.sh");
    private static final String CREATE_DEPLOYMENT = ResourceText.load("workflow/create-deployment.sh");
    private static final String CREATE_DEPLOYMENT_TO_IDLE = ResourceText.load("workflow/create-deployment-to-idle.sh");
    private static final String WAIT = ResourceText.load("workflow/wait-for-deployment.sh");
    // The group started with EC2 health checks so that it did not churn before this first revision.
    private static final String USE_ELB_HEALTH_CHECKS = ResourceText.load("workflow/use-elb-health-checks.sh");
    private static final String RETIRE = ResourceText.load("workflow/retire-old-colour.sh");
    private static final String RETURN_IDLE = ResourceText.load("workflow/return-idle-colour.sh");

    private ApiWorkflow() {
    }

    /** The workflow for {@code m}, bundling {@code bundleDirectory}; the variables it reads join {@code variables}. */
    static String render(DeliveryManifest m, RepositoryVariables variables, String bundleDirectory) {
        Map<String, Object> workflow = WorkflowParts.workflow(m, "Deploy " + m.name(), "deploy-" + m.name());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("AWS_REGION", m.region());
        env.put("APPLICATION", m.application());
        env.put("DEPLOYMENT_GROUP", m.deploymentGroup());
        env.put("ARTIFACT_BUCKET", variables.resolved(m.artifactBucket(), "ARTIFACT_BUCKET", "the artifact bucket's name"));
        env.put("ARTIFACT_PREFIX", m.artifactPrefix());
        env.put("BUNDLE_DIR", bundleDirectory);
        if (m.isBlueGreen()) {
            env.put("BLUE_GROUP", m.blueGroup());
            env.put("GREEN_GROUP", m.greenGroup());
        }
        workflow.put("env", env);

        List<Object> steps = new ArrayList<>();
        steps.add(OrderedMaps.of("name", "Check out", "uses", GitHubActions.CHECKOUT));
        steps.add(OrderedMaps.of("name", "Set up JDK " + m.javaVersion(), "uses", GitHubActions.SETUP_JAVA,
                "with", java(m)));
        steps.add(OrderedMaps.of("name", "Build", "run", m.buildCommand()));
        steps.add(OrderedMaps.of("name", "Assemble the bundle", "run",
                ASSEMBLE.replace("@JAR_GLOB*@", m.jarPath()).replace("@JAR@", HookScripts.JAR)));
        steps.add(WorkflowParts.credentials(m, variables, "deploy"));
        steps.add(OrderedMaps.of("name", "Upload the bundle", "id", "upload", "run", UPLOAD));
        if (m.isBlueGreen()) {
            steps.add(OrderedMaps.of("name", "Find the serving and the idle colour", "id", "colours", "run",
                    FIND_COLOURS));
            steps.add(WorkflowParts.step("Start the idle colour", null, null, coloursEnv(), START_IDLE));
        }
        Map<String, Object> deployEnv = new LinkedHashMap<>();
        deployEnv.put("BUNDLE_KEY", "${{ steps.upload.outputs.key }}");
        if (m.isBlueGreen()) {
            deployEnv.put("IDLE", "${{ steps.colours.outputs.idle }}");
        }
        steps.add(WorkflowParts.step("Create the deployment", "deployment", null, deployEnv,
                m.isBlueGreen() ? CREATE_DEPLOYMENT_TO_IDLE : CREATE_DEPLOYMENT));
        steps.add(WorkflowParts.step("Wait for the deployment", null, null,
                OrderedMaps.of("DEPLOYMENT_ID", "${{ steps.deployment.outputs.id }}"), WAIT));
        if (!m.isBlueGreen() && m.blueGroup() != null) {
            steps.add(WorkflowParts.step("Use load-balancer health checks", null, null,
                    OrderedMaps.of("GROUP", m.blueGroup()), USE_ELB_HEALTH_CHECKS));
        }
        if (m.isBlueGreen()) {
            steps.add(WorkflowParts.step("Move the target group and retire the old colour", "retire", null,
                    coloursEnv(), RETIRE));
            Map<String, Object> failureEnv = coloursEnv();
            failureEnv.put("DEPLOYMENT_ID", "${{ steps.deployment.outputs.id }}");
            steps.add(WorkflowParts.step("Return the idle colour to zero after a failure", null,
                    "${{ failure() && steps.colours.outputs.idle != '' && steps.retire.outcome == 'skipped' }}",
                    failureEnv, RETURN_IDLE));
        }
        workflow.put("jobs", OrderedMaps.of("deploy", WorkflowParts.job(m, "Build and deploy " + m.application(), 60, steps)));
        return WorkflowParts.header(m, variables, "Deploys " + m.application() + " (" + styleWords(m) + ") with CodeDeploy.")
                + Yaml.write(Yaml.AS_IS, workflow, "the API workflow of " + m.name());
    }

    private static Map<String, Object> java(DeliveryManifest m) {
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("distribution", "corretto");
        java.put("java-version", String.valueOf(m.javaVersion()));
        String build = m.buildCommand();
        String cache = build.contains("gradle") ? "gradle" : build.contains("mvn") ? "maven" : null;
        if (cache != null) {
            java.put("cache", cache);
        }
        return java;
    }

    private static String styleWords(DeliveryManifest m) {
        return switch (m.style()) {
            case DeliveryManifest.IN_PLACE -> "in place";
            case DeliveryManifest.BLUE_GREEN -> "blue/green between " + m.blueGroup() + " and " + m.greenGroup();
            case DeliveryManifest.BLUE_GREEN_COPY_GROUP -> "blue/green copying the group; Terraform loses track of the group";
            default -> throw new IllegalArgumentException("not a delivery style: " + m.style() + " (expected "
                    + DeliveryManifest.IN_PLACE + ", " + DeliveryManifest.BLUE_GREEN + " or "
                    + DeliveryManifest.BLUE_GREEN_COPY_GROUP + ")");
        };
    }

    private static Map<String, Object> coloursEnv() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("SERVING", "${{ steps.colours.outputs.serving }}");
        env.put("IDLE", "${{ steps.colours.outputs.idle }}");
        env.put("CAPACITY", "${{ steps.colours.outputs.capacity }}");
        env.put("MIN_SIZE", "${{ steps.colours.outputs.min_size }}");
        env.put("TARGET_GROUP", "${{ steps.colours.outputs.target_group }}");
        return env;
    }
}
