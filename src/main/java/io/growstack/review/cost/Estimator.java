package io.growstack.review.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.review.cost.CostComponent.Pricing;
import io.growstack.review.cost.CostComponent.Status;
import io.growstack.review.cost.StackJson.Item;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/** Prices one stack's resources line by line from a {@link PriceBook} and a {@link Usage}. */
final class Estimator {
    static final String DATA_TRANSFER = "data_transfer";
    /** Size assumed for a root volume that does not state one (the AMI's, 8 GiB for Amazon Linux). */
    static final int ASSUMED_ROOT_GB = 8;
    /** Types whose traffic leaves through the stack's data-transfer line. */
    private static final Set<String> TRAFFIC_SOURCES = Set.of("aws_instance", "aws_autoscaling_group",
            "aws_nat_gateway", "aws_lb", "aws_alb", "aws_db_instance");
    /** Burstable families that launch in unlimited mode unless told otherwise. */
    private static final Set<String> UNLIMITED_BY_DEFAULT = Set.of("t3", "t3a", "t4g");

    private final StackJson stack;
    private final PriceBook book;
    private final Usage usage;
    private final double discount;
    private final LocalDate asOf;
    private final int hours;
    private final Set<String> usedUsage = new LinkedHashSet<>();
    private double freeCloudFrontGb;
    private double freeCloudFrontRequests;
    private double freeInternetGb;
    private double freeAlarms;
    private double freeBudgets;

    private final List<ResourceCost> resources = new ArrayList<>();
    private final List<String> free = new ArrayList<>();
    private final List<String> notPriced = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** The lines of the resource being priced and its region. */
    private List<CostComponent> lines;
    private Item current;
    private String region;

    Estimator(StackJson stack, PriceBook book, Usage usage, CostOptions options) {
        this.stack = stack;
        this.book = book;
        this.usage = usage;
        this.discount = options.commitmentDiscount() != null ? options.commitmentDiscount()
                : book.price("ec2.commitment.1yr_no_upfront").map(Price::factor)
                        .orElse(CostOptions.DEFAULT_COMMITMENT_DISCOUNT);
        this.asOf = options.asOf() != null ? options.asOf() : book.asOf() != null ? book.asOf() : LocalDate.now();
        this.hours = book.hoursPerMonth();
        this.freeCloudFrontGb = allowance("cloudfront.free_tier.data_out");
        this.freeCloudFrontRequests = allowance("cloudfront.free_tier.https_requests");
        this.freeInternetGb = allowance("data_transfer.free_tier.internet_out");
        this.freeAlarms = allowance("cloudwatch.free_tier.alarms");
        this.freeBudgets = allowance("budgets.free_tier.budgets");
    }

    double discount() {
        return discount;
    }

    LocalDate asOf() {
        return asOf;
    }

    List<ResourceCost> resources() {
        return resources;
    }

    List<String> free() {
        return free;
    }

    List<String> notPriced() {
        return notPriced;
    }

    List<String> warnings() {
        return warnings;
    }

    private double allowance(String key) {
        return book.price(key).map(Price::quantity).orElse(0.0);
    }

    void run() {
        if (stack.defaultRegion() == null) {
            warnings.add("the stack names no AWS provider region; priced as " + book.region());
        }
        boolean traffic = false;
        for (Item item : stack.items()) {
            traffic |= TRAFFIC_SOURCES.contains(item.type());
            price(item);
        }
        if (traffic || usage.resources().containsKey(DATA_TRANSFER) || usage.typeDefaults().containsKey(DATA_TRANSFER)) {
            dataTransfer();
        }
        checkUsage();
    }

    private void price(Item item) {
        if (book.isFree(item.type())) {
            free.add(item.address());
            return;
        }
        Integer count = StackJson.integer(item.get("count"));
        if (count != null && count == 0) {
            free.add(item.address());
            return;
        }
        current = item;
        region = stack.region(item) != null ? stack.region(item) : book.region();
        lines = new ArrayList<>();
        switch (item.type()) {
            case "aws_instance" -> instance(item);
            case "aws_autoscaling_group" -> group(item);
            case "aws_eip" -> elasticIp(item);
            case "aws_nat_gateway" -> natGateway(item);
            case "aws_lb", "aws_alb" -> loadBalancer(item);
            case "aws_db_instance" -> database(item);
            case "aws_elasticache_replication_group", "aws_elasticache_cluster" -> cache(item);
            case "aws_s3_bucket" -> bucket(item);
            case "aws_cloudfront_distribution" -> distribution(item);
            case "aws_ebs_volume" -> volume(item);
            case "aws_kms_key" -> fixed("key", "Customer managed key", "key-months", 1, "kms.key", false, null);
            case "aws_secretsmanager_secret" -> fixed("secret", "Secret", "secret-months", 1, "secretsmanager.secret",
                    false, null);
            case "aws_cloudwatch_metric_alarm" -> alarm(item);
            case "aws_budgets_budget" -> budget();
            case "aws_sns_topic" -> usageLine("requests", "Publishes", "1M requests", "monthly_requests", 0.000_001,
                    StackJson.isTrue(item.get("fifo_topic")) ? "sns.fifo.requests" : "sns.standard.requests", false,
                    "keeping a topic costs nothing");
            case "aws_sns_topic_subscription" -> {
                String protocol = StackJson.literal(item.get("protocol"));
                if (!"email".equals(protocol) && !"email-json".equals(protocol)) {
                    notPriced.add(item.address());
                    return;
                }
                usageLine("notifications", "Email notifications", "100k notifications", "monthly_notifications",
                        0.000_01, "sns.email.deliveries", false, null);
            }
            case "aws_vpc_endpoint" -> {
                String kind = StackJson.literal(item.get("vpc_endpoint_type"));
                if (kind == null || kind.equals("Gateway")) {
                    free.add(item.address());
                    return;
                }
                notPriced.add(item.address());
                return;
            }
            default -> {
                notPriced.add(item.address());
                return;
            }
        }
        int times = count != null ? count : 1;
        boolean repeated = item.body().has("for_each") || item.body().has("count") && count == null;
        List<CostComponent> priced = new ArrayList<>();
        for (CostComponent line : lines) {
            CostComponent scaled = times == 1 ? line : scale(line, times);
            priced.add(repeated ? withDetail(scaled, "count unknown until plan (for_each/count): priced once") : scaled);
        }
        resources.add(new ResourceCost(item.address(), item.type(), item.path(), priced));
    }

