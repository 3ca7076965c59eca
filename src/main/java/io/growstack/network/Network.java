package io.growstack.network;

import io.growstack.aws.AvailabilityZonesData;
import io.growstack.aws.CloudwatchLogGroup;
import io.growstack.aws.FlowLog;
import io.growstack.aws.IamRole;
import io.growstack.aws.IamRolePolicy;
import io.growstack.aws.DefaultSecurityGroup;
import io.growstack.aws.InternetGateway;
import io.growstack.aws.Route;
import io.growstack.aws.RouteTable;
import io.growstack.aws.RouteTableAssociation;
import io.growstack.aws.Subnet;
import io.growstack.aws.Vpc;
import io.growstack.aws.VpcEndpoint;
import io.growstack.core.Args;
import io.growstack.core.Cidr;
import io.growstack.core.DataSource;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.Naming;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import io.growstack.core.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.constructs.Construct;

/**
 * A VPC with a public and (by default) a private subnet in each of 2..6 availability zones, an
 * internet gateway, a public route table, one shared private route table (or one per zone), a
 * pluggable NAT, the free S3 gateway endpoint on the private tables, and optional flow logs.
 *
 * <p>Defaults: {@value NetworkProps#DEFAULT_CIDR}, 2 zones, /20 subnets (public from the bottom of
 * the VPC, private from its upper half), a self-healing t3.nano NAT instance, S3 endpoint on, no flow logs.
 * Public subnets do not hand out public addresses on launch: each public IPv4 address is billed,
 * so hosts that need one ask for it.
 */
public class Network extends Construct implements INetwork {
    /** Smallest and largest VPC prefix AWS accepts. */
    public static final int MIN_PREFIX = 16;
    /** Largest prefix of a VPC or subnet. */
    public static final int MAX_PREFIX = 28;
    /** Bounds of the zone count. */
    public static final int MIN_AZS = 2;
    /** Bounds of the zone count. */
    public static final int MAX_AZS = 6;
    private static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final Cidr cidr;
    private final Resource vpc;
    private final Resource internetGateway;
    private final List<String> zones = new ArrayList<>();
    private final List<Resource> publicSubnets = new ArrayList<>();
    private final List<Resource> privateSubnets = new ArrayList<>();
    private final Resource publicRouteTable;
    private final List<Resource> privateRouteTables = new ArrayList<>();
    private final Resource s3Endpoint;
    private final Resource flowLog;
    private final Nat nat;
    private final Resource defaultSecurityGroup;

    /** A network with the defaults. */
    public Network(Construct scope, String id) {
        this(scope, id, NetworkProps.builder().build());
    }

