package io.growstack.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.growstack.model.StackModel.Item;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/** Prices EC2: instances, Auto Scaling groups (through their launch template) and EBS volumes. */
final class Ec2Pricer {
    /** Size assumed for a root volume that does not state one (the AMI's, 8 GiB for Amazon Linux). */
    static final int ASSUMED_ROOT_GB = 8;
    /** Burstable families that launch in unlimited mode unless told otherwise. */
    private static final Set<String> UNLIMITED_BY_DEFAULT = Set.of("t3", "t3a", "t4g");

    private final StackModel stack;

    Ec2Pricer(PriceContext context) {
        this.stack = context.stack();
    }

    void instance(Item item, Lines lines) {
        JsonNode body = item.body();
        String type = Values.text(item.get("instance_type"));
        instanceHours(lines, type, 1, Values.block(body, "instance_market_options"), null);
        volumeLine(lines, "root_volume", "Root volume", Values.block(body, "root_block_device"), 1, true);
        List<JsonNode> extra = Values.blocks(body, "ebs_block_device");
        for (int i = 0; i < extra.size(); i++) {
            volumeLine(lines, "ebs_block_device_" + (i + 1), "EBS volume "
                    + Values.text(extra.get(i).path("device_name"), "?"), extra.get(i), 1, false);
        }
        // With an Elastic IP the ephemeral address is released when the EIP associates: the EIP is priced.
        if (elasticIpOf(item) == null) {
            JsonNode associate = item.get("associate_public_ip_address");
            boolean fromSubnet = associate.isMissingNode() && mapsPublicIp(item.get("subnet_id"));
            if (Values.isTrue(associate) || fromSubnet) {
                lines.fixed("public_ipv4", "Public IPv4 address", "hours", lines.hours(), "vpc.public_ipv4", false,
                        fromSubnet ? "the subnet maps a public IPv4 address on launch" : null);
            }
        }
        creditsLine(lines, type, Values.block(body, "credit_specification"));
    }

    void group(Item item, Lines lines) {
        Item template = launchTemplate(item.body());
        Integer min = Values.integer(item.get("min_size"));
        Integer max = Values.integer(item.get("max_size"));
        Integer desired = Values.integer(item.get("desired_capacity"));
        OptionalDouble override = lines.usage("instances");
        int count = override.isPresent() ? (int) Math.round(override.getAsDouble())
                : desired != null ? desired : min != null ? min : 1;
        String capacity = (override.isPresent() ? count + " instances (usage file)"
                : desired != null ? "desired capacity " + count : "min size " + count)
                + " of " + (min == null ? "?" : min) + ".." + (max == null ? "?" : max);
        if (template == null) {
            lines.notFound("instance_hours", "Instance usage (launch template not in this stack)", "hours",
                    (double) count * lines.hours(),
                    "the group's launch template is not in this stack, so its type is unknown");
            return;
        }
        JsonNode lt = template.body();
        String type = Values.text(lt.path("instance_type"));
        instanceHours(lines, type, count, Values.block(lt, "instance_market_options"), capacity);
        List<JsonNode> devices = Values.blocks(lt, "block_device_mappings");
        if (devices.isEmpty()) {
            volumeLine(lines, "root_volume", "Root volume", MissingNode.getInstance(), count, true);
        }
        for (int i = 0; i < devices.size(); i++) {
            JsonNode ebs = Values.block(devices.get(i), "ebs");
            String device = Values.text(devices.get(i).path("device_name"), "?");
            volumeLine(lines, i == 0 ? "root_volume" : "ebs_volume_" + (i + 1),
                    (i == 0 ? "Root volume " : "EBS volume ") + device, ebs, count, i == 0);
        }
        if (launchesWithPublicIp(item, lt)) {
            lines.fixed("public_ipv4", "Public IPv4 address", "hours", (double) count * lines.hours(),
                    "vpc.public_ipv4", false, count + " instances");
        }
        creditsLine(lines, type, Values.block(lt, "credit_specification"));
        if (min != null && max != null && count > 0) {
            capacityRange(lines, count, min, max);
        }
    }

    /** What the group costs at its smallest and largest, as set, on its hours line. */
    private static void capacityRange(Lines lines, int count, int min, int max) {
        double perInstance = lines.all().stream().filter(l -> l.asSet() != null).mapToDouble(CostComponent::asSet)
                .sum() / count;
        lines.updateFirst(hours -> hours.withDetail(String.format(Locale.ROOT, "%d..%d instances: %s..%s a month as set",
                min, max, Money.monthly(perInstance * min), Money.monthly(perInstance * max))));
    }

    private boolean launchesWithPublicIp(Item group, JsonNode template) {
        List<JsonNode> interfaces = Values.blocks(template, "network_interfaces");
        if (interfaces.stream().anyMatch(n -> Values.isTrue(n.path("associate_public_ip_address")))) {
            return true;
        }
        if (!interfaces.isEmpty()) {
            return false;
        }
        JsonNode subnets = group.get("vpc_zone_identifier");
        boolean publicIp = subnets.isArray() && subnets.size() > 0;
        for (JsonNode subnet : subnets) {
            publicIp &= mapsPublicIp(subnet);
        }
        return publicIp;
    }