    // ---- EC2 -------------------------------------------------------------------------------------

    private void instance(Item item) {
        JsonNode body = item.body();
        String type = StackJson.literal(item.get("instance_type"));
        JsonNode market = StackJson.block(body, "instance_market_options");
        instanceHours(type, 1, market, null);
        JsonNode root = StackJson.block(body, "root_block_device");
        volumeLine("root_volume", "Root volume", root, 1, true);
        List<JsonNode> extra = StackJson.blocks(body, "ebs_block_device");
        for (int i = 0; i < extra.size(); i++) {
            volumeLine("ebs_block_device_" + (i + 1), "EBS volume " + text(extra.get(i).path("device_name"), "?"),
                    extra.get(i), 1, false);
        }
        // With an Elastic IP the ephemeral address is released when the EIP associates: the EIP is priced.
        if (elasticIpOf(item) == null) {
            JsonNode associate = item.get("associate_public_ip_address");
            boolean fromSubnet = associate.isMissingNode() && mapsPublicIp(item.get("subnet_id"));
            if (StackJson.isTrue(associate) || fromSubnet) {
                fixed("public_ipv4", "Public IPv4 address", "hours", hours, "vpc.public_ipv4", false,
                        fromSubnet ? "the subnet maps a public IPv4 address on launch" : null);
            }
        }
        creditsLine(type, StackJson.block(body, "credit_specification"));
    }

    /** The Elastic IP in this stack attached to {@code instance}, or null. */
    private String elasticIpOf(Item instance) {
        for (Item eip : stack.all("aws_eip")) {
            Item target = stack.resolve(eip.get("instance"), "aws_instance");
            if (target != null && target.address().equals(instance.address())) {
                return eip.address();
            }
        }
        for (Item association : stack.all("aws_eip_association")) {
            Item target = stack.resolve(association.get("instance_id"), "aws_instance");
            if (target != null && target.address().equals(instance.address())) {
                return association.address();
            }
        }
        return null;
    }

    private boolean mapsPublicIp(JsonNode subnetRef) {
        Item subnet = stack.resolve(subnetRef, "aws_subnet");
        return subnet != null && StackJson.isTrue(subnet.get("map_public_ip_on_launch"));
    }

