package io.growstack.modules;

import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.Architecture;
import io.growstack.core.Variable;

/** One EC2 host in the first private subnet, as the Server block makes it. */
final class ServerModule implements ModuleDefinition {
    @Override
    public String name() {
        return "server";
    }

    @Override
    public String summary() {
        return "One EC2 host (" + ServerProps.DEFAULT_INSTANCE_TYPE + ") in the first private subnet: encrypted gp3"
                + " root, IMDSv2, standard CPU credits, an instance role with SSM Session Manager, its own security"
                + " group with no ingress and all egress, image changes ignored so a new release never replaces it.";
    }

    @Override
    public String design() {
        return "Takes the network as variables and the image as `image_id` (arm64, for the default Graviton"
                + " type). Public placement, an Elastic IP, user data and spot are Java only.";
    }

    @Override
    public void define(ModuleContext module) {
        module.variable(Variable.builder("instance_type", "string")
                .description("EC2 instance type of the host (arm64: Graviton, such as t4g.micro)")
                .defaultValue(ServerProps.DEFAULT_INSTANCE_TYPE)
                .validation(InstanceTypes.condition("var.instance_type", Architecture.ARM64),
                        "instance_type must be an arm64 (Graviton) instance type such as t4g.micro."));
        module.substituteWhole(ServerProps.DEFAULT_INSTANCE_TYPE, "var.instance_type");
        module.imageVariable(Architecture.ARM64);
        Server server = new Server(module.stack(), "server", ServerProps.builder(module.importedNetwork()).build());
        module.output("instance_id", server.instanceId(), "Id of the instance");
        module.output("private_ip", server.privateIp(), "Private IPv4 address of the instance");
        module.output("security_group_id", server.connections().securityGroupId(),
                "Id of the host's security group, for rules that admit it (database, cache)");
        module.output("role_name", server.role().role().attr("name"), "Name of the host's IAM role, for further grants");
    }
}
