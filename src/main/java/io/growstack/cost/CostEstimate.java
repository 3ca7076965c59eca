package io.growstack.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.cost.CostComponent.Status;
import io.growstack.model.StackModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The monthly cost of one synthesized stack ({@code cdk.tf.json}), resource by resource and line
 * by line, in the spirit of Infracost but offline: prices come from a dated, sourced
 * {@link PriceBook}, usage-based lines from a {@link Usage} file. Every public IPv4 address is
 * priced (instances with one, Elastic IPs, each zone of an internet-facing load balancer, NAT
 * gateways), and a price the book lacks is "price not found", never 0.
 *
 * <p>Three totals: on-demand, as set (spot where the stack sets it), and a 1-year no-upfront
 * commitment what-if on the on-demand EC2 instance hours.
 *
 * <pre>{@code
 * CostEstimate estimate = CostEstimate.of(json, PriceBook.defaultBook(), Usage.none());
 * System.out.print(estimate.toTable());
 * double monthly = estimate.totals().asSet();
 * }</pre>
 */
public final class CostEstimate {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String stackName;
    private final String region;
    private final PriceBook book;
    private final double commitmentDiscount;
    private final LocalDate asOf;
    private final List<ResourceCost> resources;
    private final List<String> free;
    private final List<String> notPriced;
    private final List<String> warnings;
    private final Totals totals;

    private CostEstimate(String stackName, String region, PriceBook book, double commitmentDiscount, LocalDate asOf,
                         List<ResourceCost> resources, List<String> free, List<String> notPriced,
                         List<String> warnings) {
        this.stackName = stackName;
        this.region = region;
        this.book = book;
        this.commitmentDiscount = commitmentDiscount;
        this.asOf = asOf;
        this.resources = List.copyOf(resources);
        this.free = List.copyOf(free);
        this.notPriced = List.copyOf(notPriced);
        this.warnings = List.copyOf(warnings);
        double onDemand = 0;
        double asSet = 0;
        double committed = 0;
        int dependsOnUsage = 0;
        int priceNotFound = 0;
        for (ResourceCost resource : this.resources) {
            for (CostComponent c : resource.components()) {
                if (c.status() == Status.PRICED) {
                    onDemand += c.onDemand();
                    asSet += c.asSet();
                    committed += c.committed();
                } else if (c.status() == Status.DEPENDS_ON_USAGE) {
                    dependsOnUsage++;
                } else {
                    priceNotFound++;
                }
            }
        }
        this.totals = new Totals(onDemand, asSet, committed, dependsOnUsage, priceNotFound, this.notPriced.size());
    }

    /** Estimates {@code stack} (a parsed {@code cdk.tf.json}) with the book's defaults. */
    public static CostEstimate of(JsonNode stack, PriceBook book, Usage usage) {
        return of(stack, book, usage, CostOptions.defaults());
    }

    /** Estimates {@code stack} (a parsed {@code cdk.tf.json}) with {@code options} (commitment discount, date). */
    public static CostEstimate of(JsonNode stack, PriceBook book, Usage usage, CostOptions options) {
        return of(StackModel.of(stack), book, usage, options);
    }

    /** Estimates {@code stack} with {@code options} (commitment discount, date). */
    public static CostEstimate of(StackModel stack, PriceBook book, Usage usage, CostOptions options) {
        PriceContext context = new PriceContext(stack, book, usage, options);
        Estimator estimator = new Estimator(context);
        estimator.run();
        String region = stack.defaultRegion() != null ? stack.defaultRegion() : book.region();
        CostEstimate estimate = new CostEstimate(stack.stackName(), region, book, context.discount(),
                context.asOf(), estimator.resources(), estimator.free(), estimator.notPriced(), estimator.warnings());
        List<String> budgets = BudgetCheck.warnings(stack, estimate.totals().asSet(), "this stack");
        if (budgets.isEmpty()) {
            return estimate;
        }
        List<String> warnings = new java.util.ArrayList<>(estimator.warnings());
        warnings.addAll(budgets);
        return new CostEstimate(stack.stackName(), region, book, context.discount(), context.asOf(),
                estimator.resources(), estimator.free(), estimator.notPriced(), warnings);
    }

    /**
     * Estimates the stack file {@code file} with the book for its region (growstack's own when it has
     * one, otherwise an empty book: everything "price not found").
     */
    public static CostEstimate read(Path file, Usage usage, CostOptions options) {
        JsonNode stack;
        try {
            stack = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        StackModel model = StackModel.of(stack);
        return of(model, PriceBook.forStack(model), usage, options);
    }

    /** The stack name cdktf recorded. */
    public String stackName() {
        return stackName;
    }

    /** The stack's region (its default provider's). */
    public String region() {
        return region;
    }

    /** The price book used. */
    public PriceBook priceBook() {
        return book;
    }

    /** The commitment discount of the what-if column. */
    public double commitmentDiscount() {
        return commitmentDiscount;
    }

    /** The day charges were judged on. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The priced resources (and the stack's data transfer), by address. */
    public List<ResourceCost> resources() {
        return resources;
    }

    /** The cost lines of {@code address}, if it has any. */
    public Optional<ResourceCost> resource(String address) {
        return resources.stream().filter(r -> r.address().equals(address)).findFirst();
    }

    /** Addresses of resources AWS does not charge for. */
    public List<String> free() {
        return free;
    }

    /** Addresses of resources whose type the price book does not cover (not counted in the totals). */
    public List<String> notPriced() {
        return notPriced;
    }

    /** Problems with the input, such as usage for a resource the stack does not have. */
    public List<String> warnings() {
        return warnings;
    }

    /** The monthly totals. */
    public Totals totals() {
        return totals;
    }

    /** The Infracost-like tree table. */
    public String toTable() {
        return CostTable.render(this);
    }

    /** The JSON form, with the same fields as the table. */
    public String toJson() {
        return CostJson.render(this);
    }
}