    /**
     * Instance hours for {@code count} instances of {@code type}: on-demand, or spot when
     * {@code market} says so (the book's typical spot price, its range in the detail).
     */
    private void instanceHours(String type, int count, JsonNode market, String capacity) {
        double quantity = (double) count * hours;
        boolean spot = "spot".equals(StackJson.literal(market.path("market_type")));
        String name = "Instance usage (Linux/UNIX, " + (spot ? "spot" : "on-demand") + ", "
                + (type == null ? "type unknown" : type) + ")";
        if (type == null) {
            notFound("instance_hours", name, "hours", quantity, "the instance type is not known until apply");
            return;
        }
        Price onDemand = lookup("ec2.instance." + type);
        if (onDemand == null) {
            notFound("instance_hours", name, "hours", quantity, missing("on-demand price for EC2 " + type));
            return;
        }
        if (!spot) {
            fixed("instance_hours", name, "hours", quantity, onDemand, true, capacity);
            return;
        }
        Price spotPrice = lookup("ec2.spot." + type);
        String maxText = StackJson.literal(market.path("spot_options").path("max_price"));
        Double max = maxText != null && maxText.matches("\\d+(\\.\\d+)?") ? Double.valueOf(maxText) : null;
        double price;
        String detail;
        String key;
        String confidence;
        if (spotPrice != null) {
            price = max != null ? Math.min(max, spotPrice.usd()) : spotPrice.usd();
            key = spotPrice.key();
            confidence = spotPrice.confidence();
            StringBuilder d = new StringBuilder("spot typical ");
            if (spotPrice.low() != null && spotPrice.high() != null) {
                d.append(usd(spotPrice.low())).append("-").append(usd(spotPrice.high())).append("/h");
            } else {
                d.append(usd(spotPrice.usd())).append("/h");
            }
            if (spotPrice.lowest() != null) {
                d.append(", lowest ").append(usd(spotPrice.lowest())).append("/h");
            }
            d.append(" (").append(spotPrice.confidence()).append(", ").append(spotPrice.date()).append("); on-demand ")
                    .append(usd(onDemand.usd())).append("/h");
            if (max != null) {
                d.append("; max price ").append(usd(max)).append("/h");
            }
            detail = d.toString();
        } else {
            price = max != null ? Math.min(max, onDemand.usd()) : onDemand.usd();
            key = onDemand.key();
            confidence = onDemand.confidence();
            detail = "no spot price for " + type + " in the price book: the ceiling (" + (max != null
                    ? "max price" : "on-demand") + " " + usd(price) + "/h) is shown";
        }
        if (capacity != null) {
            detail = capacity + "; " + detail;
        }
        lines.add(new CostComponent("instance_hours", name, "hours", quantity, price, quantity * onDemand.usd(),
                quantity * price, quantity * price, Status.PRICED, Pricing.SPOT, false, detail, key, confidence));
    }

    /** An EBS volume block ({@code volume_size}, {@code volume_type}) for {@code count} instances. */
    private void volumeLine(String key, String label, JsonNode block, int count, boolean root) {
        Integer size = StackJson.integer(block.path("volume_size"));
        String type = StackJson.literal(block.path("volume_type"));
        List<String> assumed = new ArrayList<>();
        if (size == null) {
            if (!root) {
                notFound(key, label, "GB-months", null, "the volume size is not known (from a snapshot)");
                return;
            }
            size = ASSUMED_ROOT_GB;
            assumed.add("size not set: " + ASSUMED_ROOT_GB + " GB assumed (the image's)");
        }
        if (type == null) {
            type = "gp3";
            assumed.add("type not set: gp3 assumed");
        }
        double quantity = (double) size * count;
        String name = label + " (" + type + ")";
        Price price = lookup("ebs." + type);
        if (price == null) {
            notFound(key, name, "GB-months", quantity, missing("price for EBS " + type + " volumes"));
            return;
        }
        fixed(key, name, "GB-months", quantity, price, false, assumed.isEmpty() ? null : String.join("; ", assumed));
    }

    private void volume(Item item) {
        Integer size = StackJson.integer(item.get("size"));
        String type = StackJson.literal(item.get("type"));
        String name = "Storage (" + (type == null ? "gp3" : type) + ")";
        if (size == null) {
            notFound("storage", name, "GB-months", null, "the volume size is not known (from a snapshot)");
            return;
        }
        Price price = lookup("ebs." + (type == null ? "gp3" : type));
        if (price == null) {
            notFound("storage", name, "GB-months", (double) size, missing("price for EBS " + type + " volumes"));
            return;
        }
        fixed("storage", name, "GB-months", size, price, false, type == null ? "type not set: gp3 assumed" : null);
    }

    /** Surplus CPU credits of burstable instances in unlimited mode (usage-based). */
    private void creditsLine(String type, JsonNode creditSpecification) {
        if (type == null || !type.contains(".")) {
            return;
        }
        String family = type.substring(0, type.indexOf('.'));
        String mode = StackJson.literal(creditSpecification.path("cpu_credits"));
        boolean unlimited = "unlimited".equals(mode) || mode == null && UNLIMITED_BY_DEFAULT.contains(family);
        if (!family.startsWith("t") || !unlimited) {
            return;
        }
        usageLine("cpu_credits", "CPU credits (unlimited mode" + (mode == null ? ", the default for " + family : "")
                        + ")", "vCPU-hours", "monthly_cpu_credit_hrs", 1, "ec2.cpu_credits." + family, false,
                "set credit_specification cpu_credits = \"standard\" to never pay surplus credits");
    }

