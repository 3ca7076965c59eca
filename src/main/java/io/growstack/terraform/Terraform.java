package io.growstack.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code terraform} on a stack folder: {@code init} (from the local provider mirror
 * when there is one), {@code validate}, and an offline {@code plan -refresh=false}.
 *
 * <p>The offline plan needs an override file beside the stack's JSON ({@link #offlineOverride})
 * that gives every AWS provider configuration mock credentials, the skip-* settings and every
 * endpoint at a dead loopback port, so an accidental API call fails at once and never leaves the
 * machine; it also swaps any remote backend for a local one. Write it only into a copy of a
 * stack folder: it is not part of the product.
 */
public final class Terraform {
    /** Nothing listens here: connections are refused immediately. */
    public static final String DEAD_ENDPOINT = "http://127.0.0.1:9";
    /** The override file's name ({@code *_override.tf.json} is merged over the stack by Terraform). */
    public static final String OVERRIDE_FILE = "growstack_offline_override.tf.json";
    /** The local state file the override's backend uses. */
    public static final String OFFLINE_STATE = "offline.tfstate";
    /** Provider endpoint keys that exist in both 5.100 and 6.x, for every service growstack touches. */
    public static final List<String> SERVICES = List.of("acm", "autoscaling", "budgets", "cloudfront", "cloudwatch",
            "deploy", "dynamodb", "ec2", "elasticache", "elbv2", "iam", "kms", "logs", "rds", "s3",
            "secretsmanager", "sns", "ssm", "sts");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir;

    /** Terraform with its plugin cache and an empty CLI configuration under {@code workDir}. */
    public Terraform(Path workDir) {
        this.workDir = workDir.toAbsolutePath();
    }

    /** The outcome of one terraform command. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {
        /** Exit 0 within the time limit. */
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** The command, its status and its output, for error messages. */
        public String describe() {
            return String.join(" ", command) + "\n  exit " + (timedOut ? "timeout" : exitCode) + "\n  stdout: "
                    + stdout.strip() + "\n  stderr: " + stderr.strip();
        }

