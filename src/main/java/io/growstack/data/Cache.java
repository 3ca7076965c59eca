package io.growstack.data;

import io.growstack.aws.ElasticacheReplicationGroup;
import io.growstack.aws.ElasticacheSubnetGroup;
import io.growstack.aws.ElasticacheUser;
import io.growstack.aws.ElasticacheUserGroup;
import io.growstack.aws.IamRolePolicy;
import io.growstack.aws.SsmParameter;
import io.growstack.core.ConstructPaths;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.ValidationException;
import io.growstack.network.Connections;
import io.growstack.network.IConnectable;
import io.growstack.network.IGrantable;
import io.growstack.network.ManagedSecurityGroup;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * An ElastiCache replication group for Valkey or Redis OSS (cluster mode disabled): the seed's
 * "going further: a cache server such as Redis".
 *
 * <p>Defaults: Valkey {@value CacheProps#DEFAULT_VALKEY_VERSION} on one
 * {@value CacheProps#DEFAULT_NODE_TYPE} node in a private subnet, port {@value #DEFAULT_PORT},
 * encryption at rest and in transit (clients connect with TLS: {@code rediss://}, or
 * {@code spring.data.redis.ssl.enabled=true}), minor versions upgraded in the maintenance window,
 * no snapshots. No password exists: role-based access with one IAM-authenticated user
 * ({@link #connectService} grants a service's role {@code elasticache:Connect}) and the default user
 * switched off; the security group admits nothing until a peer is allowed.
 */
public class Cache extends Construct implements IConnectable {
    /** The Valkey / Redis OSS port. */
    public static final int DEFAULT_PORT = 6379;
    /** The cache port as a security-group port. */
    public static final Port CACHE_PORT = Port.tcp(DEFAULT_PORT);

    private static final Pattern NODE_TYPE = Pattern.compile("cache\\.[a-z][a-z0-9-]*\\.[a-z0-9]+");
    private static final int MAX_REPLICATION_GROUP_ID = 40;
    private static final Set<String> BURSTABLE = Set.of("micro", "small", "medium");
    private static final Set<String> M5_R5 = Set.of("large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge");
    private static final Set<String> GRAVITON = Set.of("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge",
            "16xlarge");
    /**
     * Current-generation node types by family (ElastiCache User Guide, "Supported node types"),
     * as of 2025-10; previous generations (m4, r4 and older) are left out on purpose.
     */
    private static final Map<String, Set<String>> NODE_SIZES = Map.ofEntries(
            Map.entry("t2", BURSTABLE), Map.entry("t3", BURSTABLE), Map.entry("t4g", BURSTABLE),
            Map.entry("m5", M5_R5), Map.entry("r5", M5_R5),
            Map.entry("m6g", GRAVITON), Map.entry("m7g", GRAVITON), Map.entry("r6g", GRAVITON),
            Map.entry("r7g", GRAVITON), Map.entry("c7gn", GRAVITON),
            Map.entry("r6gd", Set.of("xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge")));

    private static String family(String nodeType) {
        return nodeType.split("\\.")[1];
    }

    private static String size(String nodeType) {
        return nodeType.split("\\.")[2];
    }

    private final String engine;
    private final String engineVersion;
    private final String replicationGroupId;
    private final Resource subnetGroup;
    private final Resource replicationGroup;
    private final Connections connections;
    private final Resource defaultUser;
    private final Resource appUser;
    private final Resource userGroup;
    private final List<Resource> settings = new ArrayList<>();

    /** Creates the cache; throws {@link ValidationException} for bad settings. */
    public Cache(Construct scope, String id, CacheProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        Set<String> versions = props.engine == null ? null : CacheProps.KNOWN_ENGINE_VERSIONS.get(props.engine);
        if (versions == null) {
            throw ValidationException.of(this, "engine", props.engine,
                    "expected valkey (the default) or redis (Redis OSS); Memcached has no replicas or failover");
        }
        String version = props.engineVersion != null ? props.engineVersion
                : props.engine.equals(CacheProps.VALKEY) ? CacheProps.DEFAULT_VALKEY_VERSION
                : CacheProps.DEFAULT_REDIS_VERSION;
        if (!versions.contains(version)) {
            throw ValidationException.of(this, "engineVersion", version,
                    "expected one of " + String.join(", ", new TreeSet<>(versions)) + " for " + props.engine
                            + " (major.minor; ElastiCache applies the patch version)");
        }
        if (props.nodeType == null || !NODE_TYPE.matcher(props.nodeType).matches()) {
            throw ValidationException.of(this, "nodeType", props.nodeType,
                    "expected an ElastiCache node type such as cache.t4g.micro or cache.r7g.large");
        }
        if (!NODE_SIZES.getOrDefault(family(props.nodeType), Set.of()).contains(size(props.nodeType))) {
            throw ValidationException.of(this, "nodeType", props.nodeType, "expected a node type ElastiCache offers"
                    + " for Valkey and Redis OSS, such as cache.t4g.micro or cache.r7g.large (families: "
                    + String.join(", ", new TreeSet<>(NODE_SIZES.keySet())) + "; growstack's list as of 2025-10)");
        }
        if (props.replicas < 0 || props.replicas > CacheProps.MAX_REPLICAS) {
            throw ValidationException.of(this, "replicas", props.replicas,
                    "expected 0..5 (one primary and at most five replicas)");
        }
        if (props.snapshotRetentionDays < 0 || props.snapshotRetentionDays > CacheProps.MAX_SNAPSHOT_RETENTION_DAYS) {
            throw ValidationException.of(this, "snapshotRetentionDays", props.snapshotRetentionDays,
                    "expected 0..35 days (0 takes no automatic snapshots)");
        }
        String snapshotWindow = DataStores.dailyWindow(this, "snapshotWindow", props.snapshotWindow, 1);
        // ElastiCache (CreateReplicationGroup): "The minimum maintenance window is a 60 minute period."
        String maintenanceWindow = DataStores.weeklyWindow(this, "maintenanceWindow", props.maintenanceWindow, 60);
        List<String> subnets = DataStores.subnets(this, props.network, SubnetTier.PRIVATE, 1,
                "the cache lives in the private tier");
        if (props.replicas > 0 && subnets.size() < 2) {
            throw ValidationException.of(this, "replicas", props.replicas,
                    "expected 0 in a network with private subnets in one availability zone: a replica with"
                            + " automatic failover needs a second zone");
        }
        this.replicationGroupId = DataStores.identifier(this, "replicationGroupId", stack.naming().name(id),
                MAX_REPLICATION_GROUP_ID);
        this.engine = props.engine;
        this.engineVersion = version;

        int nodes = 1 + props.replicas;
        boolean failover = props.replicas > 0;
        Map<String, String> tags = Map.of("Name", replicationGroupId);
        String engineName = engine.equals(CacheProps.VALKEY) ? "Valkey" : "Redis OSS";
        ManagedSecurityGroup group = DataStores.securityGroup(this, props.network, replicationGroupId,
                engineName + " " + replicationGroupId + ": no ingress until a peer is allowed");
        this.connections = new Connections(group, id, CACHE_PORT);
        this.subnetGroup = new Resource(this, "subnet-group", new ElasticacheSubnetGroup(replicationGroupId,
                "Private subnets of " + replicationGroupId, subnets, tags));
        // Role-based access with IAM authentication: clients sign a token with their role's credentials,
        // so no password is generated, passed or kept in state. A user group must hold a user named
        // "default"; this one is switched off. IAM authentication requires user id = user name and TLS.
        // https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html
        // https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html
        String appUserId = DataStores.identifier(this, "id", replicationGroupId + APP_USER_SUFFIX,
                MAX_REPLICATION_GROUP_ID);
        String defaultUserId = DataStores.identifier(this, "id", replicationGroupId + "-default",
                MAX_REPLICATION_GROUP_ID);
        this.defaultUser = new Resource(this, "default-user", new ElasticacheUser(defaultUserId,
                "default", engine, "off -@all", new ElasticacheUser.AuthenticationMode("no-password-required"), tags));
        this.appUser = new Resource(this, "app-user", new ElasticacheUser(appUserId, appUserId, engine,
                "on ~* +@all", new ElasticacheUser.AuthenticationMode("iam"), tags));
        this.userGroup = new Resource(this, "user-group", new ElasticacheUserGroup(replicationGroupId, engine,
                List.of(defaultUser.attr("user_id"), appUser.attr("user_id")), tags));
        this.replicationGroup = new Resource(this, "replication-group", new ElasticacheReplicationGroup(
                replicationGroupId,
                engineName + " " + version + " cache " + replicationGroupId,
                engine,
                version,
                props.nodeType,
                DEFAULT_PORT,
                nodes,
                failover ? zones(props.network.availabilityZones(), nodes) : null,
                failover,
                failover,
                subnetGroup.attr("name"),
                List.of(group.id()),
                null,
                true,
                null,
                true,
                true,
                props.applyImmediately,
                maintenanceWindow,
                props.snapshotRetentionDays,
                snapshotWindow,
                List.of(userGroup.attr("user_group_id")),
                tags));
    }

    /**
     * Lets {@code service} use the cache: admits it on {@value #DEFAULT_PORT}, publishes SSM parameters
     * {@code host}, {@code port}, {@code user} and {@code tls} under {@link #settingsPath()} that its role
     * may read, and lets its role connect as the IAM-authenticated user {@link #appUserId()} ({@code elasticache:Connect} on the replication
     * group and that user: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html). The
     * client connects with TLS and, as password, a SigV4-signed token for that user.
     *
     * @return the role's inline policy ({@code aws_iam_role_policy})
     */
    public <T extends IConnectable & IGrantable> Resource connectService(T service, String description) {
        java.util.Objects.requireNonNull(service, "service");
        connections.allowDefaultPortFrom(service, description);
        String label = ConstructPaths.id((Construct) service);
        if (settings.isEmpty()) {
            publishSettings();
        }
        // dirname() of a parameter's ARN is its path's ARN, which GetParametersByPath is authorized on.
        String pathArn = "${dirname(" + settings.get(0).address() + ".arn)}";
        String policy = PolicyStatement.document(List.of(
                PolicyStatement.allow("ConnectToCache", List.of("elasticache:Connect"),
                        List.of(replicationGroup.attr("arn"), appUser.attr("arn"))),
                PolicyStatement.allow("ReadCacheSettings", List.of("ssm:GetParametersByPath"), List.of(pathArn)),
                PolicyStatement.allow("ReadCacheSetting", List.of("ssm:GetParameter", "ssm:GetParameters"),
                        List.of(pathArn + "/*"))));
        return new Resource(this, "grant-" + label, new IamRolePolicy(replicationGroupId + "-connect",
                service.grantRole().attr("id"), policy));
    }

    /** The SSM path of the settings {@link #connectService} publishes: {@code /<project>/<env>/<id>}. */
    public String settingsPath() {
        GrowStack stack = GrowStack.of(this);
        return "/" + stack.naming().project() + "/" + stack.naming().environment() + "/" + ConstructPaths.id(this);
    }

    // host, port, the IAM user and TLS: what a client needs besides its role's credentials.
    private void publishSettings() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("host", replicationGroup.attr("primary_endpoint_address"));
        values.put("port", String.valueOf(DEFAULT_PORT));
        values.put("user", appUser.attr("user_id"));
        values.put("tls", "true");
        values.forEach((key, value) -> settings.add(new Resource(this, "setting-" + key, new SsmParameter(
                settingsPath() + "/" + key, "String", value, engine + " cache " + replicationGroupId + " " + key
                + " (TLS, IAM authentication)", Map.of()))));
    }

    /** The user id (and name) services connect as with IAM authentication. */
    public String appUserId() {
        return appUser.attr("user_id");
    }

    /** The IAM-authenticated {@code aws_elasticache_user} services connect as. */
    public Resource appUser() {
        return appUser;
    }

    /** The {@code aws_elasticache_user_group} of the replication group. */
    public Resource userGroup() {
        return userGroup;
    }

    /** Appended to the replication group id for the services' user. */
    public static final String APP_USER_SUFFIX = "-app";

    /** One zone per node, the primary in the first, replicas spread over the others in turn. */
    private static List<String> zones(List<String> available, int nodes) {
        if (available.size() < 2) {
            return null;
        }
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            zones.add(available.get(i % available.size()));
        }
        return zones;
    }

    @Override
    public Connections connections() {
        return connections;
    }

    /** The {@code aws_elasticache_replication_group}. */
    public Resource replicationGroup() {
        return replicationGroup;
    }

    /** The {@code aws_elasticache_subnet_group}. */
    public Resource subnetGroup() {
        return subnetGroup;
    }

    /** The replication group id, {@code project-environment-<id>}. */
    public String replicationGroupId() {
        return replicationGroupId;
    }

    /** The engine, {@code valkey} or {@code redis}. */
    public String engine() {
        return engine;
    }

    /** The engine version, {@code major.minor}. */
    public String engineVersion() {
        return engineVersion;
    }

    /** The host name of the primary (read/write) node (a reference to {@code primary_endpoint_address}). */
    public String primaryEndpoint() {
        return replicationGroup.attr("primary_endpoint_address");
    }

    /** The host name that spreads reads over the replicas (a reference to {@code reader_endpoint_address}). */
    public String readerEndpoint() {
        return replicationGroup.attr("reader_endpoint_address");
    }

    /** The port, {@value #DEFAULT_PORT}. */
    public int port() {
        return DEFAULT_PORT;
    }
}