    private void group(Item item) {
        JsonNode body = item.body();
        Item template = launchTemplate(body);
        Integer min = StackJson.integer(item.get("min_size"));
        Integer max = StackJson.integer(item.get("max_size"));
        Integer desired = StackJson.integer(item.get("desired_capacity"));
        OptionalDouble override = usage(item, "instances");
        int count = override.isPresent() ? (int) Math.round(override.getAsDouble())
                : desired != null ? desired : min != null ? min : 1;
        String capacity = (override.isPresent() ? count + " instances (usage file)"
                : desired != null ? "desired capacity " + count : "min size " + count)
                + " of " + (min == null ? "?" : min) + ".." + (max == null ? "?" : max);
        if (template == null) {
            notFound("instance_hours", "Instance usage (launch template not in this stack)", "hours",
                    (double) count * hours, "the group's launch template is not in this stack, so its type is unknown");
            return;
        }
        JsonNode lt = template.body();
        String type = StackJson.literal(lt.path("instance_type"));
        instanceHours(type, count, StackJson.block(lt, "instance_market_options"), capacity);
        List<JsonNode> devices = StackJson.blocks(lt, "block_device_mappings");
        if (devices.isEmpty()) {
            volumeLine("root_volume", "Root volume", com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                    count, true);
        }
        for (int i = 0; i < devices.size(); i++) {
            JsonNode ebs = StackJson.block(devices.get(i), "ebs");
            String device = text(devices.get(i).path("device_name"), "?");
            volumeLine(i == 0 ? "root_volume" : "ebs_volume_" + (i + 1), (i == 0 ? "Root volume " : "EBS volume ")
                    + device, ebs, count, i == 0);
        }
        boolean publicIp = StackJson.blocks(lt, "network_interfaces").stream()
                .anyMatch(n -> StackJson.isTrue(n.path("associate_public_ip_address")));
        if (!publicIp && StackJson.blocks(lt, "network_interfaces").isEmpty()) {
            JsonNode subnets = item.get("vpc_zone_identifier");
            publicIp = subnets.isArray() && subnets.size() > 0;
            for (JsonNode subnet : subnets) {
                publicIp &= mapsPublicIp(subnet);
            }
        }
        if (publicIp) {
            fixed("public_ipv4", "Public IPv4 address", "hours", (double) count * hours, "vpc.public_ipv4", false,
                    count + " instances");
        }
        creditsLine(type, StackJson.block(lt, "credit_specification"));
        // The range: what the group costs at its smallest and largest, as set.
        if (min != null && max != null && count > 0) {
            double perInstance = lines.stream().filter(l -> l.asSet() != null).mapToDouble(CostComponent::asSet).sum()
                    / count;
            CostComponent hoursLine = lines.get(0);
            lines.set(0, withDetail(hoursLine, String.format(Locale.ROOT, "%d..%d instances: %s..%s a month as set",
                    min, max, money(perInstance * min), money(perInstance * max))));
        }
    }

    private Item launchTemplate(JsonNode group) {
        JsonNode spec = StackJson.block(group, "launch_template");
        if (spec.isMissingNode()) {
            spec = StackJson.block(StackJson.block(StackJson.block(group, "mixed_instances_policy"), "launch_template"),
                    "launch_template_specification");
            Item byId = stack.resolve(spec.path("launch_template_id"), "aws_launch_template");
            return byId != null ? byId : stack.resolve(spec.path("launch_template_name"), "aws_launch_template");
        }
        Item byId = stack.resolve(spec.path("id"), "aws_launch_template");
        return byId != null ? byId : stack.resolve(spec.path("name"), "aws_launch_template");
    }

    // ---- VPC -------------------------------------------------------------------------------------

    private void elasticIp(Item item) {
        String detail = "in use or idle";
        Item instance = stack.resolve(item.get("instance"), "aws_instance");
        if (instance != null) {
            detail = "attached to " + instance.address();
        }
        Item networkInterface = stack.resolve(item.get("network_interface"), "aws_network_interface");
        if (networkInterface != null) {
            detail = "on " + networkInterface.address();
        }
        for (Item nat : stack.all("aws_nat_gateway")) {
            Item allocation = stack.resolve(nat.get("allocation_id"), "aws_eip");
            if (allocation != null && allocation.address().equals(item.address())) {
                detail = "the address of " + nat.address();
            }
        }
        fixed("public_ipv4", "Public IPv4 address (Elastic IP)", "hours", hours, "vpc.public_ipv4", false, detail);
    }

    private void natGateway(Item item) {
        fixed("nat_hours", "NAT gateway", "hours", hours, "vpc.nat_gateway.hours", false, null);
        usageLine("data_processed", "Data processed", "GB", "monthly_data_processed_gb", 1,
                "vpc.nat_gateway.data_processed", false, null);
        if ("private".equals(StackJson.literal(item.get("connectivity_type")))) {
            return;
        }
        Item eip = stack.resolve(item.get("allocation_id"), "aws_eip");
        if (eip == null) {
            fixed("public_ipv4", "Public IPv4 address", "hours", hours, "vpc.public_ipv4", false,
                    "its Elastic IP is not in this stack");
        }
        JsonNode secondary = item.get("secondary_allocation_ids");
        if (secondary.isArray() && secondary.size() > 0) {
            fixed("secondary_ipv4", "Secondary public IPv4 addresses", "hours", (double) secondary.size() * hours,
                    "vpc.public_ipv4", false, null);
        }
    }

    // ---- Load balancers --------------------------------------------------------------------------

