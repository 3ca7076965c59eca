package io.growstack.delivery;

import io.growstack.core.Args;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files a repository commits for one {@link Delivery}, rendered from its {@link DeliveryManifest}
 * with the stack's real names: the bundle's {@code appspec.yml} and hook scripts under
 * {@code deploy/<name>/}, the API workflow {@code .github/workflows/deploy-<name>.yml} and, with a
 * static site, {@code .github/workflows/site-<name>.yml}. YAML is written by Jackson from maps.
 *
 * <p>Values Terraform only knows after apply (the deploy role's ARN, the distribution id) are read
 * from GitHub repository variables ({@link #variables()}), unless the manifest came from
 * {@code terraform output -json}, where they are real.
 *
 * <p>The blue/green workflow: find the serving colour (the group attached to the target group) and the
 * idle one; point the deployment group at the serving colour; scale the idle colour to the serving
 * colour's size; deploy the bundle to it ({@code --target-instances}); wait; then attach the target
 * group to it, point the deployment group at it and scale the old colour to zero. On failure CodeDeploy
 * has rolled traffic back to the serving colour, and the workflow returns the idle colour to zero.
 */
public final class DeliveryFiles {
    /** Hook names AppSpec knows for EC2/on-premises deployments. */
    public static final Set<String> KNOWN_HOOKS = Set.of("ApplicationStop", "DownloadBundle", "BeforeInstall",
            "Install", "AfterInstall", "ApplicationStart", "ValidateService", "BeforeBlockTraffic", "BlockTraffic",
            "AfterBlockTraffic", "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic");
    /** AppSpec's limit on one hook script's timeout. */
    public static final int MAX_HOOK_TIMEOUT_SECONDS = 3600;
    /** Pinned major versions of the actions the workflows use. */
    public static final String CHECKOUT = "actions/checkout@v4";
    /** Sets up the JDK. */
    public static final String SETUP_JAVA = "actions/setup-java@v4";
    /** Sets up Node for the site build. */
    public static final String SETUP_NODE = "actions/setup-node@v4";
    /** Exchanges the job's OpenID Connect token for the role's credentials. */
    public static final String CONFIGURE_AWS_CREDENTIALS = "aws-actions/configure-aws-credentials@v4";
    /** The runner. */
    public static final String RUNNER = "ubuntu-latest";
    /** The branch a workflow runs on when the subject names none (environment or wildcard). */
    public static final String DEFAULT_BRANCH = "main";

    private final DeliveryManifest m;
    private final Map<String, String> files = new TreeMap<>();
    private final List<String> variables = new ArrayList<>();

    private DeliveryFiles(DeliveryManifest manifest) {
        this.m = manifest;
        String dir = bundleDirectory();
        files.put(dir + "/appspec.yml", appspec());
        files.put(dir + "/scripts/stop.sh", HookScripts.stop(m));
        files.put(dir + "/scripts/install.sh", HookScripts.install(m));
        files.put(dir + "/scripts/start.sh", HookScripts.start(m));
        files.put(dir + "/scripts/validate.sh", HookScripts.validate(m));
        files.put(apiWorkflowPath(), apiWorkflow());
        if (m.site() != null) {
            files.put(siteWorkflowPath(), siteWorkflow());
        }
    }

    /** The files for {@code manifest}. */
    public static DeliveryFiles of(DeliveryManifest manifest) {
        Args.notNull(manifest, "manifest");
        return new DeliveryFiles(manifest);
    }

    /** Path → content, sorted by path. */
    public Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }

    /** The GitHub repository variables the workflows read, each with the value to give it. */
    public List<String> variables() {
        return List.copyOf(variables);
    }

    /** The folder of the bundle's own files (appspec and scripts). */
    public String bundleDirectory() {
        return "deploy/" + m.name();
    }

    /** The API workflow's path. */
    public String apiWorkflowPath() {
        return ".github/workflows/deploy-" + m.name() + ".yml";
    }

    /** The static-site workflow's path. */
    public String siteWorkflowPath() {
        return ".github/workflows/site-" + m.name() + ".yml";
    }

    /** Writes every file below {@code root} (scripts executable) and returns the paths written. */
    public List<Path> writeTo(Path root) {
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
                if (file.getKey().endsWith(".sh")) {
                    try {
                        Set<PosixFilePermission> mode = new java.util.HashSet<>(Files.getPosixFilePermissions(path));
                        mode.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_EXECUTE));
                        Files.setPosixFilePermissions(path, mode);
                    } catch (UnsupportedOperationException e) {
                        // Not a POSIX file system: git keeps the mode the scripts get from the bundle's zip.
                    }
                }
                written.add(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the delivery files below " + root, e);
        }
        return written;
    }

    // --- appspec ---------------------------------------------------------------------------------

    private String appspec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", 0.0);
        spec.put("os", "linux");
        spec.put("files", List.of(map("source", HookScripts.JAR, "destination", "/opt/" + m.serviceName())));
        spec.put("file_exists_behavior", "OVERWRITE");
        Map<String, Object> hooks = new LinkedHashMap<>();
        hooks.put("ApplicationStop", hook("scripts/stop.sh", 120));
        hooks.put("BeforeInstall", hook("scripts/install.sh", 600));
        hooks.put("ApplicationStart", hook("scripts/start.sh", 120));
        hooks.put("ValidateService", hook("scripts/validate.sh", m.validateTimeoutSeconds() + 60));
        spec.put("hooks", hooks);
        return "# AppSpec of " + m.application() + " (" + m.deploymentGroup() + "), generated by growstack"
                + " delivery-files.\n" + Yaml.write(spec);
    }

    private static List<Object> hook(String location, int timeoutSeconds) {
        return List.of(map("location", location, "timeout", timeoutSeconds, "runas", "root"));
    }

    // --- API workflow ----------------------------------------------------------------------------

    private String apiWorkflow() {
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("name", "Deploy " + m.name());
        workflow.put("on", triggers());
        workflow.put("permissions", map("contents", "read", "id-token", "write"));
        workflow.put("concurrency", map("group", "deploy-" + m.name(), "cancel-in-progress", false));
        workflow.put("defaults", map("run", map("shell", "bash")));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("AWS_REGION", m.region());
        env.put("APPLICATION", m.application());
        env.put("DEPLOYMENT_GROUP", m.deploymentGroup());
        env.put("ARTIFACT_BUCKET", resolved(m.artifactBucket(), "ARTIFACT_BUCKET", "the artifact bucket's name"));
        env.put("ARTIFACT_PREFIX", m.artifactPrefix());
        env.put("BUNDLE_DIR", bundleDirectory());
        if (m.isBlueGreen()) {
            env.put("BLUE_GROUP", m.blueGroup());
            env.put("GREEN_GROUP", m.greenGroup());
        }
        workflow.put("env", env);

        List<Object> steps = new ArrayList<>();
        steps.add(map("name", "Check out", "uses", CHECKOUT));
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("distribution", "corretto");
        java.put("java-version", String.valueOf(m.javaVersion()));
        String cache = m.buildCommand().contains("gradle") ? "gradle" : m.buildCommand().contains("mvn") ? "maven" : null;
        if (cache != null) {
            java.put("cache", cache);
        }
        steps.add(map("name", "Set up JDK " + m.javaVersion(), "uses", SETUP_JAVA, "with", java));
        steps.add(map("name", "Build", "run", m.buildCommand()));
        steps.add(map("name", "Assemble the bundle", "run", assembleScript()));
        steps.add(credentials("deploy"));
        steps.add(map("name", "Upload the bundle", "id", "upload", "run", """
                key="$ARTIFACT_PREFIX/$GITHUB_SHA.zip"
                aws s3 cp bundle.zip "s3://$ARTIFACT_BUCKET/$key"
                echo "key=$key" >> "$GITHUB_OUTPUT"
                """));
        if (m.isBlueGreen()) {
            steps.add(map("name", "Find the serving and the idle colour", "id", "colours", "run", COLOURS));
            steps.add(step("Start the idle colour", null, null, coloursEnv(), START_IDLE));
        }
        Map<String, Object> deployEnv = new LinkedHashMap<>();
        deployEnv.put("BUNDLE_KEY", "${{ steps.upload.outputs.key }}");
        if (m.isBlueGreen()) {
            deployEnv.put("IDLE", "${{ steps.colours.outputs.idle }}");
        }
        steps.add(step("Create the deployment", "deployment", null, deployEnv,
                m.isBlueGreen() ? CREATE_DEPLOYMENT_TO_IDLE : CREATE_DEPLOYMENT));
        steps.add(step("Wait for the deployment", null, null,
                map("DEPLOYMENT_ID", "${{ steps.deployment.outputs.id }}"), """
                        aws deploy wait deployment-successful --deployment-id "$DEPLOYMENT_ID"
                        echo "deployment $DEPLOYMENT_ID succeeded"
                        """));
        if (!m.isBlueGreen() && m.blueGroup() != null) {
            steps.add(step("Use load-balancer health checks", null, null, map("GROUP", m.blueGroup()),
                    USE_ELB_HEALTH_CHECKS));
        }
        if (m.isBlueGreen()) {
            steps.add(step("Move the target group and retire the old colour", "retire", null, coloursEnv(), RETIRE));
            Map<String, Object> failureEnv = coloursEnv();
            failureEnv.put("DEPLOYMENT_ID", "${{ steps.deployment.outputs.id }}");
            steps.add(step("Return the idle colour to zero after a failure", null,
                    "${{ failure() && steps.colours.outputs.idle != '' && steps.retire.outcome == 'skipped' }}",
                    failureEnv, ON_FAILURE));
        }
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("name", "Build and deploy " + m.application());
        job.put("runs-on", RUNNER);
        job.put("timeout-minutes", 60);
        if (m.github() != null && m.github().environment() != null) {
            job.put("environment", m.github().environment());
        }
        job.put("steps", steps);
        workflow.put("jobs", map("deploy", job));
        return header("Deploys " + m.application() + " (" + styleWords() + ") with CodeDeploy.") + Yaml.write(workflow);
    }

    private String styleWords() {
        return switch (DeliveryTarget.Style.valueOf(m.style())) {
            case IN_PLACE -> "in place";
            case BLUE_GREEN -> "blue/green between " + m.blueGroup() + " and " + m.greenGroup();
            case BLUE_GREEN_COPY_GROUP -> "blue/green copying the group; Terraform loses track of the group";
        };
    }

    private String assembleScript() {
        return "shopt -s nullglob\n"
                + "jars=()\n"
                + "for jar in " + m.jarPath() + "; do\n"
                + """
                  case "$jar" in
                    *-plain.jar | *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
                    *) jars+=("$jar") ;;
                  esac
                done
                """
                + "if [ \"${#jars[@]}\" -ne 1 ]; then\n"
                + "  echo \"::error::expected exactly one jar matching " + m.jarPath() + ", found ${#jars[@]}: ${jars[*]}\"\n"
                + """
                  exit 1
                fi
                rm -rf bundle bundle.zip
                mkdir bundle
                cp -R "$BUNDLE_DIR"/. bundle/
                """
                + "cp \"${jars[0]}\" bundle/" + HookScripts.JAR + "\n"
                + """
                chmod +x bundle/scripts/*.sh
                (cd bundle && zip -qr ../bundle.zip .)
                """;
    }

    private static final String COLOURS = """
            serving=$(aws autoscaling describe-auto-scaling-groups \\
              --auto-scaling-group-names "$BLUE_GROUP" "$GREEN_GROUP" \\
              --query 'AutoScalingGroups[?TargetGroupARNs[0]].AutoScalingGroupName' --output text)
            case "$serving" in
              "$BLUE_GROUP") idle="$GREEN_GROUP" ;;
              "$GREEN_GROUP") idle="$BLUE_GROUP" ;;
              *)
                echo "::error::expected exactly one of $BLUE_GROUP and $GREEN_GROUP attached to the target group, found '$serving'"
                exit 1
                ;;
            esac
            read -r desired minimum target_group < <(aws autoscaling describe-auto-scaling-groups \\
              --auto-scaling-group-names "$serving" \\
              --query 'AutoScalingGroups[0].[DesiredCapacity, MinSize, TargetGroupARNs[0]]' --output text)
            capacity=$((desired > 0 ? desired : 1))
            minimum=$((minimum > 0 ? minimum : 1))
            {
              echo "serving=$serving"
              echo "idle=$idle"
              echo "capacity=$capacity"
              echo "min_size=$minimum"
              echo "target_group=$target_group"
            } >> "$GITHUB_OUTPUT"
            echo "$serving serves; deploying to $idle with $capacity instances"
            """;

    private static final String START_IDLE = """
            aws deploy update-deployment-group --application-name "$APPLICATION" \\
              --current-deployment-group-name "$DEPLOYMENT_GROUP" --auto-scaling-groups "$SERVING" > /dev/null
            aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$IDLE" \\
              --min-size "$MIN_SIZE" --desired-capacity "$CAPACITY"
            for _ in $(seq 1 60); do
              in_service=$(aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$IDLE" \\
                --query "length(AutoScalingGroups[0].Instances[?LifecycleState=='InService'])" --output text)
              if [ "$in_service" -ge "$CAPACITY" ]; then
                echo "$IDLE has $in_service instances in service"
                exit 0
              fi
              sleep 10
            done
            echo "::error::$IDLE did not reach $CAPACITY instances in service within 10 minutes"
            exit 1
            """;

    private static final String CREATE_DEPLOYMENT = """
            id=$(aws deploy create-deployment --application-name "$APPLICATION" \\
              --deployment-group-name "$DEPLOYMENT_GROUP" \\
              --s3-location "bucket=$ARTIFACT_BUCKET,key=$BUNDLE_KEY,bundleType=zip" \\
              --description "$GITHUB_REPOSITORY@$GITHUB_SHA" \\
              --query deploymentId --output text)
            echo "id=$id" >> "$GITHUB_OUTPUT"
            echo "deployment $id"
            """;

    private static final String CREATE_DEPLOYMENT_TO_IDLE = """
            id=$(aws deploy create-deployment --application-name "$APPLICATION" \\
              --deployment-group-name "$DEPLOYMENT_GROUP" \\
              --s3-location "bucket=$ARTIFACT_BUCKET,key=$BUNDLE_KEY,bundleType=zip" \\
              --target-instances "autoScalingGroups=$IDLE" \\
              --description "$GITHUB_REPOSITORY@$GITHUB_SHA to $IDLE" \\
              --query deploymentId --output text)
            echo "id=$id" >> "$GITHUB_OUTPUT"
            echo "deployment $id to $IDLE"
            """;

    // The group started with EC2 health checks so that it did not churn before this first revision.
    private static final String USE_ELB_HEALTH_CHECKS = """
            aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$GROUP" --health-check-type ELB
            echo "$GROUP uses the load balancer's health checks"
            """;

    private static final String RETIRE = """
            aws autoscaling attach-load-balancer-target-groups --auto-scaling-group-name "$IDLE" \\
              --target-group-arns "$TARGET_GROUP"
            aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$IDLE" --health-check-type ELB
            aws deploy update-deployment-group --application-name "$APPLICATION" \\
              --current-deployment-group-name "$DEPLOYMENT_GROUP" --auto-scaling-groups "$IDLE" > /dev/null
            aws autoscaling detach-load-balancer-target-groups --auto-scaling-group-name "$SERVING" \\
              --target-group-arns "$TARGET_GROUP"
            aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$SERVING" \\
              --min-size 0 --desired-capacity 0
            echo "$IDLE serves now; $SERVING is scaled to zero"
            """;

    private static final String ON_FAILURE = """
            if [ -n "$DEPLOYMENT_ID" ]; then
              status=$(aws deploy get-deployment --deployment-id "$DEPLOYMENT_ID" \\
                --query deploymentInfo.status --output text)
              case "$status" in
                Created | Queued | InProgress | Ready | Baking)
                  aws deploy stop-deployment --deployment-id "$DEPLOYMENT_ID" --auto-rollback-enabled
                  ;;
              esac
            fi
            aws deploy update-deployment-group --application-name "$APPLICATION" \\
              --current-deployment-group-name "$DEPLOYMENT_GROUP" --auto-scaling-groups "$SERVING" > /dev/null
            aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$IDLE" \\
              --min-size 0 --desired-capacity 0
            echo "::warning::the deployment failed: $SERVING keeps serving and $IDLE is back at zero"
            """;

    private static Map<String, Object> coloursEnv() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("SERVING", "${{ steps.colours.outputs.serving }}");
        env.put("IDLE", "${{ steps.colours.outputs.idle }}");
        env.put("CAPACITY", "${{ steps.colours.outputs.capacity }}");
        env.put("MIN_SIZE", "${{ steps.colours.outputs.min_size }}");
        env.put("TARGET_GROUP", "${{ steps.colours.outputs.target_group }}");
        return env;
    }

    // --- static-site workflow --------------------------------------------------------------------

    private String siteWorkflow() {
        DeliveryManifest.Site site = m.site();
        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("name", "Publish " + m.name() + " site");
        workflow.put("on", triggers());
        workflow.put("permissions", map("contents", "read", "id-token", "write"));
        workflow.put("concurrency", map("group", "site-" + m.name(), "cancel-in-progress", false));
        workflow.put("defaults", map("run", map("shell", "bash")));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("AWS_REGION", m.region());
        env.put("SITE_BUCKET", resolved(site.bucket(), "SITE_BUCKET", "the site bucket's name"));
        env.put("SITE_DIRECTORY", site.directory());
        env.put("DISTRIBUTION_ID", resolved(site.distributionId(), "DISTRIBUTION_ID",
                "the site's CloudFront distribution id"));
        workflow.put("env", env);
        List<Object> steps = new ArrayList<>();
        steps.add(map("name", "Check out", "uses", CHECKOUT));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("node-version", "20");
        if (site.buildCommand().contains("npm")) {
            node.put("cache", "npm");
        }
        steps.add(map("name", "Set up Node", "uses", SETUP_NODE, "with", node));
        steps.add(map("name", "Build", "run", site.buildCommand()));
        steps.add(credentials("site"));
        steps.add(map("name", "Sync the bucket", "run", """
                aws s3 sync "$SITE_DIRECTORY" "s3://$SITE_BUCKET" --delete
                """));
        steps.add(map("name", "Invalidate the distribution", "run", """
                id=$(aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION_ID" --paths '/*' \\
                  --query Invalidation.Id --output text)
                aws cloudfront wait invalidation-completed --distribution-id "$DISTRIBUTION_ID" --id "$id"
                echo "invalidation $id completed"
                """));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("name", "Build and publish " + site.bucket());
        job.put("runs-on", RUNNER);
        job.put("timeout-minutes", 30);
        if (m.github() != null && m.github().environment() != null) {
            job.put("environment", m.github().environment());
        }
        job.put("steps", steps);
        workflow.put("jobs", map("publish", job));
        return header("Publishes the static site " + site.bucket() + " and invalidates its distribution.")
                + Yaml.write(workflow);
    }

    // --- shared ----------------------------------------------------------------------------------

    private Map<String, Object> triggers() {
        String branch = m.github() != null && m.github().branch() != null ? m.github().branch() : DEFAULT_BRANCH;
        Map<String, Object> on = new LinkedHashMap<>();
        on.put("push", map("branches", List.of(branch)));
        on.put("workflow_dispatch", new LinkedHashMap<>());
        return on;
    }

    private Map<String, Object> credentials(String purpose) {
        String role = resolved(m.github() == null ? null : m.github().deployRoleArn(), "DEPLOY_ROLE_ARN",
                "the GitHub Actions deploy role's ARN");
        Map<String, Object> with = new LinkedHashMap<>();
        with.put("role-to-assume", role);
        with.put("aws-region", "${{ env.AWS_REGION }}");
        with.put("role-session-name", "github-" + purpose + "-" + m.name() + "-${{ github.run_id }}");
        return map("name", "AWS credentials (OpenID Connect, no stored keys)", "uses", CONFIGURE_AWS_CREDENTIALS,
                "with", with);
    }

    /** A literal value, or a repository variable for one Terraform knows only after apply. */
    private String resolved(String value, String suffix, String what) {
        if (value != null && !DeliveryManifest.isReference(value)) {
            return value;
        }
        String variable = m.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
        String entry = variable + ": " + what + " (terraform output -json " + DeliveryManifest.OUTPUT_PREFIX
                + m.name().replace('-', '_') + ")";
        if (!variables.contains(entry)) {
            variables.add(entry);
        }
        return "${{ vars." + variable + " }}";
    }

    private String header(String purpose) {
        StringBuilder text = new StringBuilder("# ").append(purpose).append('\n')
                .append("# Generated by growstack delivery-files from the stack's delivery '").append(m.name())
                .append("'; regenerate rather than edit.\n");
        if (m.github() != null) {
            text.append("# The deploy role trusts only ").append(m.github().subject()).append(".\n");
        }
        for (String variable : variables) {
            text.append("# Repository variable ").append(variable).append('\n');
        }
        return text.toString();
    }

    private static Map<String, Object> step(String name, String id, String condition, Map<String, Object> env,
                                            String run) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("name", name);
        if (id != null) {
            step.put("id", id);
        }
        if (condition != null) {
            step.put("if", condition);
        }
        step.put("env", env);
        step.put("run", run);
        return step;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
