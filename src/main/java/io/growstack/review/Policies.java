package io.growstack.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IAM policy documents read from the stack: JSON text in an argument (references inside strings are
 * fine), or a {@code data.aws_iam_policy_document} the argument refers to. Anything else
 * ({@code jsonencode(...)}, a variable, a file) is unknown.
 */
final class Policies {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a policy applies, which decides the rules that read it. */
    enum Kind { IDENTITY, TRUST, RESOURCE }

    /**
     * One policy document.
     *
     * @param owner      the resource whose argument holds or refers to it
     * @param attribute  the argument, such as {@code policy} or {@code assume_role_policy}
     * @param via        the data source it came from, or empty
     * @param kind       identity, trust or resource policy
     * @param statements its statements
     */
    record Policy(StackModel.Item owner, String attribute, String via, Kind kind, List<Statement> statements) {
        /** A suffix naming the data source, for messages. */
        String origin() {
            return via.isEmpty() ? "" : " (via " + via + ")";
        }
    }

    /**
     * One statement. Principal types map to identifiers; a bare {@code "*"} principal is type {@code *}.
     */
    record Statement(String sid, boolean allow, Map<String, List<String>> principals, boolean notPrincipal,
                     List<String> actions, List<String> notActions, List<String> resources,
                     List<Condition> conditions) {
        boolean anyPrincipal() {
            return principals.getOrDefault("*", List.of()).contains("*")
                    || principals.getOrDefault("AWS", List.of()).contains("*");
        }

        String label() {
            return sid == null || sid.isEmpty() ? "a statement" : "statement " + sid;
        }
    }

    /** One condition: operator (such as {@code StringEquals}), key and values. */
    record Condition(String operator, String key, List<String> values) {
        boolean keyIs(String name) {
            return key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        }
    }

    private Policies() {
    }

    /** Every readable policy document of the stack. */
    static List<Policy> all(StackModel stack) {
        List<Policy> out = new ArrayList<>();
        for (String type : List.of("aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy",
                "aws_iam_group_policy")) {
            for (StackModel.Item item : stack.all(type)) {
                read(stack, item, "policy", item.get("policy"), Kind.IDENTITY).ifPresent(out::add);
            }
        }
        for (StackModel.Item role : stack.all("aws_iam_role")) {
            read(stack, role, "assume_role_policy", role.get("assume_role_policy"), Kind.TRUST).ifPresent(out::add);
            for (JsonNode inline : Values.blocks(role.body(), "inline_policy")) {
                read(stack, role, "inline_policy", inline.path("policy"), Kind.IDENTITY).ifPresent(out::add);
            }
        }
        for (String type : List.of("aws_s3_bucket_policy", "aws_s3_bucket", "aws_sqs_queue_policy",
                "aws_sns_topic_policy", "aws_kms_key")) {
            for (StackModel.Item item : stack.all(type)) {
                read(stack, item, "policy", item.get("policy"), Kind.RESOURCE).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The document in {@code value}; empty when absent or unknown. */
    static Optional<Policy> read(StackModel stack, StackModel.Item owner, String attribute, JsonNode value,
                                 Kind kind) {
        if (Values.absent(value)) {
            return Optional.empty();
        }
        if (value.isObject()) {
            return Optional.of(new Policy(owner, attribute, "", kind, fromJson(value)));
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        StackModel.Ref ref = stack.reference(value.asText());
        if (ref != null) {
            if (ref.item().type().equals("data.aws_iam_policy_document")
                    && (ref.attribute().equals("json") || ref.attribute().equals("minified_json"))) {
                return fromData(ref.item()).map(s -> new Policy(owner, attribute, ref.item().address(), kind, s));
            }
            return Optional.empty();
        }
        try {
            JsonNode document = JSON.readTree(value.asText());
            if (document != null && document.isObject()) {
                return Optional.of(new Policy(owner, attribute, "", kind, fromJson(document)));
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<Statement> fromJson(JsonNode document) {
        List<Statement> out = new ArrayList<>();
        JsonNode statements = document.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements.isObject()) {
            list.add(statements);
        }
        for (JsonNode s : list) {
            String effect = Values.text(s.path("Effect"));
            if (effect == null) {
                continue;
            }
            Map<String, List<String>> principals = new LinkedHashMap<>();
            JsonNode principal = s.path("Principal");
            if (principal.isTextual()) {
                principals.put("*", List.of(principal.asText()));
            } else if (principal.isObject()) {
                principal.fields().forEachRemaining(e -> principals.put(e.getKey(), Values.strings(e.getValue())));
            }
            List<Condition> conditions = new ArrayList<>();
            s.path("Condition").fields().forEachRemaining(op -> op.getValue().fields().forEachRemaining(
                    key -> conditions.add(new Condition(op.getKey(), key.getKey(), Values.strings(key.getValue())))));
            out.add(new Statement(Values.text(s.path("Sid")), effect.equals("Allow"), principals,
                    !Values.absent(s.path("NotPrincipal")), Values.strings(s.path("Action")),
                    Values.strings(s.path("NotAction")), Values.strings(s.path("Resource")), conditions));
        }
        return out;
    }

    /** The statements of a {@code data.aws_iam_policy_document}; empty when it merges other documents. */
    private static Optional<List<Statement>> fromData(StackModel.Item data) {
        JsonNode body = data.body();
        if (!Values.absent(body.path("source_policy_documents")) || !Values.absent(body.path("override_policy_documents"))
                || Values.blocksUnknown(body, "statement")) {
            return Optional.empty();
        }
        List<Statement> out = new ArrayList<>();
        for (JsonNode s : Values.blocks(body, "statement")) {
            JsonNode effectNode = s.path("effect");
            if (Values.unknown(effectNode)) {
                continue;
            }
            String effect = Values.absent(effectNode) ? "Allow" : effectNode.asText();
            Map<String, List<String>> principals = new LinkedHashMap<>();
            for (JsonNode p : Values.blocks(s, "principals")) {
                String type = Values.text(p.path("type"));
                if (type != null) {
                    principals.computeIfAbsent(type, t -> new ArrayList<>()).addAll(Values.strings(p.path("identifiers")));
                }
            }
            List<Condition> conditions = new ArrayList<>();
            for (JsonNode c : Values.blocks(s, "condition")) {
                String test = Values.text(c.path("test"));
                String variable = Values.text(c.path("variable"));
                if (test != null && variable != null) {
                    conditions.add(new Condition(test, variable, Values.strings(c.path("values"))));
                }
            }
            out.add(new Statement(Values.text(s.path("sid")), effect.equals("Allow"), principals,
                    !Values.blocks(s, "not_principals").isEmpty(), Values.strings(s.path("actions")),
                    Values.strings(s.path("not_actions")), Values.strings(s.path("resources")), conditions));
        }
        return Optional.of(out);
    }

    /** Whether the IAM pattern {@code pattern} (with {@code *} and {@code ?}) matches {@code action}, ignoring case. */
    static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }
}