    private void loadBalancer(Item item) {
        String kind = StackJson.literal(item.get("load_balancer_type"));
        kind = kind == null ? "application" : kind;
        String label = switch (kind) {
            case "application" -> "Application load balancer";
            case "network" -> "Network load balancer";
            default -> "Gateway load balancer";
        };
        Price hourly = lookup("elb." + kind + ".hours");
        if (hourly == null) {
            notFound("lb_hours", label, "hours", (double) hours,
                    missing("price for " + label.toLowerCase(Locale.ROOT) + "s"));
        } else {
            fixed("lb_hours", label, "hours", hours, hourly, false, null);
        }
        if (kind.equals("application")) {
            usageLine("lcu", "Load balancer capacity units", "LCU-hours", "average_lcus", hours,
                    "elb.application.lcu", false, "average_lcus x " + hours + " hours");
        }
        if (StackJson.isTrue(item.get("internal"))) {
            return;
        }
        int zones;
        String detail;
        JsonNode subnets = item.get("subnets");
        List<JsonNode> mappings = StackJson.blocks(item.body(), "subnet_mapping");
        if (subnets.isArray() && subnets.size() > 0) {
            zones = subnets.size();
            detail = "one per subnet (availability zone): " + zones;
        } else if (!mappings.isEmpty()) {
            zones = mappings.size();
            detail = "one per subnet mapping: " + zones;
        } else {
            zones = 2;
            detail = "subnet count unknown: 2 assumed (a load balancer spans at least two zones)";
        }
        fixed("public_ipv4", "Public IPv4 addresses", "hours", (double) zones * hours, "vpc.public_ipv4", false, detail);
    }

    // ---- Databases and caches --------------------------------------------------------------------

    private void database(Item item) {
        String engine = StackJson.literal(item.get("engine"));
        String instanceClass = StackJson.literal(item.get("instance_class"));
        boolean multiAz = StackJson.isTrue(item.get("multi_az"));
        String engineName = engine == null ? "engine unknown" : engine.equals("mysql") ? "MySQL" : engine;
        String az = multiAz ? "Multi-AZ" : "Single-AZ";
        Double factor = 1.0;
        String factorNote = null;
        String factorMissing = null;
        if (multiAz) {
            Price multi = lookup("rds.multi_az");
            factor = multi == null ? null : multi.factor();
            factorMissing = multi == null ? missing("RDS Multi-AZ factor") : null;
            factorNote = multi == null ? null : "Multi-AZ: " + trim(multi.factor()) + " x Single-AZ ("
                    + multi.confidence() + ")";
        }
        String name = "Database instance (" + engineName + ", " + (instanceClass == null ? "class unknown"
                : instanceClass) + ", " + az + ")";
        Price hourly = engine == null || instanceClass == null ? null : lookup("rds." + engine + "." + instanceClass);
        if (hourly == null || factor == null) {
            notFound("db_instance", name, "hours", (double) hours, factor == null ? factorMissing
                    : missing("RDS " + engineName + " price for " + instanceClass));
        } else {
            scaledFixed("db_instance", name, "hours", hours, hourly, factor, factorNote);
        }
        Integer storage = StackJson.integer(item.get("allocated_storage"));
        String storageType = StackJson.literal(item.get("storage_type"));
        storageType = storageType == null ? "gp2" : storageType;
        String storageName = "Storage (" + storageType + ", " + az + ")";
        Price storagePrice = lookup("rds.storage." + storageType);
        if (storage == null) {
            notFound("db_storage", storageName, "GB-months", null, "allocated_storage is not known");
        } else if (storagePrice == null || factor == null) {
            notFound("db_storage", storageName, "GB-months", (double) storage, factor == null ? factorMissing
                    : missing("RDS price for " + storageType + " storage"));
        } else {
            scaledFixed("db_storage", storageName, "GB-months", storage, storagePrice, factor, factorNote);
        }
        extendedSupport(engine, StackJson.literal(item.get("engine_version")), instanceClass);
        if (StackJson.isTrue(item.get("manage_master_user_password"))) {
            fixed("master_user_secret", "Master user secret (Secrets Manager, kept by RDS)", "secret-months", 1,
                    "secretsmanager.secret", false, "manage_master_user_password keeps the password in a secret");
        }
        if (StackJson.isTrue(item.get("publicly_accessible"))) {
            // A publicly accessible instance's endpoint resolves to a public IPv4 address (the primary's
            // only: a Multi-AZ standby takes one over at failover).
            fixed("public_ipv4", "Public IPv4 address (publicly accessible)", "hours", hours, "vpc.public_ipv4",
                    false, null);
        }
    }

    /** RDS Extended Support: a per-vCPU-hour charge on a major version past its standard support. */
    private void extendedSupport(String engine, String version, String instanceClass) {
        if (engine == null || version == null) {
            return;
        }
        String[] parts = version.split("\\.");
        String major = parts.length >= 2 ? parts[0] + "." + parts[1] : version;
        Price price = lookup("rds.extended_support." + engine + "." + major);
        if (price == null || price.starts() != null && asOf.isBefore(price.starts())) {
            return;
        }
        String name = "Extended support (" + (engine.equals("mysql") ? "MySQL" : engine) + " " + major + ")";
        Integer vcpus = book.rdsVcpus(instanceClass).orElse(null);
        if (vcpus == null) {
            notFound("extended_support", name, "vCPU-hours", null, "the vCPU count of " + instanceClass
                    + " is not in the price book");
            return;
        }
        fixed("extended_support", name, "vCPU-hours", (double) vcpus * hours, price, false,
                major + " left standard support; charged since " + price.starts() + ": " + vcpus + " vCPU x "
                        + hours + " h; upgrade the major version to stop it");
    }

