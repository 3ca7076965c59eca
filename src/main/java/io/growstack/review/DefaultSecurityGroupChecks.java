package io.growstack.review;

import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link SecurityRules#VPC_DEFAULT_SG_OPEN}: each VPC's default security group is taken over and emptied. */
final class DefaultSecurityGroupChecks implements Check {
    @Override
    public void run(StackModel stack, Findings findings) {
        Map<StackModel.Item, StackModel.Item> takeovers = new HashMap<>();
        for (StackModel.Item group : stack.all("aws_default_security_group")) {
            StackModel.Item vpc = stack.resolve(group.get("vpc_id"), "aws_vpc");
            if (vpc == null) {
                // Without vpc_id it takes over the default VPC's group; a variable may name any VPC: judge none.
                if (!Values.absent(group.get("vpc_id"))) {
                    return;
                }
                continue;
            }
            takeovers.put(vpc, group);
        }
        for (StackModel.Item vpc : stack.all("aws_vpc")) {
            StackModel.Item group = takeovers.get(vpc);
            if (group == null) {
                findings.add(SecurityRules.VPC_DEFAULT_SG_OPEN, vpc, "no aws_default_security_group takes over its"
                        + " default security group");
                continue;
            }
            if (Values.blocksUnknown(group.body(), "ingress") || Values.blocksUnknown(group.body(), "egress")) {
                continue;
            }
            List<String> open = new java.util.ArrayList<>();
            if (!Values.blocks(group.body(), "ingress").isEmpty()) {
                open.add("ingress");
            }
            if (!Values.blocks(group.body(), "egress").isEmpty()) {
                open.add("egress");
            }
            if (!open.isEmpty()) {
                findings.add(SecurityRules.VPC_DEFAULT_SG_OPEN, vpc, group.address() + " keeps "
                        + String.join(" and ", open) + " rules");
            }
        }
    }
}
