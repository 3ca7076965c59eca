package io.growstack.review;

import static io.growstack.model.Values.Tri;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.List;

/**
 * {@link SecurityRules#EC2_IMDSV2}, {@link SecurityRules#EBS_UNENCRYPTED} and
 * {@link SecurityRules#EC2_NO_DETAILED_MONITORING}.
 */
final class Ec2Checks implements Check {
    private static final String NO_ROOT_BLOCK = "the root volume follows the AMI's snapshot, unencrypted unless"
            + " EBS encryption by default is on";

    @Override
    public void run(StackModel stack, Findings findings) {
        for (StackModel.Item item : stack.all("aws_instance", "aws_launch_template", "aws_launch_configuration")) {
            imdsv2(item, findings);
        }
        for (StackModel.Item item : stack.all("aws_instance", "aws_launch_template")) {
            detailedMonitoring(item, findings);
        }
        if (encryptionByDefault(stack)) {
            return;
        }
        for (StackModel.Item item : stack.all("aws_instance", "aws_launch_configuration")) {
            instanceVolumes(item, findings);
        }
        for (StackModel.Item item : stack.all("aws_launch_template")) {
            templateVolumes(item, findings);
        }
        for (StackModel.Item item : stack.all("aws_ebs_volume")) {
            if (Values.absent(item.get("snapshot_id")) && notTrue(item.get("encrypted"))) {
                findings.add(SecurityRules.EBS_UNENCRYPTED, item, "encrypted is " + shown(item.get("encrypted")));
            }
        }
    }

    private static void imdsv2(StackModel.Item item, Findings findings) {
        JsonNode body = item.body();
        if (Values.blocksUnknown(body, "metadata_options")) {
            return;
        }
        List<JsonNode> options = Values.blocks(body, "metadata_options");
        if (options.isEmpty()) {
            if (launchedFromTemplate(item)) {
                return;
            }
            findings.add(SecurityRules.EC2_IMDSV2, item, "no metadata_options: http_tokens defaults to \"optional\"");
            return;
        }
        JsonNode option = options.get(0);
        if ("disabled".equals(Values.text(option.path("http_endpoint")))) {
            return;
        }
        JsonNode tokens = option.path("http_tokens");
        if (Values.unknown(tokens)) {
            return;
        }
        if (!"required".equals(Values.text(tokens))) {
            findings.add(SecurityRules.EC2_IMDSV2, item, "metadata_options.http_tokens is "
                    + (Values.absent(tokens) ? "not set (\"optional\")" : "\"" + tokens.asText() + "\""));
        }
    }

    private static void detailedMonitoring(StackModel.Item item, Findings findings) {
        if (item.type().equals("aws_instance")) {
            JsonNode monitoring = item.get("monitoring");
            if (Values.absent(monitoring) && launchedFromTemplate(item)) {
                return;
            }
            if (notTrue(monitoring)) {
                findings.add(SecurityRules.EC2_NO_DETAILED_MONITORING, item, "monitoring is " + shown(monitoring));
            }
            return;
        }
        if (Values.blocksUnknown(item.body(), "monitoring")) {
            return;
        }
        JsonNode enabled = Values.block(item.body(), "monitoring").path("enabled");
        if (notTrue(enabled)) {
            findings.add(SecurityRules.EC2_NO_DETAILED_MONITORING, item, "monitoring.enabled is " + shown(enabled));
        }
    }

    private static boolean launchedFromTemplate(StackModel.Item item) {
        return item.type().equals("aws_instance") && !Values.absent(item.get("launch_template"));
    }

    private static boolean encryptionByDefault(StackModel stack) {
        return stack.all("aws_ebs_encryption_by_default").stream().anyMatch(item -> {
            Tri enabled = Values.bool(item.get("enabled"));
            return enabled == Tri.TRUE || enabled == Tri.ABSENT;
        });
    }

    private static void instanceVolumes(StackModel.Item item, Findings findings) {
        JsonNode body = item.body();
        if (!Values.blocksUnknown(body, "root_block_device")) {
            List<JsonNode> root = Values.blocks(body, "root_block_device");
            if (root.isEmpty()) {
                if (!launchedFromTemplate(item)) {
                    findings.add(SecurityRules.EBS_UNENCRYPTED, item, "no root_block_device: " + NO_ROOT_BLOCK);
                }
            } else if (notTrue(root.get(0).path("encrypted"))) {
                findings.add(SecurityRules.EBS_UNENCRYPTED, item,
                        "root_block_device.encrypted is " + shown(root.get(0).path("encrypted")));
            }
        }
        if (!Values.blocksUnknown(body, "ebs_block_device")) {
            for (JsonNode device : Values.blocks(body, "ebs_block_device")) {
                if (Values.absent(device.path("snapshot_id")) && notTrue(device.path("encrypted"))) {
                    findings.add(SecurityRules.EBS_UNENCRYPTED, item, "ebs_block_device "
                            + deviceName(device) + " encrypted is " + shown(device.path("encrypted")));
                }
            }
        }
    }

    private static void templateVolumes(StackModel.Item item, Findings findings) {
        JsonNode body = item.body();
        if (Values.blocksUnknown(body, "block_device_mappings")) {
            return;
        }
        List<JsonNode> mappings = Values.blocks(body, "block_device_mappings");
        if (mappings.isEmpty()) {
            findings.add(SecurityRules.EBS_UNENCRYPTED, item, "no block_device_mappings: " + NO_ROOT_BLOCK);
            return;
        }
        for (JsonNode mapping : mappings) {
            if (!Values.absent(mapping.path("no_device")) || !Values.absent(mapping.path("virtual_name"))) {
                continue;
            }
            JsonNode ebs = Values.block(mapping, "ebs");
            if (!Values.absent(ebs.path("snapshot_id"))) {
                continue;
            }
            if (notTrue(ebs.path("encrypted"))) {
                findings.add(SecurityRules.EBS_UNENCRYPTED, item, "block_device_mappings " + deviceName(mapping)
                        + " ebs.encrypted is " + shown(ebs.path("encrypted")));
            }
        }
    }

    private static String deviceName(JsonNode device) {
        String name = Values.text(device.path("device_name"));
        return name == null ? "(unnamed)" : name;
    }

    /** True unless the value is literally true or unknown. */
    static boolean notTrue(JsonNode value) {
        Tri tri = Values.bool(value);
        return tri == Tri.FALSE || tri == Tri.ABSENT;
    }

    static String shown(JsonNode value) {
        return Values.absent(value) ? "not set" : value.asText();
    }
}