    private void cache(Item item) {
        String engine = StackJson.literal(item.get("engine"));
        engine = engine == null ? "redis" : engine;
        String nodeType = StackJson.literal(item.get("node_type"));
        int nodes;
        if (item.type().equals("aws_elasticache_cluster")) {
            Integer n = StackJson.integer(item.get("num_cache_nodes"));
            nodes = n == null ? 1 : n;
        } else {
            Integer clusters = StackJson.integer(item.get("num_cache_clusters"));
            Integer groups = StackJson.integer(item.get("num_node_groups"));
            Integer replicas = StackJson.integer(item.get("replicas_per_node_group"));
            nodes = clusters != null ? clusters : groups != null ? groups * (1 + (replicas == null ? 0 : replicas)) : 1;
        }
        String name = "Cache nodes (" + engine + ", " + (nodeType == null ? "node type unknown" : nodeType) + ", "
                + nodes + (nodes == 1 ? " node)" : " nodes)");
        double quantity = (double) nodes * hours;
        Price price = nodeType == null ? null : lookup("elasticache." + engine + "." + nodeType);
        if (price == null) {
            notFound("cache_nodes", name, "hours", quantity, missing("ElastiCache " + engine + " price for " + nodeType));
            return;
        }
        fixed("cache_nodes", name, "hours", quantity, price, false, null);
    }

    // ---- Monitoring ------------------------------------------------------------------------------

    /**
     * A CloudWatch alarm: one alarm metric (or one per metric of a {@code metric_query}), standard
     * resolution unless its period is under a minute; the account's free alarm metrics are used first.
     */
    private void alarm(Item item) {
        List<JsonNode> queries = StackJson.blocks(item.body(), "metric_query");
        int metrics = queries.isEmpty() ? 1 : (int) queries.stream()
                .filter(q -> !StackJson.block(q, "metric").isMissingNode()).count();
        Integer period = StackJson.integer(item.get("period"));
        boolean highResolution = period != null && period < 60 || queries.stream().anyMatch(q -> {
            Integer p = StackJson.integer(StackJson.block(q, "metric").path("period"));
            return p != null && p < 60;
        });
        String name = "Alarm metrics (" + (highResolution ? "high" : "standard") + " resolution)";
        if (highResolution) {
            notFound("alarm_metrics", name, "alarm-months", (double) metrics,
                    missing("price for high-resolution alarms"));
            return;
        }
        Price price = lookup("cloudwatch.alarm.standard");
        if (price == null) {
            notFound("alarm_metrics", name, "alarm-months", (double) metrics, missing("price cloudwatch.alarm.standard"));
            return;
        }
        double freeUsed = Math.min(metrics, freeAlarms);
        freeAlarms -= freeUsed;
        double cost = (metrics - freeUsed) * price.usd();
        lines.add(new CostComponent("alarm_metrics", name, "alarm-months", (double) metrics, price.usd(), cost, cost,
                cost, Status.PRICED, Pricing.ON_DEMAND, false, freeUsed == 0 ? null : trim(freeUsed)
                        + " of them in the always-free 10 alarm metrics a month (per account)", price.key(),
                price.confidence()));
    }

    /** An AWS Budgets budget: the account's first ones are free, each further one is charged by the day. */
    private void budget() {
        Price price = lookup("budgets.budget");
        if (freeBudgets >= 1 || price == null && freeBudgets > 0) {
            freeBudgets -= 1;
            Price allowance = lookup("budgets.free_tier.budgets");
            lines.add(new CostComponent("budget", "Budget", "budgets", 1.0, 0.0, 0.0, 0.0, 0.0, Status.PRICED,
                    Pricing.ON_DEMAND, false, "one of the account's first " + trim(allowance.quantity())
                    + " active budgets, which are free", allowance.key(), allowance.confidence()));
            return;
        }
        fixed("budget", "Budget (past the free ones)", "days", hours / 24.0, "budgets.budget", false, null);
    }

    // ---- Storage and content delivery ------------------------------------------------------------

    private void bucket(Item item) {
        usageLine("storage", "Standard storage", "GB-months", "storage_gb", 1, "s3.standard.storage", false, null);
        usageLine("tier1_requests", "PUT, COPY, POST, LIST requests", "1k requests", "monthly_tier_1_requests", 0.001,
                "s3.standard.tier1_requests", false, null);
        usageLine("tier2_requests", "GET requests", "1k requests", "monthly_tier_2_requests", 0.001,
                "s3.standard.tier2_requests", false, null);
    }

