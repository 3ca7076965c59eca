package io.growstack.cost;

import io.growstack.model.StackModel.Item;
import io.growstack.model.Values;

/** Prices RDS instances (Multi-AZ, storage, Extended Support, the managed secret) and ElastiCache nodes. */
final class DatabasePricer {
    private final PriceContext context;

    DatabasePricer(PriceContext context) {
        this.context = context;
    }

    void database(Item item, Lines lines) {
        int hours = lines.hours();
        String engine = Values.text(item.get("engine"));
        String instanceClass = Values.text(item.get("instance_class"));
        boolean multiAz = Values.isTrue(item.get("multi_az"));
        String engineName = engine == null ? "engine unknown" : engine.equals("mysql") ? "MySQL" : engine;
        String az = multiAz ? "Multi-AZ" : "Single-AZ";
        Double factor = 1.0;
        String factorNote = null;
        String factorMissing = null;
        if (multiAz) {
            Price multi = lines.lookup("rds.multi_az");
            factor = multi == null ? null : multi.factor();
            factorMissing = multi == null ? lines.missing("RDS Multi-AZ factor") : null;
            factorNote = multi == null ? null : "Multi-AZ: " + Money.trim(multi.factor()) + " x Single-AZ ("
                    + multi.confidence() + ")";
        }
        String name = "Database instance (" + engineName + ", " + (instanceClass == null ? "class unknown"
                : instanceClass) + ", " + az + ")";
        Price hourly = engine == null || instanceClass == null ? null
                : lines.lookup("rds." + engine + "." + instanceClass);
        if (hourly == null || factor == null) {
            lines.notFound("db_instance", name, "hours", (double) hours, factor == null ? factorMissing
                    : lines.missing("RDS " + engineName + " price for " + instanceClass));
        } else {
            lines.scaledFixed("db_instance", name, "hours", hours, hourly, factor, factorNote);
        }
        Integer storage = Values.integer(item.get("allocated_storage"));
        String storageType = Values.text(item.get("storage_type"), "gp2");
        String storageName = "Storage (" + storageType + ", " + az + ")";
        Price storagePrice = lines.lookup("rds.storage." + storageType);
        if (storage == null) {
            lines.notFound("db_storage", storageName, "GB-months", null, "allocated_storage is not known");
        } else if (storagePrice == null || factor == null) {
            lines.notFound("db_storage", storageName, "GB-months", (double) storage, factor == null ? factorMissing
                    : lines.missing("RDS price for " + storageType + " storage"));
        } else {
            lines.scaledFixed("db_storage", storageName, "GB-months", storage, storagePrice, factor, factorNote);
        }
        extendedSupport(lines, engine, Values.text(item.get("engine_version")), instanceClass);
        if (Values.isTrue(item.get("manage_master_user_password"))) {
            lines.fixed("master_user_secret", "Master user secret (Secrets Manager, kept by RDS)", "secret-months", 1,
                    "secretsmanager.secret", false, "manage_master_user_password keeps the password in a secret");
        }
        if (Values.isTrue(item.get("publicly_accessible"))) {
            // A publicly accessible instance's endpoint resolves to a public IPv4 address (the primary's
            // only: a Multi-AZ standby takes one over at failover).
            lines.fixed("public_ipv4", "Public IPv4 address (publicly accessible)", "hours", hours, "vpc.public_ipv4",
                    false, null);
        }
    }

    /** RDS Extended Support: a per-vCPU-hour charge on a major version past its standard support. */
    private void extendedSupport(Lines lines, String engine, String version, String instanceClass) {
        if (engine == null || version == null) {
            return;
        }
        String[] parts = version.split("\\.");
        String major = parts.length >= 2 ? parts[0] + "." + parts[1] : version;
        Price price = lines.lookup("rds.extended_support." + engine + "." + major);
        if (price == null || price.starts() != null && context.asOf().isBefore(price.starts())) {
            return;
        }
        String name = "Extended support (" + (engine.equals("mysql") ? "MySQL" : engine) + " " + major + ")";
        Integer vcpus = context.book().rdsVcpus(instanceClass).orElse(null);
        if (vcpus == null) {
            lines.notFound("extended_support", name, "vCPU-hours", null, "the vCPU count of " + instanceClass
                    + " is not in the price book");
            return;
        }
        int hours = lines.hours();
        lines.fixed("extended_support", name, "vCPU-hours", (double) vcpus * hours, price, false,
                major + " left standard support; charged since " + price.starts() + ": " + vcpus + " vCPU x "
                        + hours + " h; upgrade the major version to stop it");
    }

    void cache(Item item, Lines lines) {
        String engine = Values.text(item.get("engine"), "redis");
        String nodeType = Values.text(item.get("node_type"));
        int nodes;
        if (item.type().equals("aws_elasticache_cluster")) {
            Integer n = Values.integer(item.get("num_cache_nodes"));
            nodes = n == null ? 1 : n;
        } else {
            Integer clusters = Values.integer(item.get("num_cache_clusters"));
            Integer groups = Values.integer(item.get("num_node_groups"));
            Integer replicas = Values.integer(item.get("replicas_per_node_group"));
            nodes = clusters != null ? clusters : groups != null ? groups * (1 + (replicas == null ? 0 : replicas)) : 1;
        }
        String name = "Cache nodes (" + engine + ", " + (nodeType == null ? "node type unknown" : nodeType) + ", "
                + nodes + (nodes == 1 ? " node)" : " nodes)");
        double quantity = (double) nodes * lines.hours();
        Price price = nodeType == null ? null : lines.lookup("elasticache." + engine + "." + nodeType);
        if (price == null) {
            lines.notFound("cache_nodes", name, "hours", quantity,
                    lines.missing("ElastiCache " + engine + " price for " + nodeType));
            return;
        }
        lines.fixed("cache_nodes", name, "hours", quantity, price, false, null);
    }
}
