package io.growstack.files;

import io.growstack.core.Args;
import io.growstack.core.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The GitHub Actions workflow {@value #PATH} that runs Terraform for one stack: on a pull request it
 * synthesizes and plans with the read-only plan role ({@code plan -lock=false}: that role cannot write
 * the lock), on a push to the branch it synthesizes and applies with the apply role, one apply at a time
 * (a {@code concurrency} group that never cancels a running apply). Both roles come from
 * {@code GitHubOidc} ({@code planRole(true)}); their ARNs, and the stack's Terraform variables, are
 * read from GitHub repository variables ({@link #variables()}). YAML is written by Jackson.
 */
public final class InfrastructureWorkflow {
    /** Where the workflow lives in the repository. */
    public static final String PATH = ".github/workflows/infrastructure.yml";
    /** Installs Terraform. */
    public static final String SETUP_TERRAFORM = "hashicorp/setup-terraform@v3";
    /** The Terraform the workflow runs: 1.10+ for the S3 backend's native lock file. */
    public static final String TERRAFORM_VERSION = "1.10.5";
    /** The Node version cdktf's jsii runtime runs on. */
    public static final String NODE_VERSION = "20";
    /** The synth command (the cdktf.json {@code app}). */
    public static final String SYNTH = "mvn -q -B compile exec:java";

    private static final Pattern STACK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Settings settings;
    private final List<String> variables = new ArrayList<>();
    private final String content;

    /**
     * What the workflow needs.
     *
     * @param stack              the stack Terraform runs in ({@code cdktf.out/stacks/<stack>})
     * @param region             the AWS region of the credentials
     * @param branch             pushes to this branch apply; the apply role must trust only it
     * @param terraformVariables the stack's variables without defaults, passed as {@code TF_VAR_<name>}
     */
    public record Settings(String stack, String region, String branch, List<String> terraformVariables) {
        /** Checks the settings. */
        public Settings {
            Objects.requireNonNull(stack, "stack must not be null");
            Objects.requireNonNull(region, "region must not be null");
            Objects.requireNonNull(branch, "branch must not be null");
            terraformVariables = List.copyOf(terraformVariables == null ? List.of() : terraformVariables);
            if (!STACK.matcher(stack).matches()) {
                throw new IllegalArgumentException("expected a stack name of letters, digits, - and _: " + stack);
            }
            for (String v : terraformVariables) {
                if (!VARIABLE.matcher(v).matches()) {
                    throw new IllegalArgumentException("expected a Terraform variable name: " + v);
                }
            }
        }
    }

    private InfrastructureWorkflow(Settings settings) {
        this.settings = settings;
        this.content = render();
    }

    /** The workflow for {@code settings}. */
    public static InfrastructureWorkflow of(Settings settings) {
        Args.notNull(settings, "settings");
        return new InfrastructureWorkflow(settings);
    }

    /** The workflow's YAML. */
    public String content() {
        return content;
    }

    /** The repository variables the workflow reads, each with what to give it. */
    public List<String> variables() {
        return List.copyOf(variables);
    }

    /** The repository variable holding the plan role's ARN. */
    public String planRoleVariable() {
        return prefix() + "_PLAN_ROLE_ARN";
    }

    /** The repository variable holding the apply role's ARN. */
    public String applyRoleVariable() {
        return prefix() + "_APPLY_ROLE_ARN";
    }

    /** The folder Terraform runs in. */
    public String stackDirectory() {
        return "cdktf.out/stacks/" + settings.stack();
    }

    /** Writes {@value #PATH} below {@code root} and returns its path. */
    public Path writeTo(Path root) {
        Path path = root.resolve(PATH);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
        return path;
    }

    private String prefix() {
        return settings.stack().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private String render() {
        variables.add(planRoleVariable() + ": the read-only plan role's ARN (GitHubOidc planRole, trusted for pull requests)");
        variables.add(applyRoleVariable() + ": the apply role's ARN (GitHubOidc deploy role, trusted for "
                + settings.branch() + " only)");
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("AWS_REGION", settings.region());
        env.put("STACK_DIR", stackDirectory());
        for (String v : settings.terraformVariables()) {
            String repoVariable = v.toUpperCase(Locale.ROOT);
            variables.add(repoVariable + ": the Terraform variable " + v + " (its -var value, HCL syntax)");
            env.put("TF_VAR_" + v, "${{ vars." + repoVariable + " }}");
        }
        env.put("TF_IN_AUTOMATION", "true");

        Map<String, Object> on = new LinkedHashMap<>();
        on.put("pull_request", OrderedMaps.of("branches", List.of(settings.branch())));
        on.put("push", OrderedMaps.of("branches", List.of(settings.branch())));

        Map<String, Object> workflow = new LinkedHashMap<>();
        workflow.put("name", "Infrastructure " + settings.stack());
        workflow.put("on", on);
        workflow.put("permissions", OrderedMaps.of("id-token", "write", "contents", "read"));
        workflow.put("defaults", OrderedMaps.of("run", OrderedMaps.of("shell", "bash")));
        workflow.put("env", env);

        Map<String, Object> plan = job("Plan " + settings.stack(), "github.event_name == 'pull_request'",
                planRoleVariable(), "plan", "Plan (read-only, no lock)",
                "terraform -chdir=\"$STACK_DIR\" plan -lock=false -input=false\n");
        Map<String, Object> apply = job("Apply " + settings.stack(), "github.event_name == 'push'",
                applyRoleVariable(), "apply", "Apply",
                "terraform -chdir=\"$STACK_DIR\" apply -auto-approve -input=false\n");
        apply.put("concurrency", OrderedMaps.of("group", "terraform-apply-" + settings.stack(), "cancel-in-progress", false));
        Map<String, Object> jobs = new LinkedHashMap<>();
        jobs.put("plan", plan);
        jobs.put("apply", apply);
        // Reorder so concurrency sits before steps in the apply job.
        Object steps = apply.remove("steps");
        apply.put("steps", steps);
        workflow.put("jobs", jobs);

        StringBuilder header = new StringBuilder("# Plans ").append(settings.stack())
                .append(" on pull requests (read-only role, -lock=false) and applies it on pushes to ")
                .append(settings.branch()).append(" (apply role, one apply at a time).\n")
                .append("# Generated by growstack InfrastructureWorkflow; regenerate rather than edit.\n");
        for (String v : variables) {
            header.append("# Repository variable ").append(v).append('\n');
        }
        return header + Yaml.write(Yaml.AS_IS, workflow, "the infrastructure workflow of " + settings.stack());
    }

    private Map<String, Object> job(String name, String condition, String roleVariable, String purpose,
                                    String lastName, String lastRun) {
        List<Object> steps = new ArrayList<>();
        steps.add(OrderedMaps.of("name", "Check out", "uses", GitHubActions.CHECKOUT));
        steps.add(OrderedMaps.of("name", "Set up JDK 17", "uses", GitHubActions.SETUP_JAVA, "with",
                OrderedMaps.of("distribution", "temurin", "java-version", "17", "cache", "maven")));
        steps.add(OrderedMaps.of("name", "Set up Node", "uses", GitHubActions.SETUP_NODE, "with",
                OrderedMaps.of("node-version", NODE_VERSION)));
        steps.add(OrderedMaps.of("name", "Set up Terraform", "uses", SETUP_TERRAFORM, "with",
                OrderedMaps.of("terraform_version", TERRAFORM_VERSION, "terraform_wrapper", false)));
        steps.add(OrderedMaps.of("name", "AWS credentials (OpenID Connect, no stored keys)", "uses",
                GitHubActions.CONFIGURE_AWS_CREDENTIALS, "with", OrderedMaps.of(
                        "role-to-assume", "${{ vars." + roleVariable + " }}",
                        "aws-region", "${{ env.AWS_REGION }}",
                        "role-session-name", "github-" + purpose + "-" + settings.stack() + "-${{ github.run_id }}")));
        steps.add(OrderedMaps.of("name", "Synthesize", "run", SYNTH + "\n"));
        steps.add(OrderedMaps.of("name", "Init", "run", "terraform -chdir=\"$STACK_DIR\" init -input=false\n"));
        steps.add(OrderedMaps.of("name", lastName, "run", lastRun));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("name", name);
        job.put("if", condition);
        job.put("runs-on", GitHubActions.RUNNER);
        job.put("timeout-minutes", 60);
        job.put("steps", steps);
        return job;
    }
}
