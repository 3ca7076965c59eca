package io.growstack.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The JSON form of an estimate and of a comparison: the table's fields, amounts rounded to 6 decimals. */
final class CostJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private CostJson() {
    }

    static String render(CostEstimate estimate) {
        return write(node(estimate));
    }

    static ObjectNode node(CostEstimate estimate) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "growstack cost");
        root.put("stack", estimate.stackName());
        root.put("region", estimate.region());
        root.put("currency", "USD");
        root.put("estimate", true);
        PriceBook book = estimate.priceBook();
        ObjectNode prices = root.putObject("priceBook");
        prices.put("region", book.region());
        prices.put("date", book.date());
        prices.put("source", book.source());
        root.put("asOf", estimate.asOf().toString());
        root.put("hoursPerMonth", book.hoursPerMonth());
        number(root, "commitmentDiscount", estimate.commitmentDiscount());
        ArrayNode resources = root.putArray("resources");
        for (ResourceCost resource : estimate.resources()) {
            ObjectNode r = resources.addObject();
            r.put("address", resource.address());
            r.put("type", resource.type());
            r.put("path", resource.path());
            ArrayNode components = r.putArray("costComponents");
            for (CostComponent c : resource.components()) {
                components.add(component(c));
            }
            ObjectNode subtotal = r.putObject("monthlyCost");
            number(subtotal, "onDemand", resource.onDemand());
            number(subtotal, "asSet", resource.asSet());
            number(subtotal, "committed", resource.committed());
        }
        Totals totals = estimate.totals();
        ObjectNode t = root.putObject("totalMonthlyCost");
        number(t, "onDemand", totals.onDemand());
        number(t, "asSet", totals.asSet());
        number(t, "committed", totals.committed());
        root.put("complete", totals.complete());
        root.put("dependsOnUsage", totals.dependsOnUsage());
        root.put("priceNotFound", totals.priceNotFound());
        ArrayNode notPriced = root.putArray("notPriced");
        estimate.notPriced().forEach(notPriced::add);
        ArrayNode free = root.putArray("free");
        estimate.free().forEach(free::add);
        ArrayNode warnings = root.putArray("warnings");
        estimate.warnings().forEach(warnings::add);
        return root;
    }

    static ObjectNode component(CostComponent c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", c.key());
        node.put("name", c.name());
        node.put("unit", c.unit());
        number(node, "monthlyQuantity", c.monthlyQuantity());
        number(node, "price", c.unitPrice());
        number(node, "onDemandMonthlyCost", c.onDemand());
        number(node, "monthlyCost", c.asSet());
        number(node, "committedMonthlyCost", c.committed());
        node.put("pricing", c.pricing().label());
        node.put("usageBased", c.usageBased());
        node.put("status", c.status().label());
        node.put("detail", c.detail());
        node.put("priceKey", c.priceKey());
        node.put("confidence", c.confidence());
        return node;
    }

    static void number(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros());
        }
    }

    static String write(ObjectNode root) {
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