        /**
         * Terraform's first error as one line: its summary, where it is, and the first line of its
         * detail ("Error: Extraneous JSON object property (cdk.tf.json line 40): No argument or
         * block type is named \"cidr_blok\"."); else the last line of the error output.
         */
        public String firstError() {
            String text = stderr.isBlank() ? stdout : stderr;
            List<String> lines = text.lines().map(l -> l.replaceAll("^[\\s\u2502\u2577\u2575]+", "").strip()).toList();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).startsWith("Error:")) {
                    continue;
                }
                StringBuilder error = new StringBuilder(lines.get(i));
                for (int j = i + 1; j < lines.size(); j++) {
                    String line = lines.get(j);
                    if (line.isEmpty() || line.matches("\\d+:.*")) {
                        continue;
                    }
                    if (line.startsWith("on ") && line.contains(" line ")) {
                        error.append(" (").append(line.replaceFirst("^on ", "").replaceFirst(",.*|:$", "")).append(")");
                        continue;
                    }
                    if (line.startsWith("Error:")) {
                        break;
                    }
                    error.append(": ").append(line);
                    break;
                }
                return error.toString();
            }
            List<String> nonEmpty = lines.stream().filter(l -> !l.isEmpty()).toList();
            return nonEmpty.isEmpty() ? "exit " + exitCode : nonEmpty.get(nonEmpty.size() - 1);
        }
    }

    /** Whether {@code terraform} is on the PATH. */
    public static boolean installed() {
        return which("terraform").isPresent();
    }

    /** {@code tool} on the PATH, if there. */
    public static Optional<Path> which(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The local provider mirror: {@code $GROWSTACK_TF_PLUGIN_DIR}, else the first {@code tf-plugins}
     * folder holding hashicorp/aws found in the usual places.
     */
    public static Optional<Path> mirror() {
        String configured = System.getenv("GROWSTACK_TF_PLUGIN_DIR");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/opt/tf-plugins"));
        candidates.add(Path.of("/usr/local/share/tf-plugins"));
        candidates.add(Path.of("/usr/share/tf-plugins"));
        candidates.add(Path.of(System.getProperty("user.home"), "tf-plugins"));
        candidates.add(Path.of(System.getProperty("user.home"), ".terraform.d", "plugins"));
        return candidates.stream()
                .filter(p -> Files.isDirectory(p.resolve("registry.terraform.io/hashicorp/aws")))
                .findFirst();
    }

    /**
     * The offline override for a stack: mock credentials and dead endpoints for each of its AWS
     * provider configurations, a local backend, and {@code variables} as defaults of the stack's
     * input variables.
     */
    public static ObjectNode offlineOverride(JsonNode stack, Map<String, Object> variables) {
        ObjectNode root = JSON.createObjectNode();
        if (!variables.isEmpty()) {
            ObjectNode vars = root.putObject("variable");
            new TreeMap<>(variables).forEach((name, value) ->
                    vars.putObject(name).set("default", JSON.valueToTree(value)));
        }
        ArrayNode providers = root.putObject("provider").putArray("aws");
        for (JsonNode configured : stack.path("provider").path("aws")) {
            ObjectNode p = providers.addObject();
            if (configured.has("alias")) {
                p.put("alias", configured.path("alias").asText());
            }
            p.put("access_key", "mock-access-key");
            p.put("secret_key", "mock-secret-key");
            p.put("skip_credentials_validation", true);
            p.put("skip_requesting_account_id", true);
            p.put("skip_metadata_api_check", true);
            p.put("skip_region_validation", true);
            p.put("max_retries", 1);
            ObjectNode endpoints = p.putArray("endpoints").addObject();
            SERVICES.forEach(service -> endpoints.put(service, DEAD_ENDPOINT));
        }
        root.putObject("terraform").putObject("backend").putObject("local").put("path", OFFLINE_STATE);
        return root;
    }

    /** Writes {@link #offlineOverride} as {@code fileName} into {@code dir}. */
    public static void writeOverride(Path dir, String fileName, JsonNode stack, Map<String, Object> variables) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(fileName).toFile(),
                    offlineOverride(stack, variables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code terraform init} from the mirror (or the registry without one). */
    public Result init(Path dir) {
        List<String> command = new ArrayList<>(List.of("terraform", "init", "-input=false", "-no-color"));
        mirror().ifPresent(m -> command.add("-plugin-dir=" + m));
        return run(dir, command);
    }

    /** {@code terraform validate}. */
    public Result validate(Path dir) {
        return run(dir, List.of("terraform", "validate", "-no-color"));
    }

    /** {@code terraform plan -refresh=false -json}, with extra arguments such as {@code -var} and {@code -var-file}. */
    public Result plan(Path dir, List<String> extra) {
        List<String> command = new ArrayList<>(List.of("terraform", "plan", "-refresh=false", "-input=false",
                "-lock=false", "-no-color", "-json"));
        command.addAll(extra);
        return run(dir, command);
    }

    /** Any other terraform command ({@code args} after {@code terraform}) in the same offline environment. */
    public Result terraform(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        return run(dir, command);
    }

    /** How many resources a {@code plan -json} run would add; -1 without a change summary. */
    public static int planAdds(Result plan) {
        for (String line : plan.stdout().split("\n")) {
            if (line.contains("\"type\":\"change_summary\"")) {
                try {
                    return JSON.readTree(line).path("changes").path("add").asInt(-1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return -1;
    }

    /** The first diagnostic of a {@code plan -json} run that failed, else its first error line. */
    public static String planError(Result plan) {
        for (String line : plan.stdout().split("\n")) {
            if (line.contains("\"@level\":\"error\"")) {
                try {
                    JsonNode diagnostic = JSON.readTree(line).path("diagnostic");
                    String detail = diagnostic.path("detail").asText("");
                    return "Error: " + diagnostic.path("summary").asText() + (detail.isEmpty() ? "" : ": "
                            + detail.strip().replace('\n', ' '));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return plan.firstError();
    }

    private Result run(Path dir, List<String> command) {
        Map<String, String> env = new HashMap<>();
        try {
            Path cache = Files.createDirectories(workDir.resolve("terraform-plugin-cache"));
            Path cliConfig = workDir.resolve("terraform-offline.tfrc");
            if (!Files.exists(cliConfig)) {
                Files.writeString(cliConfig, "# growstack: no credentials helpers, no host overrides\n");
            }
            env.put("TF_PLUGIN_CACHE_DIR", cache.toString());
            env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("TF_IN_AUTOMATION", "1");
        env.put("CHECKPOINT_DISABLE", "1");
        env.put("AWS_ACCESS_KEY_ID", "mock-access-key");
        env.put("AWS_SECRET_ACCESS_KEY", "mock-secret-key");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PROFILE", "");
        return exec(dir, command, env);
    }

    // Output goes through files, so a provider process that outlives terraform cannot block us.
    private static Result exec(Path dir, List<String> command, Map<String, String> env) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("growstack-terraform-", ".out");
            err = Files.createTempFile("growstack-terraform-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            return new Result(command, finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            for (Path file : new Path[] {out, err}) {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // a temporary file; the OS cleans it up
                    }
                }
            }
        }
    }
}
