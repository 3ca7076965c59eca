package io.growstack.data;

import io.growstack.aws.DbInstance;
import io.growstack.aws.DbParameterGroup;
import io.growstack.aws.DbSubnetGroup;
import io.growstack.aws.IamRolePolicy;
import io.growstack.aws.SsmParameter;
import io.growstack.core.ConstructPaths;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import io.growstack.core.ValidationException;
import io.growstack.network.Connections;
import io.growstack.network.IConnectable;
import io.growstack.network.IGrantable;
import io.growstack.network.ManagedSecurityGroup;
import io.growstack.network.Port;
import io.growstack.network.SubnetTier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * An RDS for MySQL instance: the seed's version-2 "separate the database onto RDS", kept private
 * as version-3 does.
 *
 * <p>Defaults: MySQL {@value DatabaseProps#DEFAULT_ENGINE_VERSION} on
 * {@value DatabaseProps#DEFAULT_INSTANCE_CLASS}, Single-AZ, encrypted gp3 20 GiB growing up to
 * 100 GiB, a DB subnet group over the private subnets, not publicly accessible, master password
 * generated and kept by RDS in Secrets Manager (never in the Terraform JSON or state), 7 days of
 * backups, deletion protection and a final snapshot, minor versions upgraded in the maintenance
 * window, Performance Insights off, and a parameter group with utf8mb4 and
 * {@code require_secure_transport = 1} (clients must use TLS). Its security group admits nothing
 * until {@code connections().allowDefaultPortFrom(peer, description)} names a peer.
 */
public class Database extends Construct implements IConnectable {
    /** The MySQL port. */
    public static final int DEFAULT_PORT = 3306;
    /** The MySQL port as a security-group port. */
    public static final Port MYSQL = Port.tcp(DEFAULT_PORT);

    /** Burstable classes (micro..2xlarge) and the general-purpose and memory-optimized ones (large and up). */
    private static final Pattern INSTANCE_CLASS = Pattern.compile(
            "db\\.(t3|t4g)\\.(micro|small|medium|large|xlarge|2xlarge)"
                    + "|db\\.(m5|m6g|m6i|m7g|m7i|m8g|r5|r6g|r6i|r7g|r7i|r8g)\\.(large|xlarge|(2|4|8|12|16|24|32|48)xlarge)");
    /** Classes without Performance Insights / Database Insights for RDS for MySQL. */
    private static final Pattern NO_INSIGHTS = Pattern.compile("db\\.(t3|t4g)\\.(micro|small)");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,15}");
    /** Accounts RDS creates for itself. */
    private static final Set<String> RESERVED_USERNAMES = Set.of("rdsadmin", "rdsrepladmin", "rdsproxyadmin");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
    private static final int MAX_IDENTIFIER = 63;
    private static final int RDS_MIN_WINDOW_MINUTES = 30;

    private final String identifier;
    private final String engineVersion;
    private final Resource subnetGroup;
    private final Resource parameterGroup;
    private final Resource instance;
    private final Connections connections;
    private final String databaseName;
    private final List<Resource> settings = new ArrayList<>();

    /** Creates the database; throws {@link ValidationException} for bad settings. */
    public Database(Construct scope, String id, DatabaseProps props) {
        super(Ids.check(scope, id, props), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        if (props.engineVersion == null || !DatabaseProps.KNOWN_ENGINE_VERSIONS.contains(props.engineVersion)) {
            throw ValidationException.of(this, "engineVersion", props.engineVersion,
                    "expected 8.4 (the default, LTS) or 8.0 (Extended Support charges since 2026-07-31):"
                            + " the MySQL major version only, RDS picks and upgrades the minor version");
        }
        if (props.instanceClass == null || !INSTANCE_CLASS.matcher(props.instanceClass).matches()) {
            throw ValidationException.of(this, "instanceClass", props.instanceClass,
                    "expected an RDS instance class such as db.t4g.micro or db.m7g.large: db.t3 or db.t4g"
                            + " micro..2xlarge, or db.m5, db.m6g, db.m6i, db.m7g, db.m7i, db.m8g, db.r5, db.r6g,"
                            + " db.r6i, db.r7g, db.r7i or db.r8g large and up");
        }
        checkStorage(props.allocatedStorageGb, props.maxAllocatedStorageGb);
        if (props.backupRetentionDays < 0 || props.backupRetentionDays > DatabaseProps.MAX_BACKUP_RETENTION_DAYS) {
            throw ValidationException.of(this, "backupRetentionDays", props.backupRetentionDays,
                    "expected 0..35 days (0 turns automated backups and point-in-time recovery off)");
        }
        if (props.username == null || !USERNAME.matcher(props.username).matches()) {
            throw ValidationException.of(this, "username", props.username,
                    "expected 1-16 letters, digits or underscores starting with a letter");
        }
        if (RESERVED_USERNAMES.contains(props.username.toLowerCase(Locale.ROOT))) {
            throw ValidationException.of(this, "username", props.username,
                    "expected a name RDS does not keep for itself (rdsadmin, rdsproxyadmin, rdsrepladmin),"
                            + " such as the default admin");
        }
        if (MysqlReservedWords.contains(props.username)) {
            throw ValidationException.of(this, "username", props.username,
                    "expected a name MySQL does not reserve (it is a reserved word; RDS refuses it), such as admin");
        }
        if (props.databaseName != null && !DATABASE_NAME.matcher(props.databaseName).matches()) {
            throw ValidationException.of(this, "databaseName", props.databaseName,
                    "expected 1-64 letters, digits or underscores starting with a letter");
        }
        if (props.databaseName != null && MysqlReservedWords.contains(props.databaseName)) {
            throw ValidationException.of(this, "databaseName", props.databaseName,
                    "expected a name MySQL does not reserve (it is a reserved word; RDS refuses it), such as app");
        }
        // RDS (CreateDBInstance): each window at least 30 minutes, and the daily backup window must
        // not overlap the weekly maintenance window.
        String backupWindow = DataStores.dailyWindow(this, "backupWindow", props.backupWindow, RDS_MIN_WINDOW_MINUTES);
        String maintenanceWindow = DataStores.weeklyWindow(this, "maintenanceWindow", props.maintenanceWindow,
                RDS_MIN_WINDOW_MINUTES);
        if (backupWindow != null && maintenanceWindow != null && DataStores.overlap(backupWindow, maintenanceWindow)) {
            throw ValidationException.of(this, "backupWindow", backupWindow, "expected a daily window that does not"
                    + " overlap the maintenance window " + maintenanceWindow + " (RDS refuses overlapping windows)");
        }
        if (props.performanceInsights && NO_INSIGHTS.matcher(props.instanceClass).matches()) {
            throw ValidationException.of(this, "performanceInsights", true,
                    "expected false on " + props.instanceClass + ": RDS for MySQL offers no Performance Insights on"
                            + " micro and small classes; choose db.t4g.medium or larger");
        }
        List<DbParameterGroup.Parameter> parameters = parameters(props);
        SubnetTier tier = props.publiclyAccessible ? SubnetTier.PUBLIC : SubnetTier.PRIVATE;
        List<String> subnets = DataStores.subnets(this, props.network, tier, 2,
                "an RDS DB subnet group spans two zones, even for a Single-AZ instance");
        this.identifier = DataStores.identifier(this, "identifier", stack.naming().name(id), MAX_IDENTIFIER);
        this.engineVersion = props.engineVersion;
        this.databaseName = props.databaseName;

        String family = "mysql" + engineVersion;
        Map<String, String> tags = Map.of("Name", identifier);
        ManagedSecurityGroup group = DataStores.securityGroup(this, props.network, identifier,
                "MySQL " + identifier + ": no ingress until a peer is allowed");
        this.connections = new Connections(group, id, MYSQL);
        this.subnetGroup = new Resource(this, "subnet-group", new DbSubnetGroup(identifier,
                (props.publiclyAccessible ? "Public" : "Private") + " subnets of " + identifier, subnets, tags));
        // A prefix, not a name: the replacement is created while the old group still holds its name,
        // so a fixed name would make every replacement fail (DBParameterGroupAlreadyExists).
        this.parameterGroup = new Resource(this, "parameter-group", new DbParameterGroup(
                null, identifier + "-" + family.replace('.', '-') + "-", family,
                "MySQL " + engineVersion + " settings of " + identifier + ": utf8mb4, TLS required",
                parameters, tags),
                // The family is part of the name, so a major upgrade makes a new group: create it before
                // the instance moves to it, delete the old one after (RDS refuses to delete a group in use).
                ResourceOptions.replacedCreateFirst());
        this.instance = new Resource(this, "instance", new DbInstance(
                identifier,
                "mysql",
                engineVersion,
                props.instanceClass,
                props.allocatedStorageGb,
                props.maxAllocatedStorageGb,
                "gp3",
                true,
                null,
                props.databaseName,
                props.username,
                true,
                DEFAULT_PORT,
                subnetGroup.attr("name"),
                List.of(group.id()),
                parameterGroup.attr("name"),
                props.publiclyAccessible,
                props.multiAz,
                props.backupRetentionDays,
                backupWindow,
                maintenanceWindow,
                true,
                props.deletionProtection,
                !props.finalSnapshot,
                props.finalSnapshot ? identifier + FINAL_SNAPSHOT_SUFFIX : null,
                true,
                null,
                props.applyImmediately,
                props.performanceInsights,
                tags),
                // Terraform reads the snapshot name from state at destroy: the creation time in it makes
                // each destroy's snapshot new (a fixed name fails the second destroy with
                // DBSnapshotAlreadyExists), and ignore_changes keeps timestamp() from planning a change
                // every run, so the JSON stays the same bytes.
                ResourceOptions.ignoreChanges("final_snapshot_identifier"));
    }

    /** Appended to the identifier for the final snapshot: the creation time, fixed at create. */
    public static final String FINAL_SNAPSHOT_SUFFIX = "-final-${formatdate(\"YYYYMMDDhhmmss\", timestamp())}";

    private void checkStorage(int allocated, int max) {
        if (max == 0) {
            if (allocated < DatabaseProps.MIN_ALLOCATED_STORAGE_GB || allocated > DatabaseProps.MAX_STORAGE_GB) {
                throw ValidationException.of(this, "allocatedStorageGb", allocated,
                        "expected 20..65536 GiB (gp3 needs at least 20)");
            }
            return;
        }
        if (allocated < DatabaseProps.MIN_ALLOCATED_STORAGE_GB || allocated > max) {
            throw ValidationException.of(this, "allocatedStorageGb", allocated,
                    "expected 20.." + max + " GiB: gp3 needs at least 20, and maxAllocatedStorageGb (the"
                            + " storage-autoscaling ceiling) is " + max);
        }
        int least = (allocated * 11 + 9) / 10;
        if (max < least || max > DatabaseProps.MAX_STORAGE_GB) {
            throw ValidationException.of(this, "maxAllocatedStorageGb", max,
                    "expected " + least + "..65536 GiB, at least 10 % above allocatedStorageGb " + allocated
                            + " (RDS rejects a closer ceiling), or 0 to turn storage autoscaling off");
        }
    }

    private List<DbParameterGroup.Parameter> parameters(DatabaseProps props) {
        Map<String, DbParameterGroup.Parameter> byName = new LinkedHashMap<>();
        byName.put("character_set_server", DbParameterGroup.Parameter.immediate("character_set_server", "utf8mb4"));
        byName.put("collation_server", DbParameterGroup.Parameter.immediate("collation_server", "utf8mb4_0900_ai_ci"));
        byName.put("require_secure_transport", DbParameterGroup.Parameter.immediate("require_secure_transport", "1"));
        props.parameters.forEach((name, value) ->
                byName.put(checkParameter(name, value), DbParameterGroup.Parameter.immediate(name, value)));
        props.staticParameters.forEach((name, value) ->
                byName.put(checkParameter(name, value), DbParameterGroup.Parameter.pendingReboot(name, value)));
        return new ArrayList<>(byName.values());
    }

    private String checkParameter(String name, String value) {
        if (name == null || !PARAMETER_NAME.matcher(name).matches()) {
            throw ValidationException.of(this, "parameter", name,
                    "expected a MySQL parameter name such as max_connections");
        }
        if (value == null || value.isBlank()) {
            throw ValidationException.of(this, "parameter." + name, value,
                    "expected a value; leave the parameter out to keep the engine default");
        }
        return name;
    }

    @Override
    public Connections connections() {
        return connections;
    }

    /**
     * Lets {@code service} use the database: admits it on {@value #DEFAULT_PORT}, publishes the
     * settings it needs as SSM parameters under {@link #settingsPath()} ({@value #HOST_SETTING},
     * {@value #PORT_SETTING}, {@value #NAME_SETTING} when a database name is set, and
     * {@value #SECRET_ARN_SETTING}), and gives its role read access to those parameters and to the
     * master user's secret that RDS keeps in Secrets Manager. The secret is encrypted with the AWS managed
     * key {@code aws/secretsmanager}, whose key policy already lets the account's principals decrypt
     * through Secrets Manager, so no {@code kms:Decrypt} statement is needed:
     * https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
     * Connections must use TLS ({@code require_secure_transport = 1}).
     *
     * @return the role's inline policy ({@code aws_iam_role_policy})
     */
    public <T extends IConnectable & IGrantable> Resource connectService(T service, String description) {
        java.util.Objects.requireNonNull(service, "service");
        connections.allowDefaultPortFrom(service, description);
        if (settings.isEmpty()) {
            publishSettings();
        }
        Resource first = settings.get(0);
        // dirname() of a parameter's ARN is the ARN of its path, which GetParametersByPath is
        // authorized on; Spring Cloud AWS's aws-parameterstore import reads a path that way.
        String pathArn = "${dirname(" + first.address() + ".arn)}";
        String label = ConstructPaths.id((Construct) service);
        String policy = PolicyStatement.document(List.of(
                PolicyStatement.allow("ReadDatabaseSettings", List.of("ssm:GetParametersByPath"), List.of(pathArn)),
                PolicyStatement.allow("ReadDatabaseSetting", List.of("ssm:GetParameter", "ssm:GetParameters"),
                        List.of(pathArn + "/*")),
                PolicyStatement.allow("ReadDatabaseSecret",
                        List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
                        List.of(secretArn()))));
        return new Resource(this, "grant-" + label, new IamRolePolicy(identifier + "-access",
                service.grantRole().attr("id"), policy));
    }

    /** The SSM path of the settings {@link #connectService} publishes: {@code /<project>/<env>/<id>}. */
    public String settingsPath() {
        GrowStack stack = GrowStack.of(this);
        return "/" + stack.naming().project() + "/" + stack.naming().environment() + "/" + ConstructPaths.id(this);
    }

    private void publishSettings() {
        String path = settingsPath();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(HOST_SETTING, instance.attr("address"));
        values.put(PORT_SETTING, instance.attr("port"));
        if (databaseName != null) {
            values.put(NAME_SETTING, databaseName);
        }
        values.put(SECRET_ARN_SETTING, secretArn());
        values.forEach((key, value) -> settings.add(new Resource(this, "setting-" + key, new SsmParameter(
                path + "/" + key, "String", value, "MySQL " + identifier + " " + key + " (TLS required)",
                Map.of()))));
    }

    /** The setting with the database's host name. */
    public static final String HOST_SETTING = "host";
    /** The setting with the database's port. */
    public static final String PORT_SETTING = "port";
    /** The setting with the initial database's name. */
    public static final String NAME_SETTING = "name";
    /** The setting with the master user secret's ARN (the secret holds username and password). */
    public static final String SECRET_ARN_SETTING = "secret-arn";

    /** The {@code aws_db_instance}. */
    public Resource instance() {
        return instance;
    }

    /** The {@code aws_db_subnet_group}. */
    public Resource subnetGroup() {
        return subnetGroup;
    }

    /** The {@code aws_db_parameter_group}. */
    public Resource parameterGroup() {
        return parameterGroup;
    }

    /** The DB instance identifier, {@code project-environment-<id>}. */
    public String identifier() {
        return identifier;
    }

    /** The MySQL major version. */
    public String engineVersion() {
        return engineVersion;
    }

    /** The host name clients connect to (a reference to {@code address}). */
    public String endpoint() {
        return instance.attr("address");
    }

    /** The MySQL port, {@value #DEFAULT_PORT}. */
    public int port() {
        return DEFAULT_PORT;
    }

    /**
     * The ARN of the Secrets Manager secret that holds the master user name and password (a
     * reference to {@code master_user_secret[0].secret_arn}); grant {@code secretsmanager:GetSecretValue}
     * on it to whatever needs the password.
     */
    public String secretArn() {
        return instance.attr("master_user_secret[0].secret_arn");
    }
}
