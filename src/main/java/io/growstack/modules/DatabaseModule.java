package io.growstack.modules;

import io.growstack.core.Variable;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;

/** RDS MySQL in the private subnets, as the Database block makes it. */
final class DatabaseModule implements ModuleDefinition {
    @Override
    public String name() {
        return "database";
    }

    @Override
    public String summary() {
        return "RDS MySQL " + DatabaseProps.DEFAULT_ENGINE_VERSION + " on " + DatabaseProps.DEFAULT_INSTANCE_CLASS
                + " in a subnet group over the private subnets: not public, encrypted, 7-day backups, deletion"
                + " protection and a final snapshot, the master password kept by Secrets Manager, a parameter"
                + " group with utf8mb4 and require_secure_transport, and MySQL admitted only from"
                + " `allowed_security_groups`.";
    }

    @Override
    public String design() {
        return "Takes the network as variables. `db.connectService(service)` is the inputs"
                + " `service_security_group_id` and `service_role_name` (the service module's outputs): MySQL from"
                + " that group (both rule sides), the SSM settings parameters under `/<project>/<environment>/db/`"
                + " and the role's grant to read them and the managed secret. `allowed_security_groups` admits"
                + " more groups (both sides, as `allowDefaultPortFrom`).";
    }

    @Override
    public boolean hasStandIns() {
        return true;
    }

    @Override
    public void define(ModuleContext module) {
        InstanceTypes.managedClassVariable(module, "instance_class", "db", "RDS instance class",
                DatabaseProps.DEFAULT_INSTANCE_CLASS);
        module.variable(Variable.builder("multi_az", "bool")
                .description("Whether RDS keeps a standby in a second zone").defaultValue(false));
        Variable peers = PeerAccess.declare(module, "MySQL");
        io.growstack.network.INetwork network = module.importedNetwork();
        ConnectedService service = ConnectedService.standIn(module, network);
        module.standInsBuilt();
        Database db = new Database(module.stack(), "db", DatabaseProps.builder(network).build());
        db.instance().addOverride("multi_az", "${var.multi_az}");
        db.connectService(service.server(), "MySQL from the service");
        PeerAccess.admit(module, peers, db.connections().securityGroupId(), db.port(), "MySQL from an allowed group");
        module.output("endpoint", db.endpoint(), "The database's host:port");
        module.output("port", db.port(), "The MySQL port");
        module.output("identifier", db.identifier(), "The RDS instance identifier");
        module.output("secret_arn", db.secretArn(), "ARN of the Secrets Manager secret holding the master password");
        module.output("security_group_id", db.connections().securityGroupId(), "Id of the database's security group");
    }
}