    /** A network with {@code props}; throws {@link ValidationException} for bad settings. */
    public Network(Construct scope, String id, NetworkProps settings) {
        super(Ids.check(scope, id, settings), id);
        Ids.created(this);
        GrowStack stack = GrowStack.of(this);
        Naming naming = stack.naming();
        NetworkProps props = settings;

        this.cidr = parseVpcCidr(props.cidr());
        if (props.availabilityZones().isEmpty() && !stack.pinnedAvailabilityZones().isEmpty()) {
            List<String> pinned = stack.pinnedAvailabilityZones();
            if (pinned.size() < props.azCount()) {
                throw ValidationException.of(this, "context " + GrowStack.CONTEXT_ZONES, pinned,
                        "expected at least " + props.azCount() + " zone names for this network");
            }
            props = props.toBuilder().availabilityZones(pinned.subList(0, props.azCount())).build();
        }
        checkZones(stack, props);
        NatProvider natProvider = props.nat() != null ? props.nat()
                : props.privateSubnets() ? NatProvider.instance() : NatProvider.none();
        if (!props.privateSubnets() && props.nat() != null && !props.nat().isNone()) {
            throw ValidationException.of(this, "nat", "a NAT with privateSubnets(false)",
                    "expected NatProvider.none() when there is no private tier (nothing would use the NAT)");
        }
        if (!props.privateSubnets() && !props.privateSubnetCidrs().isEmpty()) {
            throw ValidationException.of(this, "privateSubnetCidrs", props.privateSubnetCidrs(),
                    "expected none when privateSubnets(false)");
        }
        natProvider.validate(this);
        checkFlowLogs(props.flowLogs());
        List<Cidr> publicCidrs = new ArrayList<>();
        List<Cidr> privateCidrs = new ArrayList<>();
        planSubnets(props, publicCidrs, privateCidrs);

        // Everything is valid: create resources.
        this.vpc = new Resource(this, "vpc", new Vpc(cidr.toString(), true, true, Map.of("Name", naming.prefix())));
        String vpcId = vpc.attr("id");
        this.internetGateway = new Resource(this, "internet-gateway",
                new InternetGateway(vpcId, Map.of("Name", naming.prefix())));
        // AWS gives every VPC a default group that admits all traffic among its members and allows all
        // egress; anything launched without a group lands in it. Adopted with no rules, it admits nothing.
        // https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
        // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group
        this.defaultSecurityGroup = new Resource(this, "default-security-group", new DefaultSecurityGroup(vpcId,
                Map.of("Name", naming.name("default-unused"))));

        DataSource lookup = props.availabilityZones().isEmpty()
                ? new DataSource(this, "availability-zones", new AvailabilityZonesData("available")) : null;
        for (int i = 0; i < props.azCount(); i++) {
            zones.add(lookup == null ? props.availabilityZones().get(i) : lookup.listElement("names", i));
        }

        this.publicRouteTable = new Resource(this, "public-route-table",
                new RouteTable(vpcId, Map.of("Name", naming.name("public"))));
        new Resource(this, "public-default-route", new Route(publicRouteTable.attr("id"), "0.0.0.0/0",
                internetGateway.attr("id"), null, null));
        for (int i = 0; i < publicCidrs.size(); i++) {
            String n = String.valueOf(i + 1);
            Resource subnet = new Resource(this, "public-subnet-" + n, new Subnet(vpcId, publicCidrs.get(i).toString(),
                    zones.get(i), false, Map.of("Name", naming.name("public-" + n), "Tier", "public")));
            publicSubnets.add(subnet);
            new Resource(this, "public-subnet-" + n + "-route-table", new RouteTableAssociation(subnet.attr("id"),
                    publicRouteTable.attr("id")));
        }

        boolean tablePerAz = props.privateRouteTablePerAz() || natProvider.needsTablePerAz();
        for (int i = 0; i < privateCidrs.size(); i++) {
            String n = String.valueOf(i + 1);
            Resource subnet = new Resource(this, "private-subnet-" + n, new Subnet(vpcId,
                    privateCidrs.get(i).toString(), zones.get(i), false,
                    Map.of("Name", naming.name("private-" + n), "Tier", "private")));
            privateSubnets.add(subnet);
            if (tablePerAz || i == 0) {
                String tableId = tablePerAz ? "private-route-table-" + n : "private-route-table";
                String tableName = tablePerAz ? naming.name("private-" + n) : naming.name("private");
                privateRouteTables.add(new Resource(this, tableId, new RouteTable(vpcId, Map.of("Name", tableName))));
            }
            Resource table = privateRouteTables.get(privateRouteTables.size() - 1);
            new Resource(this, "private-subnet-" + n + "-route-table", new RouteTableAssociation(subnet.attr("id"),
                    table.attr("id")));
        }

        this.nat = natProvider.provide(new NatContext(this, stack, vpcId, cidr.toString(), internetGateway,
                publicSubnets, privateRouteTables, tablePerAz));

        this.s3Endpoint = props.s3GatewayEndpoint() && !privateRouteTables.isEmpty()
                ? new Resource(this, "s3-endpoint", new VpcEndpoint(vpcId, "com.amazonaws." + stack.region() + ".s3",
                        "Gateway", privateRouteTables.stream().map(t -> t.attr("id")).toList(),
                        Map.of("Name", naming.name("s3"))))
                : null;
        this.flowLog = props.flowLogs() == null ? null : flowLogs(stack, props.flowLogs(), vpcId);
    }

