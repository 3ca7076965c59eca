package io.growstack.modules;

import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.Architecture;
import io.growstack.core.Variable;

/** The bastion: the only SSH entry, spot by default, SSH only from an allow-list variable. */
final class BastionModule implements ModuleDefinition {
    /** The bastion's construct id, as in the v4 example (and its stand-in in the monitoring module). */
    static final String ID = "bastion";

    @Override
    public String name() {
        return "bastion";
    }

    @Override
    public String summary() {
        return "The only SSH entry: a spot " + BastionProps.DEFAULT_INSTANCE_TYPE + " in the first public subnet"
                + " (a one-time request, price capped at on-demand), IMDSv2, SSM Session Manager, and port 22"
                + " only from `admin_cidrs` (`[]`: no SSH at all; keys through EC2 Instance Connect).";
    }

    @Override
    public String design() {
        return "Takes the network as variables (the network module's outputs). `admin_cidrs` is validated as"
                + " the Java API validates it: valid blocks, and no set covering everyone (`0.0.0.0/0`, `::/0`"
                + " or halves adding up to them); each rule also carries a precondition. The image is the input"
                + " `image_id` (x86_64; the root template reads Amazon Linux 2023 from AWS's public SSM parameter),"
                + " so `instance_type` must be x86_64.";
    }

    @Override
    public void define(ModuleContext module) {
        Variable admins = module.variable(Variable.builder("admin_cidrs", "list(string)")
                .description("CIDR blocks allowed to SSH to the bastion; [] for SSM only")
                .defaultValue(java.util.List.of())
                .validation(Variable.VALID_CIDRS_CONDITION.formatted("admin_cidrs"),
                        "Each entry of admin_cidrs must be a CIDR block such as 203.0.113.7/32.")
                .validation(Variable.NOT_EVERYONE_CONDITION.formatted("admin_cidrs"),
                        "admin_cidrs must not allow everyone: no 0.0.0.0/0 or ::/0, and no set of blocks that"
                                + " together cover the whole address space. Use [] for none."));
        module.variable(Variable.builder("instance_type", "string")
                .description("EC2 instance type of the bastion (x86_64)")
                .defaultValue(BastionProps.DEFAULT_INSTANCE_TYPE)
                .validation(InstanceTypes.condition("var.instance_type", Architecture.X86_64),
                        "instance_type must be an x86_64 instance type such as t3.nano."));
        module.substituteWhole(BastionProps.DEFAULT_INSTANCE_TYPE, "var.instance_type");
        module.imageVariable(Architecture.X86_64);
        Bastion bastion = new Bastion(module.stack(), ID, BastionProps.builder(module.importedNetwork())
                .allowSshFrom(admins.listRef()).build());
        module.output("public_ip", bastion.publicIp(), "The bastion's public IPv4 address");
        module.output("instance_id", bastion.server().instanceId(), "Id of the bastion's instance");
        module.output("public_dns", bastion.publicDns(), "The bastion's public DNS name");
        module.output("security_group_id", bastion.connections().securityGroupId(),
                "Id of the bastion's security group, for rules that admit it");
    }
}
