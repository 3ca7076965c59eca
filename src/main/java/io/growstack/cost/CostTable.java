package io.growstack.cost;

import io.growstack.cost.CostComponent.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tree table: each resource, its lines below it ({@code ├─}, {@code └─}) with monthly quantity,
 * unit and three monthly costs, details indented under the line, then the totals and what they leave out.
 */
final class CostTable {
    private static final int MIN_NAME = 44;
    private static final int MAX_NAME = 72;
    private static final String QTY = "Monthly Qty";
    private static final String UNIT = "Unit";

    private CostTable() {
    }

    static String render(CostEstimate estimate) {
        PriceBook book = estimate.priceBook();
        StringBuilder out = new StringBuilder();
        out.append("Monthly cost of stack ").append(estimate.stackName()).append(" (").append(estimate.region())
                .append("), USD\n");
        out.append(header(estimate)).append('\n');
        String commit = "1-yr commit " + percent(estimate.commitmentDiscount());
        List<String[]> rows = new ArrayList<>();
        for (ResourceCost resource : estimate.resources()) {
            rows.add(new String[] {resource.address(), null, null, null, null, null, null});
            List<CostComponent> components = resource.components();
            for (int i = 0; i < components.size(); i++) {
                CostComponent c = components.get(i);
                boolean last = i == components.size() - 1;
                String[] row = {(last ? "└─ " : "├─ ") + c.name(), quantity(c), c.unit(), null, null, null, null};
                if (c.status() == Status.PRICED) {
                    row[3] = Money.monthly(c.onDemand());
                    row[4] = Money.monthly(c.asSet());
                    row[5] = Money.monthly(c.committed());
                } else {
                    row[6] = c.status().label();
                }
                rows.add(row);
                if (c.detail() != null) {
                    rows.add(new String[] {(last ? "     " : "│    ") + c.detail(), null, null, null, null, null, null});
                }
            }
        }
        int name = MIN_NAME;
        for (String[] row : rows) {
            if (row[1] != null || row[6] != null) {
                name = Math.max(name, Math.min(MAX_NAME, row[0].length()));
            }
        }
        int unit = UNIT.length();
        for (String[] row : rows) {
            if (row[2] != null) {
                unit = Math.max(unit, row[2].length());
            }
        }
        String format = " %-" + name + "s  %11s  %-" + unit + "s  %11s  %11s  %" + Math.max(11, commit.length()) + "s";
        out.append(String.format(Locale.ROOT, format, "Name", QTY, UNIT, "On-demand", "As set", commit).stripTrailing())
                .append("\n\n");
        for (String[] row : rows) {
            if (row[1] == null && row[6] == null) {
                out.append(' ').append(row[0]).append('\n');
            } else if (row[6] != null) {
                out.append(String.format(Locale.ROOT, " %-" + name + "s  %11s  %-" + unit + "s  %s", row[0], row[1],
                        row[2], row[6]).stripTrailing()).append('\n');
            } else {
                out.append(String.format(Locale.ROOT, format, row[0], row[1], row[2], row[3], row[4], row[5]))
                        .append('\n');
            }
        }
        Totals totals = estimate.totals();
        out.append('\n').append(String.format(Locale.ROOT, format, "OVERALL TOTAL", "", "",
                Money.monthly(totals.onDemand()), Money.monthly(totals.asSet()),
                Money.monthly(totals.committed()))).append('\n');
        footer(estimate, out, book);
        return out.toString();
    }

    private static String header(CostEstimate estimate) {
        PriceBook book = estimate.priceBook();
        String prices = book.date() == null
                ? "no price book for " + book.region() + ": every price is \"price not found\""
                : "price book " + book.region() + " gathered " + book.date() + ", charges as of " + estimate.asOf()
                        + ", " + book.hoursPerMonth() + " hours a month";
        return "Estimates, not a bill (" + prices + "). As set = spot where the stack sets it;"
                + " 1-yr commit = as set with " + percent(estimate.commitmentDiscount())
                + " off on-demand EC2 instance hours (1-year, no upfront).";
    }

    private static void footer(CostEstimate estimate, StringBuilder out, PriceBook book) {
        Totals totals = estimate.totals();
        List<String> notes = new ArrayList<>();
        if (totals.dependsOnUsage() > 0) {
            notes.add(totals.dependsOnUsage() + (totals.dependsOnUsage() == 1
                    ? " usage-based line depends on usage and is not counted"
                    : " usage-based lines depend on usage and are not counted")
                    + ": give usage in a usage file (--usage).");
        }
        if (totals.priceNotFound() > 0) {
            List<String> missing = new ArrayList<>();
            for (ResourceCost resource : estimate.resources()) {
                for (CostComponent c : resource.components()) {
                    if (c.status() == Status.PRICE_NOT_FOUND) {
                        missing.add(resource.address() + " " + c.name());
                    }
                }
            }
            notes.add("price not found for " + totals.priceNotFound() + " line" + plural(totals.priceNotFound())
                    + " (not counted): " + String.join(", ", missing) + ".");
        }
        if (!estimate.notPriced().isEmpty()) {
            notes.add("not priced (types the price book does not cover, not counted): "
                    + String.join(", ", estimate.notPriced()) + ".");
        }
        if (!estimate.free().isEmpty()) {
            Map<String, Integer> byType = new TreeMap<>();
            for (String address : estimate.free()) {
                byType.merge(address.substring(0, address.indexOf('.')), 1, Integer::sum);
            }
            List<String> parts = new ArrayList<>();
            byType.forEach((type, n) -> parts.add(n == 1 ? type : type + " x" + n));
            notes.add("free: " + estimate.free().size() + " resource" + plural(estimate.free().size()) + " ("
                    + String.join(", ", parts) + ").");
        }
        for (String warning : estimate.warnings()) {
            notes.add("warning: " + warning);
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append(' ').append(n).append('\n'));
        }
    }

    private static String quantity(CostComponent c) {
        if (c.monthlyQuantity() == null) {
            return "-";
        }
        double q = c.monthlyQuantity();
        if (q == Math.rint(q) && Math.abs(q) < 1e12) {
            return String.format(Locale.ROOT, "%,d", (long) q);
        }
        return String.format(Locale.ROOT, "%,.2f", q);
    }

    static String percent(double fraction) {
        return Money.trim(Math.round(fraction * 10000) / 100.0) + " %";
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