    void volume(Item item, Lines lines) {
        Integer size = Values.integer(item.get("size"));
        String type = Values.text(item.get("type"));
        String name = "Storage (" + (type == null ? "gp3" : type) + ")";
        if (size == null) {
            lines.notFound("storage", name, "GB-months", null, "the volume size is not known (from a snapshot)");
            return;
        }
        Price price = lines.lookup("ebs." + (type == null ? "gp3" : type));
        if (price == null) {
            lines.notFound("storage", name, "GB-months", (double) size,
                    lines.missing("price for EBS " + type + " volumes"));
            return;
        }
        lines.fixed("storage", name, "GB-months", size, price, false, type == null ? "type not set: gp3 assumed" : null);
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
        return subnet != null && Values.isTrue(subnet.get("map_public_ip_on_launch"));
    }

    private Item launchTemplate(JsonNode group) {
        JsonNode spec = Values.block(group, "launch_template");
        if (spec.isMissingNode()) {
            spec = Values.block(Values.block(Values.block(group, "mixed_instances_policy"), "launch_template"),
                    "launch_template_specification");
            Item byId = stack.resolve(spec.path("launch_template_id"), "aws_launch_template");
            return byId != null ? byId : stack.resolve(spec.path("launch_template_name"), "aws_launch_template");
        }
        Item byId = stack.resolve(spec.path("id"), "aws_launch_template");
        return byId != null ? byId : stack.resolve(spec.path("name"), "aws_launch_template");
    }

    /**
     * Instance hours for {@code count} instances of {@code type}: on-demand, or spot when
     * {@code market} says so (the book's typical spot price, its range in the detail).
     */
    private static void instanceHours(Lines lines, String type, int count, JsonNode market, String capacity) {
        double quantity = (double) count * lines.hours();
        boolean spot = "spot".equals(Values.text(market.path("market_type")));
        String name = "Instance usage (Linux/UNIX, " + (spot ? "spot" : "on-demand") + ", "
                + (type == null ? "type unknown" : type) + ")";
        if (type == null) {
            lines.notFound("instance_hours", name, "hours", quantity, "the instance type is not known until apply");
            return;
        }
        Price onDemand = lines.lookup("ec2.instance." + type);
        if (onDemand == null) {
            lines.notFound("instance_hours", name, "hours", quantity,
                    lines.missing("on-demand price for EC2 " + type));
            return;
        }
        if (!spot) {
            lines.fixed("instance_hours", name, "hours", quantity, onDemand, true, capacity);
            return;
        }
        Price spotPrice = lines.lookup("ec2.spot." + type);
        String maxText = Values.text(market.path("spot_options").path("max_price"));
        Double max = maxText != null && maxText.matches("\\d+(\\.\\d+)?") ? Double.valueOf(maxText) : null;
        Price source = spotPrice != null ? spotPrice : onDemand;
        double ceiling = max != null ? Math.min(max, source.usd()) : source.usd();
        String detail = spotPrice != null ? spotDetail(spotPrice, onDemand, max)
                : "no spot price for " + type + " in the price book: the ceiling (" + (max != null
                        ? "max price" : "on-demand") + " " + Money.usd(ceiling) + "/h) is shown";
        lines.add(CostComponent.spot("instance_hours", name, "hours", quantity, ceiling, quantity * onDemand.usd(),
                source, capacity != null ? capacity + "; " + detail : detail));
    }

    private static String spotDetail(Price spot, Price onDemand, Double max) {
        StringBuilder d = new StringBuilder("spot typical ");
        if (spot.low() != null && spot.high() != null) {
            d.append(Money.usd(spot.low())).append("-").append(Money.usd(spot.high())).append("/h");
        } else {
            d.append(Money.usd(spot.usd())).append("/h");
        }
        if (spot.lowest() != null) {
            d.append(", lowest ").append(Money.usd(spot.lowest())).append("/h");
        }
        d.append(" (").append(spot.confidence()).append(", ").append(spot.date()).append("); on-demand ")
                .append(Money.usd(onDemand.usd())).append("/h");
        if (max != null) {
            d.append("; max price ").append(Money.usd(max)).append("/h");
        }
        return d.toString();
    }

    /** An EBS volume block ({@code volume_size}, {@code volume_type}) for {@code count} instances. */
    private static void volumeLine(Lines lines, String key, String label, JsonNode block, int count, boolean root) {
        Integer size = Values.integer(block.path("volume_size"));
        String type = Values.text(block.path("volume_type"));
        List<String> assumed = new ArrayList<>();
        if (size == null) {
            if (!root) {
                lines.notFound(key, label, "GB-months", null, "the volume size is not known (from a snapshot)");
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
        Price price = lines.lookup("ebs." + type);
        if (price == null) {
            lines.notFound(key, name, "GB-months", quantity, lines.missing("price for EBS " + type + " volumes"));
            return;
        }
        lines.fixed(key, name, "GB-months", quantity, price, false, assumed.isEmpty() ? null : String.join("; ", assumed));
    }

    /** Surplus CPU credits of burstable instances in unlimited mode (usage-based). */
    private static void creditsLine(Lines lines, String type, JsonNode creditSpecification) {
        if (type == null || !type.contains(".")) {
            return;
        }
        String family = type.substring(0, type.indexOf('.'));
        String mode = Values.text(creditSpecification.path("cpu_credits"));
        boolean unlimited = "unlimited".equals(mode) || mode == null && UNLIMITED_BY_DEFAULT.contains(family);
        if (!family.startsWith("t") || !unlimited) {
            return;
        }
        lines.usageLine("cpu_credits", "CPU credits (unlimited mode" + (mode == null ? ", the default for " + family
                        : "") + ")", "vCPU-hours", "monthly_cpu_credit_hrs", 1, "ec2.cpu_credits." + family, false,
                "set credit_specification cpu_credits = \"standard\" to never pay surplus credits");
    }
}
