package io.growstack.cost;

import io.growstack.model.StackModel.Item;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prices one stack's resources by address, each with the pricer of its service, and sorts them into
 * priced, free and not priced; then the stack's data transfer and a check of the usage given.
 */
final class Estimator {
    static final String DATA_TRANSFER = "data_transfer";
    /** Types whose traffic leaves through the stack's data-transfer line. */
    private static final Set<String> TRAFFIC_SOURCES = Set.of("aws_instance", "aws_autoscaling_group",
            "aws_nat_gateway", "aws_lb", "aws_alb", "aws_db_instance");

    /** What a pricer made of a resource. */
    private enum Outcome { PRICED, FREE, NOT_PRICED }

    private final PriceContext context;
    private final Ec2Pricer ec2;
    private final NetworkPricer network;
    private final DatabasePricer databases;
    private final ContentPricer content;
    private final AccountPricer account;

    private final List<ResourceCost> resources = new ArrayList<>();
    private final List<String> free = new ArrayList<>();
    private final List<String> notPriced = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    Estimator(PriceContext context) {
        this.context = context;
        this.ec2 = new Ec2Pricer(context);
        this.network = new NetworkPricer(context);
        this.databases = new DatabasePricer(context);
        this.content = new ContentPricer(context);
        this.account = new AccountPricer(context);
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

    void run() {
        StackModel stack = context.stack();
        PriceBook book = context.book();
        if (stack.defaultRegion() == null) {
            warnings.add("the stack names no AWS provider region; priced as " + book.region());
        }
        boolean traffic = false;
        for (Item item : byAddress(stack)) {
            traffic |= TRAFFIC_SOURCES.contains(item.type());
            price(item);
        }
        Usage usage = context.usage();
        if (traffic || usage.resources().containsKey(DATA_TRANSFER) || usage.typeDefaults().containsKey(DATA_TRANSFER)) {
            String region = stack.defaultRegion() != null ? stack.defaultRegion() : book.region();
            Lines lines = new Lines(context, DATA_TRANSFER, DATA_TRANSFER, true, region);
            content.dataTransfer(lines);
            resources.add(new ResourceCost(DATA_TRANSFER, DATA_TRANSFER, null, lines.all()));
        }
        checkUsage(stack);
    }

    private static List<Item> byAddress(StackModel stack) {
        List<Item> out = new ArrayList<>(stack.resources());
        out.sort(Comparator.comparing(Item::address));
        return out;
    }

    private void price(Item item) {
        Integer count = Values.integer(item.get("count"));
        if (count != null && count < 0) {
            // Terraform refuses a negative count at plan: price the resource once, as for a count not known yet.
            count = null;
        }
        if (context.book().isFree(item.type()) || count != null && count == 0) {
            free.add(item.address());
            return;
        }
        String region = context.stack().region(item);
        Lines lines = new Lines(context, item.address(), item.type(), false,
                region != null ? region : context.book().region());
        switch (price(item, lines)) {
            case FREE -> free.add(item.address());
            case NOT_PRICED -> notPriced.add(item.address());
            case PRICED -> resources.add(new ResourceCost(item.address(), item.type(), item.path(),
                    repeated(item, count, lines.all())));
        }
    }

    private Outcome price(Item item, Lines lines) {
        switch (item.type()) {
            case "aws_instance" -> ec2.instance(item, lines);
            case "aws_autoscaling_group" -> ec2.group(item, lines);
            case "aws_ebs_volume" -> ec2.volume(item, lines);
            case "aws_eip" -> network.elasticIp(item, lines);
            case "aws_nat_gateway" -> network.natGateway(item, lines);
            case "aws_lb", "aws_alb" -> network.loadBalancer(item, lines);
            case "aws_db_instance" -> databases.database(item, lines);
            case "aws_elasticache_replication_group", "aws_elasticache_cluster" -> databases.cache(item, lines);
            case "aws_s3_bucket" -> content.bucket(item, lines);
            case "aws_cloudfront_distribution" -> content.distribution(item, lines);
            case "aws_kms_key" -> account.key(item, lines);
            case "aws_secretsmanager_secret" -> account.secret(item, lines);
            case "aws_cloudwatch_metric_alarm" -> account.alarm(item, lines);
            case "aws_budgets_budget" -> account.budget(item, lines);
            case "aws_sns_topic" -> account.topic(item, lines);
            case "aws_sns_topic_subscription" -> {
                return account.subscription(item, lines) ? Outcome.PRICED : Outcome.NOT_PRICED;
            }
            case "aws_vpc_endpoint" -> {
                String kind = Values.text(item.get("vpc_endpoint_type"));
                return kind == null || kind.equals("Gateway") ? Outcome.FREE : Outcome.NOT_PRICED;
            }
            default -> {
                return Outcome.NOT_PRICED;
            }
        }
        return Outcome.PRICED;
    }

    /** The lines of a resource made {@code count} times; a count or for_each unknown until plan prices one. */
    private static List<CostComponent> repeated(Item item, Integer count, List<CostComponent> lines) {
        int times = count != null ? count : 1;
        boolean unknown = item.body().has("for_each") || item.body().has("count") && count == null;
        List<CostComponent> out = new ArrayList<>();
        for (CostComponent line : lines) {
            CostComponent scaled = times == 1 ? line : line.times(times);
            out.add(unknown ? scaled.withDetail("count unknown until plan (for_each/count): priced once") : scaled);
        }
        return out;
    }

    private void checkUsage(StackModel stack) {
        Set<String> addresses = new TreeSet<>();
        stack.resources().forEach(i -> addresses.add(i.address()));
        addresses.add(DATA_TRANSFER);
        for (Map.Entry<String, Map<String, Double>> entry : context.usage().resources().entrySet()) {
            if (!addresses.contains(entry.getKey())) {
                warnings.add("usage for " + entry.getKey() + ": no such resource in this stack");
                continue;
            }
            for (String key : entry.getValue().keySet()) {
                if (!context.used(entry.getKey(), key)) {
                    warnings.add("usage " + entry.getKey() + "." + key + " was not used by any cost line");
                }
            }
        }
    }
}
