package io.growstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import io.growstack.monitoring.GrafanaTunnel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        Path root = StackFiles.outDir(out);
        List<Path> stacks;
        try {
            stacks = StackFiles.under(out);
        } catch (UncheckedIOException e) {
            stderr.println("growstack tunnel: cannot read " + root + ": " + StackFiles.message(e));
            return 2;
        }
        if (stack != null) {
            stacks = stacks.stream().filter(f -> StackFiles.stackName(f).equals(stack)).toList();
        }
        if (stacks.isEmpty()) {
            stderr.println("growstack tunnel: no synthesized stack" + (stack != null ? " " + stack : "") + " under "
                    + root + " (expected stacks/<name>/cdk.tf.json); run growstack synth first");
            return 2;
        }
        int printed = 0;
        for (Path file : stacks) {
            StackModel model;
            try {
                model = StackFiles.model(file);
            } catch (UncheckedIOException e) {
                stderr.println("growstack tunnel: " + StackFiles.message(e));
                return 2;
            }
            Path dir = file.getParent();
            Optional<JsonNode> state = stateOutputs(dir, model);
            for (String prefix : tunnelPrefixes(model)) {
                stderr.println("# stack " + dir.getFileName() + ", monitoring host " + prefix
                        + (state.isPresent() ? " (addresses from the local state)" : " (addresses read by terraform output)")
                        + "; then open http://localhost:3000");
                boolean useSsm = ssm || !bastionAdmitsSsh(model, prefix);
                if (useSsm && !ssm) {
                    stderr.println("# the bastion admits no SSH (no port-22 ingress rule): Session Manager port"
                            + " forwarding instead (needs the AWS CLI's Session Manager plugin)");
                }
                stdout.println(command(model, dir, prefix, state, useSsm));
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

    private static String command(StackModel model, Path dir, String prefix, Optional<JsonNode> state, boolean useSsm) {
        String monitoringIp = value(dir, prefix + "_private_ip", state);
        if (useSsm) {
            return GrafanaTunnel.ssm(region(model), value(dir, prefix + "_bastion_instance_id", state), monitoringIp);
        }
        String bastionIp = value(dir, prefix + "_bastion_public_ip", state);
        // A bastion without a key pair is reached with a key EC2 Instance Connect pushes; the block's own
        // tunnel output says which (see Monitoring).
        if (outputValue(model, prefix + TUNNEL_SUFFIX).asText().startsWith("aws ec2-instance-connect")) {
            return GrafanaTunnel.instanceConnect(region(model), value(dir, prefix + "_bastion_instance_id", state),
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
    static boolean bastionAdmitsSsh(StackModel model, String prefix) {
        StackModel.Ref bastion = model.reference(outputValue(model, prefix + "_bastion_instance_id"));
        if (bastion == null || !bastion.item().type().equals("aws_instance") || !bastion.attribute().equals("id")) {
            return true;
        }
        List<String> groups = Values.strings(bastion.item().get("vpc_security_group_ids"));
        for (StackModel.Item rule : model.all("aws_vpc_security_group_ingress_rule")) {
            if (!groups.contains(rule.get("security_group_id").asText())) {
                continue;
            }
            String protocol = rule.get("ip_protocol").asText();
            if (protocol.equals("-1") || protocol.equals("all")) {
                return true;
            }
            Integer from = Values.integer(rule.get("from_port"));
            Integer to = Values.integer(rule.get("to_port"));
            if ((protocol.equals("tcp") || protocol.equals("6")) && from != null && from <= 22 && to != null && to >= 22) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tunnelPrefixes(StackModel model) {
        List<String> prefixes = new ArrayList<>();
        for (String name : model.outputs().keySet()) {
            if (name.endsWith(TUNNEL_SUFFIX) && name.length() > TUNNEL_SUFFIX.length()) {
                prefixes.add(name.substring(0, name.length() - TUNNEL_SUFFIX.length()));
            }
        }
        return prefixes;
    }

    private static JsonNode outputValue(StackModel model, String output) {
        JsonNode declaration = model.outputs().get(output);
        return declaration == null ? MissingNode.getInstance() : declaration.path("value");
    }

    /** The default provider's region, else the first provider's; empty when no provider names one. */
    private static String region(StackModel model) {
        String region = model.defaultRegion();
        if (region == null && !model.providers().isEmpty()) {
            region = model.providers().get(0).region();
        }
        return region == null ? "" : region;
    }

    /** The outputs of the stack's local state, if its backend is local and the file exists. */
    private static Optional<JsonNode> stateOutputs(Path dir, StackModel model) {
        JsonNode backend = model.terraform().path("backend");
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
