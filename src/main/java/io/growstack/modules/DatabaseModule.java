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
                + " `allowed_security_group_ids`.";
    }

    @Override
    public String design() {
        return "Takes the network as variables. Peers are admitted by security group id (the Java API's"
                + " `connections().allowDefaultPortFrom(peer)` writes the peer's egress rule too; here the"
                + " peer module's groups already allow all egress). The SSM settings parameters of"
                + " `connectService` are not made: read `endpoint` and `secret_arn` from the outputs.";
    }

    @Override
    public void define(ModuleContext module) {
        module.variable(Variable.builder("instance_class", "string")
                .description("RDS instance class, such as db.t4g.micro or db.m7g.large")
                .defaultValue(DatabaseProps.DEFAULT_INSTANCE_CLASS)
                .validation("can(regex(\"^db\\\\.[a-z0-9-]+\\\\.[a-z0-9]+$\", var.instance_class))",
                        "instance_class must be an RDS instance class such as db.t4g.micro."));
        module.variable(Variable.builder("multi_az", "bool")
                .description("Whether RDS keeps a standby in a second zone").defaultValue(false));
        Variable peers = PeerAccess.declare(module, "MySQL");
        module.substituteWhole(DatabaseProps.DEFAULT_INSTANCE_CLASS, "var.instance_class");
        Database db = new Database(module.stack(), "db", DatabaseProps.builder(module.importedNetwork()).build());
        db.instance().addOverride("multi_az", "${var.multi_az}");
        PeerAccess.admit(module, peers, db.connections().securityGroupId(), db.port(), "MySQL from an allowed group");
        module.output("endpoint", db.endpoint(), "The database's host:port");
        module.output("port", db.port(), "The MySQL port");
        module.output("identifier", db.identifier(), "The RDS instance identifier");
        module.output("secret_arn", db.secretArn(), "ARN of the Secrets Manager secret holding the master password");
        module.output("security_group_id", db.connections().securityGroupId(), "Id of the database's security group");
    }
}
