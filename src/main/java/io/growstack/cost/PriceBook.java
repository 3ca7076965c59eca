package io.growstack.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dated, sourced AWS list prices for one region, read from a YAML data file
 * ({@code io/growstack/cost/price-book-<region>.yaml} on the classpath, or a file of the
 * same shape). A figure the book lacks is absent here, and the estimate prints "price not found"
 * for it, never 0.
 *
 * <pre>{@code
 * PriceBook book = PriceBook.forRegion("ap-northeast-2");
 * book.price("ec2.instance.t3.nano").map(Price::usd);   // Optional[0.0065]
 * }</pre>
 */
public final class PriceBook {
    /** The region whose book ships with growstack. */
    public static final String DEFAULT_REGION = "ap-northeast-2";
    /** Hours in a month when a book does not say (Infracost's convention). */
    public static final int DEFAULT_HOURS_PER_MONTH = 730;

    private static final Set<String> CONFIDENCE = Set.of("H", "M", "L");
    private static final java.util.Map<String, PriceBook> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();

    private final String region;
    private final String currency;
    private final String date;
    private final LocalDate asOf;
    private final int hoursPerMonth;
    private final String source;
    private final Map<String, Price> prices;
    private final Map<String, Integer> rdsVcpusBySize;
    private final Set<String> freeTypes;

    private PriceBook(String region, String currency, String date, LocalDate asOf, int hoursPerMonth, String source,
                      Map<String, Price> prices, Map<String, Integer> rdsVcpusBySize, Set<String> freeTypes) {
        this.region = region;
        this.currency = currency;
        this.date = date;
        this.asOf = asOf;
        this.hoursPerMonth = hoursPerMonth;
        this.source = source;
        this.prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        this.rdsVcpusBySize = Collections.unmodifiableMap(new LinkedHashMap<>(rdsVcpusBySize));
        this.freeTypes = Collections.unmodifiableSet(new LinkedHashSet<>(freeTypes));
    }

    /**
     * The book growstack ships for {@code region}; for a region without one, an empty book whose every
     * price is "not found" (so an estimate for another region says so instead of printing zeros).
     */
    public static PriceBook forRegion(String region) {
        // Books are immutable: one parse per region and JVM (the synth summary, budgets and cost share it).
        return SHIPPED.computeIfAbsent(region, PriceBook::load);
    }

    /** The book growstack ships for {@code stack}'s default region, else for {@value #DEFAULT_REGION}. */
    public static PriceBook forStack(StackModel stack) {
        String region = stack.defaultRegion();
        return forRegion(region != null ? region : DEFAULT_REGION);
    }

    private static PriceBook load(String region) {
        String resource = "price-book-" + region + ".yaml";
        try (InputStream in = PriceBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                return empty(region);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price book " + resource, e);
        }
    }

    /** The book for {@value #DEFAULT_REGION}. */
    public static PriceBook defaultBook() {
        return forRegion(DEFAULT_REGION);
    }

    /** A book for {@code region} with no prices at all. */
    public static PriceBook empty(String region) {
        return new PriceBook(region, "USD", null, null, DEFAULT_HOURS_PER_MONTH, null, Map.of(), Map.of(), Set.of());
    }

    /** Reads a price book file. */
    public static PriceBook read(Path file) {
        return parse(YamlInput.read(file, "price book"), file.toString());
    }

    /** Parses price-book YAML; {@code origin} names it in error messages. */
    public static PriceBook parse(String yaml, String origin) {
        JsonNode root = YamlInput.parse(yaml, origin, "price book");
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(origin + ": expected a YAML mapping with region and prices");
        }
        String region = requiredText(root, "region", origin);
        String currency = root.path("currency").asText("USD");
        if (!currency.equals("USD")) {
            throw new IllegalArgumentException(origin + ": currency '" + currency + "': expected USD");
        }
        int hours = root.path("hours_per_month").asInt(DEFAULT_HOURS_PER_MONTH);
        LocalDate asOf = date(root.path("as_of"), origin, "as_of");
        Map<String, Price> prices = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.path("prices").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            prices.put(field.getKey(), price(field.getKey(), field.getValue(), origin));
        }
        Map<String, Integer> vcpus = new LinkedHashMap<>();
        root.path("rds_vcpus_by_size").fields().forEachRemaining(e -> vcpus.put(e.getKey(), e.getValue().asInt()));
        Set<String> free = new LinkedHashSet<>();
        root.path("free_types").forEach(t -> free.add(t.asText()));
        return new PriceBook(region, currency, root.path("date").asText(null), asOf, hours,
                root.path("source").asText(null), prices, vcpus, free);
    }

    private static Price price(String key, JsonNode node, String origin) {
        String where = origin + ": price " + key;
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping such as {usd: 0.0065, unit: hour, ...}");
        }
        Double usd = number(node, "usd", where);
        Double factor = number(node, "factor", where);
        Double quantity = number(node, "quantity", where);
        if (usd == null && factor == null && quantity == null) {
            throw new IllegalArgumentException(where + ": expected usd, factor or quantity");
        }
        String confidence = requiredText(node, "confidence", where);
        if (!CONFIDENCE.contains(confidence)) {
            throw new IllegalArgumentException(where + ": confidence '" + confidence + "': expected H, M or L");
        }
        return new Price(key, usd, requiredText(node, "unit", where), confidence, requiredText(node, "date", where),
                requiredText(node, "url", where), number(node, "low", where), number(node, "high", where),
                number(node, "lowest", where), factor, quantity, number(node, "up_to", where),
                date(node.path("starts"), where, "starts"), node.path("note").asText(null));
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": expected " + field);
        }
        return value.asText();
    }

    private static Double number(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() < 0) {
            throw new IllegalArgumentException(where + ": " + field + " '" + value.asText()
                    + "': expected a number of at least 0");
        }
        return value.asDouble();
    }

    private static LocalDate date(JsonNode value, String where, String field) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + field + " '" + value.asText()
                    + "': expected a date such as 2026-08-01", e);
        }
    }

    /** The region the prices are for. */
    public String region() {
        return region;
    }

    /** Always USD. */
    public String currency() {
        return currency;
    }

    /** When the figures were gathered, such as {@code 2026-11}; {@code null} for an empty book. */
    public String date() {
        return date;
    }

    /** The day prices are as of (charges starting later are not due yet); {@code null} for an empty book. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Hours in a billing month (730). */
    public int hoursPerMonth() {
        return hoursPerMonth;
    }

    /** Where the figures come from, or {@code null}. */
    public String source() {
        return source;
    }

    /** The figure under {@code key}, if the book has it. */
    public Optional<Price> price(String key) {
        return Optional.ofNullable(prices.get(key));
    }

    /** Every figure, in file order. */
    public List<Price> prices() {
        return new ArrayList<>(prices.values());
    }

    /** The vCPUs of an RDS instance class such as {@code db.t3.micro}, from its size; empty if unknown. */
    public Optional<Integer> rdsVcpus(String instanceClass) {
        if (instanceClass == null) {
            return Optional.empty();
        }
        int dot = instanceClass.lastIndexOf('.');
        return Optional.ofNullable(dot < 0 ? null : rdsVcpusBySize.get(instanceClass.substring(dot + 1)));
    }

    /** Whether AWS charges nothing for resources of this Terraform type. */
    public boolean isFree(String terraformType) {
        return freeTypes.contains(terraformType);
    }

    /** The default 1-year no-upfront commitment discount (0.35), or 0.35 when the book has none. */
    public double defaultCommitmentDiscount() {
        return price("ec2.commitment.1yr_no_upfront").map(Price::factor).orElse(0.35);
    }
}
