package io.growstack.delivery;

import io.growstack.core.Architecture;
import io.growstack.core.Args;
import java.util.regex.Pattern;

/**
 * The CodeDeploy agent in user data: installed from the region's own {@code aws-codedeploy-<region>}
 * bucket with AWS's install script, then enabled and started under systemd.
 *
 * <p>The agent is a Ruby program; AWS's installer serves arm64 (Graviton) and x86_64 Amazon Linux
 * alike and picks the package for the operating system, so the architecture only appears in the log
 * line and in a check that the instance is what the launch template promised. The section is POSIX
 * {@code sh} in a subshell, so it can go first into a user's {@code bash} or {@code sh} script without
 * changing its options, and it contains no dollar sign followed by a brace (user data is a Terraform
 * template).
 */
public final class CodeDeployAgent {
    /** The first line of the section this class adds, so it is added once. */
    public static final String MARKER = "# --- growstack: CodeDeploy agent";

    private static final Pattern SHELL = Pattern.compile("#!\\s*(/usr)?/bin/(ba)?sh\\b.*|#!\\s*/usr/bin/env\\s+(ba)?sh\\b.*");

    private CodeDeployAgent() {
    }

    /** The HTTPS URL of AWS's agent installer for {@code region} in {@code partition}. */
    public static String installerUrl(String partition, String region) {
        String suffix = "aws-cn".equals(partition) ? "amazonaws.com.cn" : "amazonaws.com";
        return "https://aws-codedeploy-" + region + ".s3." + region + "." + suffix + "/latest/install";
    }

    /** The section that installs and enables the agent (without a {@code #!} line). */
    public static String section(String partition, String region, Architecture architecture) {
        Args.notNull(partition, "partition");
        Args.notNull(region, "region");
        Args.notNull(architecture, "architecture");
        String machine = architecture == Architecture.ARM64 ? "aarch64" : "x86_64";
        return MARKER + " (" + region + ", " + architecture.awsName() + ") ---\n"
                + "(\n"
                + "  set -eu\n"
                + "  if [ \"$(uname -m)\" != \"" + machine + "\" ]; then\n"
                + "    echo \"growstack: expected an " + machine + " instance, this is $(uname -m)\" >&2\n"
                + "  fi\n"
                + "  if ! systemctl is-active --quiet codedeploy-agent; then\n"
                + "    if command -v dnf >/dev/null 2>&1; then dnf install -y ruby wget; else yum install -y ruby wget; fi\n"
                + "    installer=$(mktemp)\n"
                + "    wget -q -O \"$installer\" " + installerUrl(partition, region) + "\n"
                + "    chmod +x \"$installer\"\n"
                + "    \"$installer\" auto\n"
                + "    rm -f \"$installer\"\n"
                + "  fi\n"
                + "  systemctl enable --now codedeploy-agent\n"
                + ")\n"
                + "# --- end growstack: CodeDeploy agent ---\n";
    }

    /** A complete user data script that only installs the agent. */
    public static String script(String partition, String region, Architecture architecture) {
        Args.notNull(partition, "partition");
        Args.notNull(region, "region");
        Args.notNull(architecture, "architecture");
        return "#!/bin/bash\n" + section(partition, region, architecture);
    }

    /**
     * {@code userData} with the agent added: the script alone when there is none, the section right after
     * the {@code #!} line of a {@code bash} or {@code sh} script, unchanged if it is already there.
     *
     * @return the new user data, or {@code null} when {@code userData} is neither empty nor a shell script
     *         (a {@code #cloud-config} document, another interpreter): the caller reports that
     */
    public static String addTo(String userData, String partition, String region, Architecture architecture) {
        Args.notNull(partition, "partition");
        Args.notNull(region, "region");
        Args.notNull(architecture, "architecture");
        if (userData == null || userData.isBlank()) {
            return script(partition, region, architecture);
        }
        if (userData.contains(MARKER)) {
            return userData;
        }
        int newline = userData.indexOf('\n');
        String first = newline < 0 ? userData : userData.substring(0, newline);
        if (!SHELL.matcher(first.strip()).matches()) {
            return null;
        }
        String rest = newline < 0 ? "" : userData.substring(newline + 1);
        return first + "\n" + section(partition, region, architecture) + rest;
    }
}
