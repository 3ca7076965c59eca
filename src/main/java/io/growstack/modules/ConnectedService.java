package io.growstack.modules;

import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.Variable;
import io.growstack.network.INetwork;

/**
 * The service a data store is connected to ({@code connectService}), in another module: a stand-in
 * host whose security group and role stand for the {@code service_security_group_id} and
 * {@code service_role_name} variables.
 */
record ConnectedService(Server server) {
    static ConnectedService standIn(ModuleContext module, INetwork network) {
        module.variable(Variable.builder("service_security_group_id", "string")
                .description("Security group of the service connected to this store (the service module's"
                        + " security_group_id)")
                .validation("startswith(var.service_security_group_id, \"sg-\")",
                        "service_security_group_id must be a security group id such as sg-0abc1234."));
        module.variable(Variable.builder("service_role_name", "string")
                .description("IAM role of the service's hosts, granted to read the store's settings (the service"
                        + " module's role_name)")
                .validation("length(var.service_role_name) >= 1 && length(var.service_role_name) <= 64",
                        "service_role_name must be an IAM role name of 1-64 characters."));
        Server server = new Server(module.stack(), ServiceModule.ID, ServerProps.builder(network).build());
        module.replaceReference(server.connections().securityGroupId(), "var.service_security_group_id");
        module.replaceReference(server.role().role().attr("id"), "var.service_role_name");
        return new ConnectedService(server);
    }
}
