package io.growstack.modules;

import io.growstack.aws.VpcSecurityGroupEgressRule;
import io.growstack.aws.VpcSecurityGroupIngressRule;
import io.growstack.core.Resource;
import io.growstack.core.Variable;

/**
 * Admission of other modules' security groups, both sides as the Java API's
 * {@code connections().allowFrom} writes them: per entry of a map variable, an ingress rule on the
 * module's group and an egress rule on the peer's group. A map, because {@code for_each} needs keys
 * known at plan time and a group id created in the same apply is not.
 */
final class PeerAccess {
    static final String VARIABLE = "allowed_security_groups";

    private PeerAccess() {
    }

    /** {@value #VARIABLE}, default {@code {}}: peer name to security group id. */
    static Variable declare(ModuleContext module, String what) {
        return module.variable(Variable.builder(VARIABLE, "map(string)")
                .description("Security groups admitted to " + what + " besides the connected service, by a name of"
                        + " your choice (another module's security_group_id, such as {test_server = ...})")
                .defaultValue(java.util.Map.of())
                .validation("alltrue([for k, g in var." + VARIABLE + " : can(regex(\"^[A-Za-z0-9_-]+$\", k))])",
                        "Each key of " + VARIABLE + " must be a name of letters, digits, _ or -.")
                .validation("alltrue([for g in values(var." + VARIABLE + ") : startswith(g, \"sg-\")])",
                        "Each value of " + VARIABLE + " must be a security group id such as sg-0abc1234."));
    }

    static void admit(ModuleContext module, Variable groups, String securityGroupId, int port, String description) {
        Resource ingress = new Resource(module.stack(), "ingress-from-allowed-groups", new VpcSecurityGroupIngressRule(
                securityGroupId, description, "tcp", port, port, null, null, "${each.value}", null, null));
        Resource egress = new Resource(module.stack(), "egress-of-allowed-groups", new VpcSecurityGroupEgressRule(
                "${each.value}", description, "tcp", port, port, null, null, securityGroupId, null, null));
        for (Resource rule : java.util.List.of(ingress, egress)) {
            rule.addOverride("for_each", groups.ref());
        }
    }
}
