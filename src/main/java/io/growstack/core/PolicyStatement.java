package io.growstack.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of an IAM policy document (identity, resource or trust policy), rendered in AWS's
 * usual key order. A single action, resource, principal or condition value is written as a string,
 * several as an array, the way AWS returns policies. Documents built from these are deterministic.
 *
 * @param sid           the statement id: letters and digits, unique in the policy
 * @param effect        {@code Allow} or {@code Deny}
 * @param principalType {@code Service}, {@code AWS}, {@code Federated}, {@code *} for everyone, or
 *                      {@code null} for an identity policy (no principal)
 * @param principals    service names or principal ARNs; empty for {@code *}
 * @param actions       the actions, for example {@code s3:GetObject}
 * @param resources     the bucket or object ARNs
 * @param conditions    operator → key → values, for example {@code StringEquals → AWS:SourceArn → [arn]}
 */
public record PolicyStatement(String sid, String effect, String principalType, List<String> principals,
                              List<String> actions, List<String> resources,
                              Map<String, Map<String, List<String>>> conditions) {
    public PolicyStatement {
        Objects.requireNonNull(effect, "effect must not be null");
        principals = principals == null ? List.of() : List.copyOf(principals);
        conditions = conditions == null ? Map.of() : conditions;
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        conditions.forEach((operator, keys) -> {
            Map<String, List<String>> values = new LinkedHashMap<>();
            keys.forEach((key, list) -> values.put(key, List.copyOf(list)));
            copy.put(operator, Collections.unmodifiableMap(values));
        });
        conditions = Collections.unmodifiableMap(copy);
    }

    /** Allows an AWS service principal such as {@code cloudfront.amazonaws.com}. */
    public static PolicyStatement allowService(String sid, String service, List<String> actions, List<String> resources) {
        Args.notNull(sid, "sid");
        Args.notNull(service, "service");
        Args.notNull(actions, "actions");
        Args.notNull(resources, "resources");
        return new PolicyStatement(sid, "Allow", "Service", List.of(service), actions, resources, Map.of());
    }

    /** Allows IAM principals (role or account ARNs). */
    public static PolicyStatement allowAws(String sid, List<String> principalArns, List<String> actions,
                                           List<String> resources) {
        Args.notNull(sid, "sid");
        Args.notNull(principalArns, "principalArns");
        Args.notNull(actions, "actions");
        Args.notNull(resources, "resources");
        return new PolicyStatement(sid, "Allow", "AWS", principalArns, actions, resources, Map.of());
    }

    /** Denies everyone; add a condition to say when. */
    public static PolicyStatement denyEveryone(String sid, List<String> actions, List<String> resources) {
        Args.notNull(sid, "sid");
        Args.notNull(actions, "actions");
        Args.notNull(resources, "resources");
        return new PolicyStatement(sid, "Deny", "*", List.of(), actions, resources, Map.of());
    }

    /** A copy with one more condition {@code operator: {key: values}}. */
    public PolicyStatement withCondition(String operator, String key, String... values) {
        Map<String, Map<String, List<String>>> more = new LinkedHashMap<>(conditions);
        Map<String, List<String>> keys = new LinkedHashMap<>(more.getOrDefault(operator, Map.of()));
        keys.put(key, List.of(values));
        more.put(operator, keys);
        return new PolicyStatement(sid, effect, principalType, principals, actions, resources, more);
    }

    /** Allows {@code actions} on {@code resources} for the identity the policy is attached to. */
    public static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
        Args.notNull(sid, "sid");
        Args.notNull(actions, "actions");
        Args.notNull(resources, "resources");
        return new PolicyStatement(sid, "Allow", null, List.of(), actions, resources, Map.of());
    }

    /** Lets an AWS service assume the role whose trust policy holds this statement. */
    public static PolicyStatement trustService(String sid, String service) {
        Args.notNull(sid, "sid");
        Args.notNull(service, "service");
        return new PolicyStatement(sid, "Allow", "Service", List.of(service), List.of("sts:AssumeRole"), List.of(),
                Map.of());
    }

    /** A policy document ({@code Version} 2012-10-17) of {@code statements}, as compact JSON text. */
    public static String document(List<PolicyStatement> statements) {
        Args.notNull(statements, "statements");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements.stream().map(PolicyStatement::toDocument).toList());
        return Json.document(document);
    }

    /** The statement as an IAM JSON map, keys in AWS's usual order. */
    public Map<String, Object> toDocument() {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", effect);
        if (principalType != null) {
            statement.put("Principal", "*".equals(principalType) ? "*" : Map.of(principalType, oneOrMany(principals)));
        }
        statement.put("Action", oneOrMany(actions));
        if (!resources.isEmpty()) {
            statement.put("Resource", oneOrMany(resources));
        }
        if (!conditions.isEmpty()) {
            Map<String, Object> condition = new LinkedHashMap<>();
            conditions.forEach((operator, keys) -> {
                Map<String, Object> values = new LinkedHashMap<>();
                keys.forEach((key, list) -> values.put(key, oneOrMany(list)));
                condition.put(operator, values);
            });
            statement.put("Condition", condition);
        }
        return statement;
    }

    private static Object oneOrMany(List<String> values) {
        return values.size() == 1 ? values.get(0) : values;
    }
}