    private Cidr parseVpcCidr(String text) {
        Cidr parsed = Cidr.parse(text).orElseThrow(() -> ValidationException.of(this, "cidr", text,
                "expected an IPv4 CIDR block with zero host bits, such as " + NetworkProps.DEFAULT_CIDR));
        if (parsed.prefix() < MIN_PREFIX || parsed.prefix() > MAX_PREFIX) {
            throw ValidationException.of(this, "cidr", text,
                    "expected a prefix between /" + MIN_PREFIX + " and /" + MAX_PREFIX + " (AWS's VPC size limits)");
        }
        return parsed;
    }

    private void checkZones(GrowStack stack, NetworkProps props) {
        String region = stack.region();
        if (props.azCount() < MIN_AZS || props.azCount() > MAX_AZS) {
            throw ValidationException.of(this, props.availabilityZones().isEmpty() ? "azCount" : "availabilityZones",
                    props.availabilityZones().isEmpty() ? props.azCount() : props.availabilityZones(),
                    "expected " + MIN_AZS + " to " + MAX_AZS + " availability zones (a load balancer needs two)");
        }
        List<String> known = stack.knownAvailabilityZones();
        Set<String> seen = new HashSet<>();
        for (String zone : props.availabilityZones()) {
            if (zone == null || !zone.matches(java.util.regex.Pattern.quote(region) + "[a-z]") || !seen.add(zone)) {
                throw ValidationException.of(this, "availabilityZones", props.availabilityZones(),
                        "expected distinct zone names of region " + region + ", such as " + region + "a");
            }
            if (!known.contains(zone)) {
                throw ValidationException.of(this, "availabilityZones", zone, "expected a zone that exists in "
                        + region + ": " + String.join(", ", known) + " (growstack's list as of "
                        + io.growstack.core.Regions.AS_OF + "; name a newer zone in the context key "
                        + GrowStack.CONTEXT_KNOWN_ZONES + ")");
            }
        }
        // Without pinned zones the subnets take the i-th name of the zone lookup, and Terraform's
        // element() wraps past the end: a seventh subnet in a four-zone region would silently share
        // a zone with the first one.
        if (props.availabilityZones().isEmpty() && props.azCount() > known.size()) {
            throw ValidationException.of(this, "azCount", props.azCount(), "expected at most " + known.size()
                    + ": " + region + " has " + known.size() + " availability zones (" + String.join(", ", known) + ")");
        }
    }

    private void checkFlowLogs(FlowLogs flowLogs) {
        if (flowLogs == null) {
            return;
        }
        if (!LOG_RETENTION_DAYS.contains(flowLogs.retentionDays())) {
            throw ValidationException.of(this, "flowLogs.retentionDays", flowLogs.retentionDays(),
                    "expected a CloudWatch Logs retention: " + new java.util.TreeSet<>(LOG_RETENTION_DAYS));
        }
        if (!Set.of("ALL", "ACCEPT", "REJECT").contains(flowLogs.trafficType())) {
            throw ValidationException.of(this, "flowLogs.trafficType", flowLogs.trafficType(),
                    "expected ALL, ACCEPT or REJECT");
        }
    }

