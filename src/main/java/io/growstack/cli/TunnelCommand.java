package io.growstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.monitoring.GrafanaTunnel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code growstack tunnel}: prints the command that opens Grafana on localhost:3000 through the
 * bastion, for each Monitoring block of the synthesized stacks.
 *
 * <p>It reads the stack's {@code cdk.tf.json}: every output named {@code <prefix>_grafana_tunnel} marks
 * a Monitoring block, whose {@code <prefix>_private_ip}, {@code <prefix>_bastion_public_ip} and
 * {@code <prefix>_bastion_instance_id} outputs hold the addresses. When the stack's local state file
 * (the backend's {@code path}) has those outputs, the command is printed with the addresses themselves;
 * otherwise (before the first apply, or with remote state) each address is a
 * {@code $(terraform -chdir=<stack dir> output -raw <name>)} substitution, so the printed line still
 * runs as is in a POSIX shell. Commands go to standard output, one a line; notes go to standard error.
 * Exit status: 0 printed, 2 nothing to print or bad input.
 */
@Command(name = "tunnel", mixinStandardHelpOptions = true,
        description = {"Print the command that opens Grafana (localhost:3000) through the bastion.",
                "Exit status: 0 printed, 2 no synthesized stack or no Monitoring block."})
public final class TunnelCommand implements Callable<Integer> {
    static final String TUNNEL_SUFFIX = "_grafana_tunnel";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "cdktf output folder holding stacks/<name>/cdk.tf.json. Default: $CDKTF_OUTDIR, else cdktf.out.")
    Path out;

    @Option(names = "--stack", paramLabel = "NAME", description = "Only this stack. Default: every stack.")
    String stack;

    @Option(names = "--ssm", description = "Print the SSM Session Manager command instead of ssh"
            + " (for a bastion without port 22; needs the Session Manager plugin).")
    boolean ssm;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path root = out != null ? out : Path.of(System.getenv().getOrDefault("CDKTF_OUTDIR", "cdktf.out"));
        List<Path> stacks;
        try {
            stacks = stackFiles(root.resolve("stacks"));
        } catch (IOException e) {
            stderr.println("growstack tunnel: cannot read " + root + ": " + e.getMessage());
            return 2;
        }
        if (stack != null) {
            stacks = stacks.stream().filter(f -> f.getParent().getFileName().toString().equals(stack)).toList();
        }
        if (stacks.isEmpty()) {
            stderr.println("growstack tunnel: no synthesized stack" + (stack != null ? " " + stack : "") + " under "
                    + root + " (expected stacks/<name>/cdk.tf.json); run growstack synth first");
            return 2;
        }
        int printed = 0;
        for (Path file : stacks) {
            JsonNode json;
            try {
                json = JSON.readTree(file.toFile());
            } catch (IOException e) {
                stderr.println("growstack tunnel: " + file + " is not JSON: " + e.getMessage());
                return 2;
            }
            Path dir = file.getParent();
            Optional<JsonNode> state = stateOutputs(dir, json);
            for (String prefix : tunnelPrefixes(json)) {
                stderr.println("# stack " + dir.getFileName() + ", monitoring host " + prefix
                        + (state.isPresent() ? " (addresses from the local state)" : " (addresses read by terraform output)")
                        + "; then open http://localhost:3000");
                boolean useSsm = ssm || !bastionAdmitsSsh(json, prefix);
                if (useSsm && !ssm) {
                    stderr.println("# the bastion admits no SSH (no port-22 ingress rule): Session Manager port"
                            + " forwarding instead (needs the AWS CLI's Session Manager plugin)");
                }
                stdout.println(command(json, dir, prefix, state, useSsm));
                printed++;
            }
        }
        stdout.flush();
        if (printed == 0) {
            stderr.println("growstack tunnel: no Monitoring block (no output named *" + TUNNEL_SUFFIX + ") in "
                    + stacks.stream().map(Path::toString).toList());
            return 2;
        }
        return 0;
    }

    private static String command(JsonNode json, Path dir, String prefix, Optional<JsonNode> state, boolean useSsm) {
        String monitoringIp = value(dir, prefix + "_private_ip", state);
        if (useSsm) {
            return GrafanaTunnel.ssm(region(json), value(dir, prefix + "_bastion_instance_id", state), monitoringIp);
        }
        String bastionIp = value(dir, prefix + "_bastion_public_ip", state);
        // A bastion without a key pair is reached with a key EC2 Instance Connect pushes; the block's own
        // tunnel output says which (see Monitoring).
        if (json.path("output").path(prefix + TUNNEL_SUFFIX).path("value").asText().startsWith("aws ec2-instance-connect")) {
            return GrafanaTunnel.instanceConnect(region(json), value(dir, prefix + "_bastion_instance_id", state),
                    bastionIp, monitoringIp);
        }
        return GrafanaTunnel.ssh(bastionIp, monitoringIp);
    }

    /** The output's value from the state, else a shell substitution that asks terraform for it. */
    private static String value(Path dir, String output, Optional<JsonNode> state) {
        if (state.isPresent()) {
            JsonNode value = state.get().path(output).path("value");
            if (value.isTextual() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return "$(terraform -chdir=" + shellWord(relative(dir)) + " output -raw " + output + ")";
    }

    /**
     * Whether the bastion named by {@code <prefix>_bastion_instance_id} has an ingress rule covering
     * TCP 22 on one of its security groups. A rule over a variable list (for_each) counts: the list
     * is only known at apply time. An instance the JSON does not describe counts as admitting SSH.
     */
    static boolean bastionAdmitsSsh(JsonNode json, String prefix) {
        Matcher instanceRef = Pattern.compile("\\$\\{aws_instance\\.([^.}]+)\\.id}")
                .matcher(json.path("output").path(prefix + "_bastion_instance_id").path("value").asText());
        if (!instanceRef.matches()) {
            return true;
        }
        JsonNode instance = json.path("resource").path("aws_instance").path(instanceRef.group(1));
        if (instance.isMissingNode()) {
            return true;
        }
        List<String> groups = new ArrayList<>();
        instance.path("vpc_security_group_ids").forEach(g -> groups.add(g.asText()));
        for (JsonNode rule : json.path("resource").path("aws_vpc_security_group_ingress_rule")) {
            if (!groups.contains(rule.path("security_group_id").asText())) {
                continue;
            }
            String protocol = rule.path("ip_protocol").asText();
            if (protocol.equals("-1") || protocol.equals("all")) {
                return true;
            }
            if ((protocol.equals("tcp") || protocol.equals("6")) && rule.path("from_port").asInt(Integer.MAX_VALUE) <= 22
                    && rule.path("to_port").asInt(-1) >= 22) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tunnelPrefixes(JsonNode json) {
        List<String> prefixes = new ArrayList<>();
        Iterator<String> names = json.path("output").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.endsWith(TUNNEL_SUFFIX) && name.length() > TUNNEL_SUFFIX.length()) {
                prefixes.add(name.substring(0, name.length() - TUNNEL_SUFFIX.length()));
            }
        }
        return prefixes;
    }

    /** The default provider's region (the {@code aws} provider without an alias). */
    private static String region(JsonNode json) {
        for (JsonNode provider : json.path("provider").path("aws")) {
            if (!provider.has("alias")) {
                return provider.path("region").asText();
            }
        }
        return json.path("provider").path("aws").path(0).path("region").asText();
    }

    /** The outputs of the stack's local state, if its backend is local and the file exists. */
    private static Optional<JsonNode> stateOutputs(Path dir, JsonNode json) {
        JsonNode backend = json.path("terraform").path("backend");
        Path state;
        if (backend.has("local")) {
            String path = backend.path("local").path("path").asText("terraform.tfstate");
            state = dir.resolve(path).normalize();
        } else if (backend.isMissingNode() || backend.isEmpty()) {
            state = dir.resolve("terraform.tfstate");
        } else {
            return Optional.empty();
        }
        if (!Files.isRegularFile(state)) {
            return Optional.empty();
        }
        try {
            JsonNode outputs = JSON.readTree(state.toFile()).path("outputs");
            return outputs.isObject() && outputs.size() > 0 ? Optional.of(outputs) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> stackFiles(Path stacksDir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(stacksDir)) {
            return files;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(stacksDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path json = dir.resolve("cdk.tf.json");
                if (Files.isRegularFile(json)) {
                    files.add(json);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private static String relative(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        String relative = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return relative.isEmpty() ? "." : relative;
    }

    /** Quotes a path for a POSIX shell unless it is plainly safe. */
    private static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9_./@%+=:,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