    private void distribution(Item item) {
        OptionalDouble gb = usage(item, "monthly_data_transfer_to_internet_gb");
        String name = "Data transfer out to internet (Asia Pacific)";
        if (gb.isEmpty()) {
            usageLine("data_out", name, "GB", "monthly_data_transfer_to_internet_gb", 1,
                    "cloudfront.data_out.asia_pacific", false, "the first 1 TB a month is free");
        } else {
            double used = gb.getAsDouble();
            double freeUsed = Math.min(used, freeCloudFrontGb);
            freeCloudFrontGb -= freeUsed;
            tiered("data_out", name, "GB", used, used - freeUsed, "cloudfront.data_out.asia_pacific",
                    trim(freeUsed) + " GB of them in the always-free tier");
        }
        OptionalDouble requests = usage(item, "monthly_https_requests");
        String requestName = "HTTPS requests (Asia Pacific)";
        if (requests.isEmpty()) {
            usageLine("https_requests", requestName, "10k requests", "monthly_https_requests", 0.0001,
                    "cloudfront.https_requests.asia_pacific", false, "the first 10 million a month are free");
        } else {
            double used = requests.getAsDouble();
            double freeUsed = Math.min(used, freeCloudFrontRequests);
            freeCloudFrontRequests -= freeUsed;
            tiered("https_requests", requestName, "10k requests", used / 10_000, (used - freeUsed) / 10_000,
                    "cloudfront.https_requests.asia_pacific",
                    trim(used) + " requests, " + trim(freeUsed) + " of them in the always-free tier");
        }
    }

