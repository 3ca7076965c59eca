package io.growstack.cost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.growstack.cost.CostComponent.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The monthly cost change from one stack to another, line by line (matched by resource address
 * and line key), for example a NAT gateway network against a NAT instance network.
 *
 * <pre>{@code
 * CostComparison change = CostComparison.of(natInstance, natGateway);
 * System.out.print(change.toTable());
 * }</pre>
 */
public final class CostComparison {
    private final CostEstimate before;
    private final CostEstimate after;
    private final List<Line> lines;

    /**
     * One line of either stack.
     *
     * @param address the resource address
     * @param key     the line key within the resource
     * @param name    the line's name (the new stack's when both have it)
     * @param before  the line in the first stack, or {@code null}
     * @param after   the line in the second stack, or {@code null}
     */
    public record Line(String address, String key, String name, CostComponent before, CostComponent after) {
        /** The change of the as-set monthly cost; {@code null} when either side has no figure. */
        public Double delta() {
            Double from = cost(before);
            Double to = cost(after);
            return from == null || to == null ? null : to - from;
        }

        private static Double cost(CostComponent c) {
            if (c == null) {
                return 0.0;
            }
            return c.status() == Status.PRICED ? c.asSet() : null;
        }
    }

    private CostComparison(CostEstimate before, CostEstimate after) {
        this.before = before;
        this.after = after;
        TreeSet<String> addresses = new TreeSet<>();
        before.resources().forEach(r -> addresses.add(r.address()));
        after.resources().forEach(r -> addresses.add(r.address()));
        List<Line> out = new ArrayList<>();
        for (String address : addresses) {
            Map<String, CostComponent> from = components(before, address);
            Map<String, CostComponent> to = components(after, address);
            List<String> keys = new ArrayList<>(from.keySet());
            to.keySet().stream().filter(k -> !from.containsKey(k)).forEach(keys::add);
            for (String key : keys) {
                CostComponent a = from.get(key);
                CostComponent b = to.get(key);
                out.add(new Line(address, key, b != null ? b.name() : a.name(), a, b));
            }
        }
        this.lines = List.copyOf(out);
    }

    private static Map<String, CostComponent> components(CostEstimate estimate, String address) {
        Map<String, CostComponent> out = new LinkedHashMap<>();
        estimate.resource(address).ifPresent(r -> r.components().forEach(c -> out.put(c.key(), c)));
        return out;
    }

    /** The change from {@code before} to {@code after}. */
    public static CostComparison of(CostEstimate before, CostEstimate after) {
        return new CostComparison(before, after);
    }

    /** The first stack's estimate. */
    public CostEstimate before() {
        return before;
    }

    /** The second stack's estimate. */
    public CostEstimate after() {
        return after;
    }

    /** Every line of either stack, by address. */
    public List<Line> lines() {
        return lines;
    }

    /** The change of the on-demand total. */
    public double deltaOnDemand() {
        return after.totals().onDemand() - before.totals().onDemand();
    }

    /** The change of the as-set total. */
    public double deltaAsSet() {
        return after.totals().asSet() - before.totals().asSet();
    }

    /** The change of the commitment what-if total. */
    public double deltaCommitted() {
        return after.totals().committed() - before.totals().committed();
    }

    /** The delta table: each line's as-set monthly cost before, after, and the change; then the three totals. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append("Monthly cost change from stack ").append(before.stackName()).append(" to stack ")
                .append(after.stackName()).append(", USD, as set (estimates, not a bill)\n\n");
        List<String[]> rows = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!line.address().equals(previous)) {
                rows.add(new String[] {line.address(), null, null, null});
                previous = line.address();
            }
            boolean last = i == lines.size() - 1 || !lines.get(i + 1).address().equals(line.address());
            Double delta = line.delta();
            rows.add(new String[] {(last ? "└─ " : "├─ ") + line.name(), cell(line.before()), cell(line.after()),
                    delta == null ? "n/a" : signed(delta)});
        }
        int name = 44;
        for (String[] row : rows) {
            if (row[1] != null) {
                name = Math.max(name, Math.min(72, row[0].length()));
            }
        }
        String format = " %-" + name + "s  %16s  %16s  %12s";
        out.append(String.format(Locale.ROOT, format, "Name", "Before", "After", "Change")).append("\n\n");
        for (String[] row : rows) {
            out.append(row[1] == null ? " " + row[0] : String.format(Locale.ROOT, format, (Object[]) row)).append('\n');
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, format, "TOTAL on-demand", Money.monthly(before.totals().onDemand()),
                Money.monthly(after.totals().onDemand()), signed(deltaOnDemand()))).append('\n');
        out.append(String.format(Locale.ROOT, format, "TOTAL as set", Money.monthly(before.totals().asSet()),
                Money.monthly(after.totals().asSet()), signed(deltaAsSet()))).append('\n');
        out.append(String.format(Locale.ROOT, format, "TOTAL 1-yr commit", Money.monthly(before.totals().committed()),
                Money.monthly(after.totals().committed()), signed(deltaCommitted()))).append('\n');
        if (before.totals().asSet() > 0) {
            out.append(String.format(Locale.ROOT, "%n %s costs %.2f x %s as set.%n", after.stackName(),
                    after.totals().asSet() / before.totals().asSet(), before.stackName()));
        }
        if (!before.totals().complete() || !after.totals().complete()) {
            out.append(" Lines that depend on usage or have no price are not in the totals; see each estimate.\n");
        }
        return out.toString();
    }

    /** The JSON form: both estimates' totals and every line's before, after and change. */
    public String toJson() {
        ObjectNode root = CostJson.MAPPER.createObjectNode();
        root.put("tool", "growstack cost --compare");
        root.put("before", before.stackName());
        root.put("after", after.stackName());
        root.put("currency", "USD");
        ArrayNode out = root.putArray("lines");
        for (Line line : lines) {
            ObjectNode node = out.addObject();
            node.put("address", line.address());
            node.put("key", line.key());
            node.put("name", line.name());
            node.set("before", line.before() == null ? null : CostJson.component(line.before()));
            node.set("after", line.after() == null ? null : CostJson.component(line.after()));
            CostJson.number(node, "monthlyCostChange", line.delta());
        }
        ObjectNode totals = root.putObject("totalMonthlyCostChange");
        CostJson.number(totals, "onDemand", deltaOnDemand());
        CostJson.number(totals, "asSet", deltaAsSet());
        CostJson.number(totals, "committed", deltaCommitted());
        ObjectNode beforeTotals = root.putObject("beforeTotalMonthlyCost");
        CostJson.number(beforeTotals, "onDemand", before.totals().onDemand());
        CostJson.number(beforeTotals, "asSet", before.totals().asSet());
        CostJson.number(beforeTotals, "committed", before.totals().committed());
        ObjectNode afterTotals = root.putObject("afterTotalMonthlyCost");
        CostJson.number(afterTotals, "onDemand", after.totals().onDemand());
        CostJson.number(afterTotals, "asSet", after.totals().asSet());
        CostJson.number(afterTotals, "committed", after.totals().committed());
        return CostJson.write(root);
    }

    private static String cell(CostComponent c) {
        if (c == null) {
            return "-";
        }
        return c.status() == Status.PRICED ? Money.monthly(c.asSet()) : c.status().label();
    }

    private static String signed(double value) {
        String money = Money.monthly(Math.abs(value));
        return Math.abs(value) < 0.005 ? money : (value > 0 ? "+" : "-") + money;
    }
}
