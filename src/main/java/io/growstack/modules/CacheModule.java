package io.growstack.modules;

import io.growstack.core.Variable;
import io.growstack.data.Cache;
import io.growstack.data.CacheProps;

/** ElastiCache Valkey in the private subnets, as the Cache block makes it. */
final class CacheModule implements ModuleDefinition {
    @Override
    public String name() {
        return "cache";
    }

    @Override
    public String summary() {
        return "ElastiCache Valkey " + CacheProps.DEFAULT_VALKEY_VERSION + " on " + CacheProps.DEFAULT_NODE_TYPE
                + " in the private subnets, encrypted in transit and at rest, role-based access with one"
                + " IAM-authenticated user (the default user off), port 6379 admitted only from"
                + " `allowed_security_groups`.";
    }

    @Override
    public String design() {
        return "Takes the network as variables. The engine and replica count stay the Java defaults (Valkey, no"
                + " replica): replicas change the group's failover settings together, which the Java API decides."
                + " `cache.connectService(service)` is the inputs `service_security_group_id` and"
                + " `service_role_name`: the port from that group (both sides), the SSM settings parameters and"
                + " the role's `elasticache:Connect` grant. `allowed_security_groups` admits more groups.";
    }

    @Override
    public boolean hasStandIns() {
        return true;
    }

    @Override
    public void define(ModuleContext module) {
        InstanceTypes.managedClassVariable(module, "node_type", "cache", "ElastiCache node type",
                CacheProps.DEFAULT_NODE_TYPE);
        Variable peers = PeerAccess.declare(module, "the cache");
        io.growstack.network.INetwork network = module.importedNetwork();
        ConnectedService service = ConnectedService.standIn(module, network);
        module.standInsBuilt();
        Cache cache = new Cache(module.stack(), "cache", CacheProps.builder(network).build());
        cache.connectService(service.server(), "Valkey from the service");
        PeerAccess.admit(module, peers, cache.connections().securityGroupId(), cache.port(),
                "Valkey from an allowed group");
        module.output("primary_endpoint", cache.primaryEndpoint(), "The primary endpoint's address");
        module.output("port", cache.port(), "The cache port");
        module.output("app_user_id", cache.appUserId(), "Id of the IAM-authenticated cache user");
        module.output("security_group_id", cache.connections().securityGroupId(), "Id of the cache's security group");
    }
}