    private void dataTransfer() {
        current = new Item(DATA_TRANSFER, null, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        region = stack.defaultRegion() != null ? stack.defaultRegion() : book.region();
        lines = new ArrayList<>();
        OptionalDouble out = usage(current, "monthly_outbound_internet_gb");
        String outName = "Outbound to the internet (from EC2, NAT, load balancers)";
        if (out.isEmpty()) {
            usageLine("internet_out", outName, "GB", "monthly_outbound_internet_gb", 1, "data_transfer.internet_out",
                    false, "the first 100 GB a month are free");
        } else {
            double used = out.getAsDouble();
            double freeUsed = Math.min(used, freeInternetGb);
            freeInternetGb -= freeUsed;
            tiered("internet_out", outName, "GB", used, used - freeUsed, "data_transfer.internet_out",
                    trim(freeUsed) + " GB of them free");
        }
        usageLine("cross_az", "Between availability zones (billed on both sides)", "GB", "monthly_intra_region_gb", 2,
                "data_transfer.cross_az", false, "each GB crossing zones is billed out and in");
        resources.add(new ResourceCost(DATA_TRANSFER, DATA_TRANSFER, null, lines));
    }

    // ---- Lines -----------------------------------------------------------------------------------

    /** The book's price {@code key} when the resource is in the book's region, else null. */
    private Price lookup(String key) {
        if (!region.equals(book.region())) {
            return null;
        }
        return book.price(key).orElse(null);
    }

    /** Why a price is missing: the region, or the book lacking {@code what}. */
    private String missing(String what) {
        if (!region.equals(book.region())) {
            return "no prices for region " + region + " (the price book covers " + book.region() + ")";
        }
        if (book.prices().isEmpty()) {
            return "no price book for region " + region;
        }
        return "the " + book.region() + " price book has no " + what;
    }

    private void fixed(String key, String name, String unit, double quantity, String priceKey, boolean compute,
                       String detail) {
        Price price = lookup(priceKey);
        if (price == null) {
            notFound(key, name, unit, quantity, missing("price " + priceKey));
            return;
        }
        fixed(key, name, unit, quantity, price, compute, detail);
    }

    private void fixed(String key, String name, String unit, double quantity, Price price, boolean compute,
                       String detail) {
        double cost = quantity * price.usd();
        double committed = compute ? cost * (1 - discount) : cost;
        lines.add(new CostComponent(key, name, unit, quantity, price.usd(), cost, cost, committed, Status.PRICED,
                Pricing.ON_DEMAND, false, detail, price.key(), price.confidence()));
    }

    /** A line whose unit price is the book's times {@code factor} (Multi-AZ). */
    private void scaledFixed(String key, String name, String unit, double quantity, Price price, double factor,
                             String detail) {
        double unitPrice = price.usd() * factor;
        double cost = quantity * unitPrice;
        lines.add(new CostComponent(key, name, unit, quantity, unitPrice, cost, cost, cost, Status.PRICED,
                Pricing.ON_DEMAND, false, detail, price.key(), price.confidence()));
    }

    /**
     * A usage-based line of {@code quantity} units (as the usage file gives them, shown in the quantity
     * column) of which {@code billable} are charged (the rest fall in a free tier the detail names), priced
     * up to the tier the book covers; anything beyond it is a separate "price not found" line.
     */
    private void tiered(String key, String name, String unit, double quantity, double billable, String priceKey,
                        String detail) {
        Price price = lookup(priceKey);
        if (price == null) {
            notFound(key, name, unit, quantity, missing("price " + priceKey));
            return;
        }
        double covered = price.upTo() == null ? billable : Math.min(billable, price.upTo());
        double shown = quantity - (billable - covered);
        CostComponent line = new CostComponent(key, name, unit, shown, price.usd(), covered * price.usd(),
                covered * price.usd(), covered * price.usd(), Status.PRICED, Pricing.ON_DEMAND, true, detail,
                price.key(), price.confidence());
        lines.add(line);
        if (covered < billable) {
            notFound(key + "_beyond_tier", name + " beyond " + trim(price.upTo()) + " " + unit, unit,
                    billable - covered, "the price book has only the first tier's price");
        }
    }

    /**
     * A usage-based line: {@code usageKey} from the usage file times {@code perUnit} units; without
     * usage it depends on usage and is not counted.
     */
    private void usageLine(String key, String name, String unit, String usageKey, double perUnit, String priceKey,
                           boolean compute, String detail) {
        OptionalDouble given = usage(current, usageKey);
        Price price = lookup(priceKey);
        if (given.isEmpty()) {
            String how = "give " + usageKey + " for " + current.address()
                    + (current.name() == null ? "" : " or " + current.type()) + " in the usage file";
            String priceText = price == null ? missing("price " + priceKey)
                    : usd(price.usd()) + " per " + singular(unit);
            lines.add(new CostComponent(key, name, unit, null, price == null ? null : price.usd(), null, null, null,
                    Status.DEPENDS_ON_USAGE, Pricing.ON_DEMAND, true,
                    priceText + "; " + how + (detail == null ? "" : "; " + detail),
                    price == null ? null : price.key(), price == null ? null : price.confidence()));
            return;
        }
        double quantity = given.getAsDouble() * perUnit;
        if (price == null) {
            lines.add(new CostComponent(key, name, unit, quantity, null, null, null, null, Status.PRICE_NOT_FOUND,
                    Pricing.ON_DEMAND, true, missing("price " + priceKey), null, null));
            return;
        }
        double cost = quantity * price.usd();
        lines.add(new CostComponent(key, name, unit, quantity, price.usd(), cost, cost, compute ? cost * (1 - discount)
                : cost, Status.PRICED, Pricing.ON_DEMAND, true, detail, price.key(), price.confidence()));
    }

    private void notFound(String key, String name, String unit, Double quantity, String reason) {
        lines.add(new CostComponent(key, name, unit, quantity, null, null, null, null, Status.PRICE_NOT_FOUND,
                Pricing.ON_DEMAND, false, reason, null, null));
    }

    private OptionalDouble usage(Item item, String key) {
        OptionalDouble value = usage.value(item.address(), item.type(), key);
        if (value.isPresent()) {
            usedUsage.add(item.address() + "|" + key);
            usedUsage.add(item.type() + "|" + key);
        }
        return value;
    }

    private void checkUsage() {
        Set<String> addresses = new TreeSet<>();
        stack.items().forEach(i -> addresses.add(i.address()));
        addresses.add(DATA_TRANSFER);
        for (Map.Entry<String, Map<String, Double>> entry : usage.resources().entrySet()) {
            if (!addresses.contains(entry.getKey())) {
                warnings.add("usage for " + entry.getKey() + ": no such resource in this stack");
                continue;
            }
            for (String key : entry.getValue().keySet()) {
                if (!usedUsage.contains(entry.getKey() + "|" + key)) {
                    warnings.add("usage " + entry.getKey() + "." + key + " was not used by any cost line");
                }
            }
        }
    }

    // ---- Helpers ---------------------------------------------------------------------------------

    private static CostComponent scale(CostComponent c, int times) {
        return new CostComponent(c.key(), c.name(), c.unit(), c.monthlyQuantity() == null ? null
                : c.monthlyQuantity() * times, c.unitPrice(), mul(c.onDemand(), times), mul(c.asSet(), times),
                mul(c.committed(), times), c.status(), c.pricing(), c.usageBased(),
                append(c.detail(), "count " + times), c.priceKey(), c.confidence());
    }

    private static Double mul(Double value, int times) {
        return value == null ? null : value * times;
    }

    static CostComponent withDetail(CostComponent c, String more) {
        return new CostComponent(c.key(), c.name(), c.unit(), c.monthlyQuantity(), c.unitPrice(), c.onDemand(),
                c.asSet(), c.committed(), c.status(), c.pricing(), c.usageBased(), append(c.detail(), more),
                c.priceKey(), c.confidence());
    }

    private static String append(String detail, String more) {
        return detail == null ? more : detail + "; " + more;
    }

    private static String text(JsonNode node, String fallback) {
        String literal = StackJson.literal(node);
        return literal == null ? fallback : literal;
    }

    private static String singular(String unit) {
        return switch (unit) {
            case "hours" -> "hour";
            case "GB-months" -> "GB-month";
            case "vCPU-hours" -> "vCPU-hour";
            case "LCU-hours" -> "LCU-hour";
            case "key-months" -> "key-month";
            case "secret-months" -> "secret-month";
            case "alarm-months" -> "alarm-month";
            default -> unit;
        };
    }

    /** A unit price as the facts write it: {@code $0.0065}. */
    static String usd(double value) {
        return "$" + trim(value);
    }

    /** A monthly amount: {@code $4.75}. */
    static String money(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** A number without trailing zeros: 730, 0.0065, 1024. */
    static String trim(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