    private void planSubnets(NetworkProps props, List<Cidr> publicCidrs, List<Cidr> privateCidrs) {
        int azs = props.azCount();
        if (props.subnetPrefix() == null && cidr.prefix() >= MAX_PREFIX) {
            throw ValidationException.of(this, "cidr", cidr, "expected a VPC larger than /" + MAX_PREFIX
                    + ": subnets are at most /" + MAX_PREFIX + ", so a /" + MAX_PREFIX + " VPC cannot hold one per zone"
                    + " and tier");
        }
        int prefix = props.subnetPrefix() != null ? props.subnetPrefix() : Math.min(cidr.prefix() + 4, MAX_PREFIX);
        if (prefix <= cidr.prefix() || prefix > MAX_PREFIX) {
            throw ValidationException.of(this, "subnetPrefix", props.subnetPrefix(), cidr.prefix() >= MAX_PREFIX
                    ? "expected a larger VPC first: the VPC's /" + cidr.prefix() + " leaves no subnet prefix up to /"
                            + MAX_PREFIX
                    : "expected a prefix from /" + (cidr.prefix() + 1) + " to /" + MAX_PREFIX
                            + " (longer than the VPC's /" + cidr.prefix() + ")");
        }
        long blocks = cidr.count(prefix);
        long half = props.privateSubnets() ? blocks / 2 : blocks;
        String fix = prefix < MAX_PREFIX ? "use a larger VPC or a longer subnetPrefix" : "use a larger VPC";
        // Carved public subnets fill the lower half from the bottom; carved private ones the upper
        // half. Each carved tier must fit in its half, also when the other tier is given explicitly.
        if (props.publicSubnetCidrs().isEmpty() && azs > half) {
            throw ValidationException.of(this, "cidr", cidr,
                    "expected room for " + azs + " /" + prefix + " subnets per tier; " + fix);
        }
        if (props.privateSubnets() && props.privateSubnetCidrs().isEmpty() && azs > blocks - half) {
            throw ValidationException.of(this, "cidr", cidr, "expected room for " + azs + " private /" + prefix
                    + " subnets in the upper half of the VPC, which holds " + (blocks - half) + "; " + fix
                    + ", or give privateSubnetCidrs");
        }
        publicCidrs.addAll(explicitOrCarved("publicSubnetCidrs", props.publicSubnetCidrs(), azs, prefix, 0));
        if (props.privateSubnets()) {
            privateCidrs.addAll(explicitOrCarved("privateSubnetCidrs", props.privateSubnetCidrs(), azs, prefix, half));
        }
        List<Cidr> all = new ArrayList<>(publicCidrs);
        all.addAll(privateCidrs);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).overlaps(all.get(j))) {
                    throw ValidationException.of(this, "subnets", all.get(i) + " and " + all.get(j),
                            "expected subnets that do not overlap");
                }
            }
        }
    }

    private List<Cidr> explicitOrCarved(String property, List<String> explicit, int azs, int prefix, long offset) {
        List<Cidr> result = new ArrayList<>();
        if (explicit.isEmpty()) {
            for (int i = 0; i < azs; i++) {
                result.add(cidr.subnet(prefix, (int) offset + i));
            }
            return result;
        }
        if (explicit.size() != azs) {
            throw ValidationException.of(this, property, explicit, "expected one CIDR per zone (" + azs + ")");
        }
        for (String text : explicit) {
            Cidr subnet = Cidr.parse(text).orElseThrow(() -> ValidationException.of(this, property, text,
                    "expected an IPv4 CIDR block with zero host bits, such as 10.0.1.0/24"));
            if (!cidr.contains(subnet)) {
                throw ValidationException.of(this, property, text, "expected a block inside the VPC's " + cidr);
            }
            if (subnet.prefix() > MAX_PREFIX) {
                throw ValidationException.of(this, property, text, "expected a prefix of at most /" + MAX_PREFIX);
            }
            result.add(subnet);
        }
        return result;
    }

    private Resource flowLogs(GrowStack stack, FlowLogs settings, String vpcId) {
        Naming naming = stack.naming();
        Resource group = new Resource(this, "flow-logs-group", new CloudwatchLogGroup(
                "/growstack/" + naming.prefix() + "/vpc-flow-logs", settings.retentionDays(), Map.of()));
        String trust = PolicyStatement.document(List.of(
                PolicyStatement.trustService("VpcFlowLogsAssumeRole", "vpc-flow-logs.amazonaws.com")
                        .withCondition("ArnLike", "aws:SourceArn",
                                "arn:" + stack.partition() + ":ec2:" + stack.region() + ":*:vpc-flow-log/*")));
        Resource role = new Resource(this, "flow-logs-role", new IamRole(naming.name("vpc-flow-logs"),
                "Lets VPC flow logs write to " + naming.prefix() + "'s log group", trust, Map.of()));
        String groupArn = group.attr("arn");
        String policy = PolicyStatement.document(List.of(PolicyStatement.allow("WriteFlowLogRecords",
                List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                List.of(groupArn, groupArn + ":*"))));
        new Resource(this, "flow-logs-role-policy", new IamRolePolicy("write-flow-logs", role.attr("id"), policy));
        return new Resource(this, "flow-logs", new FlowLog(vpcId, settings.trafficType(), "cloud-watch-logs",
                groupArn, role.attr("arn"), 600, Map.of("Name", naming.name("vpc"))));
    }

    /** An existing network, for blocks that need one: ids as plain values or tokens. */
    public static INetwork fromAttributes(String vpcId, String vpcCidr, List<String> availabilityZones,
                                          List<String> publicSubnetIds, List<String> privateSubnetIds) {
        Args.notNull(vpcId, "vpcId");
        Args.notNull(vpcCidr, "vpcCidr");
        Args.notNull(availabilityZones, "availabilityZones");
        Args.notNull(publicSubnetIds, "publicSubnetIds");
        Args.notNull(privateSubnetIds, "privateSubnetIds");
        return new ImportedNetwork(vpcId, vpcCidr, List.copyOf(availabilityZones), List.copyOf(publicSubnetIds),
                List.copyOf(privateSubnetIds));
    }

    @Override
    public String vpcId() {
        return vpc.attr("id");
    }

    @Override
    public String vpcCidr() {
        return cidr.toString();
    }

    @Override
    public List<String> availabilityZones() {
        return List.copyOf(zones);
    }

    @Override
    public List<String> subnetIds(SubnetTier tier) {
        return subnets(tier).stream().map(s -> s.attr("id")).toList();
    }

    /** The {@code aws_subnet} resources of {@code tier}, one per zone. */
    public List<Resource> subnets(SubnetTier tier) {
        return List.copyOf(tier == SubnetTier.PUBLIC ? publicSubnets : privateSubnets);
    }

    /** The {@code aws_vpc} resource. */
    public Resource vpc() {
        return vpc;
    }

    /** The {@code aws_internet_gateway} resource. */
    public Resource internetGateway() {
        return internetGateway;
    }

    /** The public route table. */
    public Resource publicRouteTable() {
        return publicRouteTable;
    }

    /** The private route tables: one, or one per zone. Empty without a private tier. */
    public List<Resource> privateRouteTables() {
        return List.copyOf(privateRouteTables);
    }

    /** The VPC's default security group ({@code aws_default_security_group}), adopted with no rules. */
    public Resource defaultSecurityGroup() {
        return defaultSecurityGroup;
    }

    /** What the NAT provider built. */
    public Nat nat() {
        return nat;
    }

    /** The S3 gateway endpoint, if any. */
    public Optional<Resource> s3Endpoint() {
        return Optional.ofNullable(s3Endpoint);
    }

    /** The {@code aws_flow_log}, if flow logs are on. */
    public Optional<Resource> flowLog() {
        return Optional.ofNullable(flowLog);
    }

    private record ImportedNetwork(String vpcId, String vpcCidr, List<String> availabilityZones,
                                   List<String> publicSubnetIds, List<String> privateSubnetIds) implements INetwork {
        @Override
        public List<String> subnetIds(SubnetTier tier) {
            return tier == SubnetTier.PUBLIC ? publicSubnetIds : privateSubnetIds;
        }
    }
}
