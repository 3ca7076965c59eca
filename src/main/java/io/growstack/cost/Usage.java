package io.growstack.cost;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How much a stack is used in a month, for the usage-based cost lines (GB through a NAT gateway,
 * load balancer capacity units, S3 storage and requests, CloudFront traffic, data transfer). The
 * YAML file has Infracost's shape: per-type defaults and per-address overrides.
 *
 * <pre>
 * version: 0.1
 * resource_type_default_usage:
 *   aws_nat_gateway:
 *     monthly_data_processed_gb: 10
 * resource_usage:
 *   aws_nat_gateway.network_nat-gateway-1:
 *     monthly_data_processed_gb: 100
 *   data_transfer:
 *     monthly_outbound_internet_gb: 50
 * </pre>
 *
 * <p>Keys by type: {@code aws_nat_gateway} {@code monthly_data_processed_gb}; {@code aws_lb}
 * {@code average_lcus} (load balancer capacity units per hour, averaged: CloudWatch ConsumedLCUs);
 * {@code aws_s3_bucket} {@code storage_gb}, {@code monthly_tier_1_requests} (PUT, COPY, POST, LIST),
 * {@code monthly_tier_2_requests} (GET); {@code aws_cloudfront_distribution}
 * {@code monthly_data_transfer_to_internet_gb}, {@code monthly_https_requests};
 * {@code aws_instance} and {@code aws_autoscaling_group} {@code monthly_cpu_credit_hrs} (surplus
 * credits in unlimited mode), and for groups {@code instances} (overrides desired capacity);
 * {@code data_transfer} (the stack's traffic) {@code monthly_outbound_internet_gb},
 * {@code monthly_intra_region_gb} (between zones). A line without usage shows "depends on usage".
 */
public final class Usage {
    private static final Usage NONE = new Usage(Map.of(), Map.of());

    private final Map<String, Map<String, Double>> byType;
    private final Map<String, Map<String, Double>> byAddress;

    private Usage(Map<String, Map<String, Double>> byType, Map<String, Map<String, Double>> byAddress) {
        this.byType = copy(byType);
        this.byAddress = copy(byAddress);
    }

    private static Map<String, Map<String, Double>> copy(Map<String, Map<String, Double>> source) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        source.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    /** No usage at all: every usage-based line depends on usage. */
    public static Usage none() {
        return NONE;
    }

    /** Reads a usage file. */
    public static Usage read(Path file) {
        return parse(YamlInput.read(file, "usage file"), file.toString());
    }

    /** Parses usage YAML; {@code origin} names it in error messages. */
    public static Usage parse(String yaml, String origin) {
        JsonNode root = YamlInput.parse(yaml, origin, "usage file");
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(origin + ": expected a mapping with resource_type_default_usage"
                    + " and/or resource_usage");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("version") && !name.equals("resource_type_default_usage")
                    && !name.equals("resource_usage")) {
                throw new IllegalArgumentException(origin + ": unknown key '" + name
                        + "': expected version, resource_type_default_usage or resource_usage");
            }
        }
        return new Usage(section(root.path("resource_type_default_usage"), origin),
                section(root.path("resource_usage"), origin));
    }

    private static Map<String, Map<String, Double>> section(JsonNode section, String origin) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        section.fields().forEachRemaining(entry -> {
            Map<String, Double> values = new LinkedHashMap<>();
            entry.getValue().fields().forEachRemaining(value -> {
                JsonNode v = value.getValue();
                if (!v.isNumber() || v.asDouble() < 0) {
                    throw new IllegalArgumentException(origin + ": " + entry.getKey() + "." + value.getKey() + " '"
                            + v.asText() + "': expected a number of at least 0");
                }
                values.put(value.getKey(), v.asDouble());
            });
            out.put(entry.getKey(), values);
        });
        return out;
    }

    /** A builder for usage given in code. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of {@code key} for the resource {@code address} of {@code type}: its own, else its
     * type's default, else empty.
     */
    public OptionalDouble value(String address, String type, String key) {
        Double own = byAddress.getOrDefault(address, Map.of()).get(key);
        if (own != null) {
            return OptionalDouble.of(own);
        }
        Double fallback = byType.getOrDefault(type, Map.of()).get(key);
        return fallback == null ? OptionalDouble.empty() : OptionalDouble.of(fallback);
    }

    /** Per-type defaults, by type then key. */
    public Map<String, Map<String, Double>> typeDefaults() {
        return byType;
    }

    /** Per-address values, by address then key. */
    public Map<String, Map<String, Double>> resources() {
        return byAddress;
    }

    /** Builds {@link Usage}. */
    public static final class Builder {
        private final Map<String, Map<String, Double>> byType = new LinkedHashMap<>();
        private final Map<String, Map<String, Double>> byAddress = new LinkedHashMap<>();

        private Builder() {
        }

        /** A default for every resource of {@code type}. */
        public Builder typeDefault(String type, String key, double value) {
            byType.computeIfAbsent(Objects.requireNonNull(type), t -> new LinkedHashMap<>()).put(key, check(key, value));
            return this;
        }

        /** A value for one resource. */
        public Builder resource(String address, String key, double value) {
            byAddress.computeIfAbsent(Objects.requireNonNull(address), a -> new LinkedHashMap<>())
                    .put(key, check(key, value));
            return this;
        }

        private static double check(String key, double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("usage " + key + " is " + value + ": expected a number of at least 0");
            }
            return value;
        }

        /** The usage. */
        public Usage build() {
            return new Usage(byType, byAddress);
        }
    }
}
