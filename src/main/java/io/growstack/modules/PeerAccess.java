package io.growstack.modules;

import io.growstack.aws.VpcSecurityGroupIngressRule;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.Variable;

/**
 * Admission of other modules' security groups, as the Java API's {@code connections().allowFrom}
 * writes it: the module's side only, one ingress rule per group id of a list variable. The peer
 * module's groups already allow all egress.
 */
final class PeerAccess {
    private PeerAccess() {
    }

    /** {@code allowed_security_group_ids}, default {@code []}: groups admitted on {@code port}. */
    static Variable declare(ModuleContext module, String what) {
        return module.variable(Variable.builder("allowed_security_group_ids", "list(string)")
                .description("Security group ids admitted to " + what + " (the service, bastion or monitoring"
                        + " module's security_group_id)")
                .defaultValue(java.util.List.of())
                .validation("alltrue([for g in var.allowed_security_group_ids : startswith(g, \"sg-\")])",
                        "Each entry of allowed_security_group_ids must be a security group id such as sg-0abc1234."));
    }

    static Resource admit(ModuleContext module, Variable groups, String securityGroupId, int port, String description) {
        return new Resource(module.stack(), "ingress-from-allowed-groups", new VpcSecurityGroupIngressRule(
                securityGroupId, description, "tcp", port, port, null, null, "${each.value}", null, null),
                ResourceOptions.forEachOf(groups.listRef()));
    }
}
