package io.growstack.review;

import io.growstack.core.Tokens;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link SecurityRules#IAM_PUBLIC_PRINCIPAL}, {@link SecurityRules#IAM_ADMIN}, {@link SecurityRules#IAM_GITHUB_OIDC},
 * {@link SecurityRules#IAM_SERVICE_WILDCARD} and {@link SecurityRules#IAM_STAR_RESOURCE}.
 */
final class IamChecks implements Check {
    static final String GITHUB_ISSUER = "token.actions.githubusercontent.com";
    private static final Pattern GITHUB_SUB = Pattern.compile(
            "token\\.actions\\.githubusercontent\\.com(/[A-Za-z0-9_-]+)?:sub", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERVICE_WILDCARD = Pattern.compile("[A-Za-z0-9-]+:\\*");

    /** Condition keys that restrict who or where the caller is. */
    private static final Set<String> RESTRICTING_KEYS = Set.of(
            "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
            "aws:principalservicename", "aws:sourcearn", "aws:sourceaccount", "aws:sourceowner",
            "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip",
            "aws:vpcsourceip", "aws:userid", "aws:username", "kms:calleraccount", "kms:viaservice");

    /** Common actions that support resource-level permissions (the heuristic of {@link SecurityRules#IAM_STAR_RESOURCE}). */
    static final List<String> SCOPABLE_ACTIONS = List.of(
            "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl", "s3:DeleteObject",
            "s3:DeleteObjectVersion", "s3:ListBucket",
            "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query",
            "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem",
            "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes",
            "sns:Publish",
            "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue",
            "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:PutParameter",
            "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
            "lambda:InvokeFunction", "iam:PassRole", "sts:AssumeRole",
            "logs:CreateLogStream", "logs:PutLogEvents",
            "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability",
            "codedeploy:CreateDeployment", "cloudfront:CreateInvalidation");

    @Override
    public void run(StackModel stack, Findings findings) {
        for (Policies.Policy policy : Policies.all(stack)) {
            for (Policies.Statement s : policy.statements()) {
                if (!s.allow()) {
                    continue;
                }
                if (policy.kind() != Policies.Kind.IDENTITY) {
                    publicPrincipal(policy, s, findings);
                }
                if (policy.kind() == Policies.Kind.TRUST) {
                    github(stack, policy, s, findings);
                }
                if (policy.kind() == Policies.Kind.IDENTITY) {
                    actions(policy, s, findings);
                }
            }
        }
        for (StackModel.Item attachment : stack.all("aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment",
                "aws_iam_group_policy_attachment", "aws_iam_policy_attachment")) {
            administratorAccess(attachment, Values.strings(attachment.get("policy_arn")), findings);
        }
        for (StackModel.Item role : stack.all("aws_iam_role")) {
            administratorAccess(role, Values.strings(role.get("managed_policy_arns")), findings);
        }
    }

    private static void publicPrincipal(Policies.Policy policy, Policies.Statement s, Findings findings) {
        if (!s.anyPrincipal() || restricted(s)) {
            return;
        }
        findings.add(SecurityRules.IAM_PUBLIC_PRINCIPAL, policy.owner(), policy.attribute() + ": " + s.label()
                + " allows " + String.join(", ", s.actions()) + " to Principal \"*\" without a restricting condition"
                + policy.origin());
    }

    private static boolean restricted(Policies.Statement s) {
        for (Policies.Condition c : s.conditions()) {
            String key = c.key().toLowerCase(Locale.ROOT);
            boolean weak = c.operator().endsWith("IfExists") || c.operator().equals("Null")
                    || c.values().isEmpty() || c.values().stream().allMatch(v -> v.equals("*"));
            if (RESTRICTING_KEYS.contains(key) && !weak) {
                return true;
            }
        }
        return false;
    }

    private static void github(StackModel stack, Policies.Policy policy, Policies.Statement s, Findings findings) {
        boolean github = s.principals().getOrDefault("Federated", List.of()).stream()
                .anyMatch(id -> isGithubProvider(stack, id));
        if (!github) {
            return;
        }
        List<Policies.Condition> subs = s.conditions().stream().filter(c -> GITHUB_SUB.matcher(c.key()).matches())
                .toList();
        String prefix = policy.attribute() + ": " + s.label() + " trusts GitHub Actions ";
        if (subs.isEmpty()) {
            findings.add(SecurityRules.IAM_GITHUB_OIDC, policy.owner(), prefix
                    + "with no " + GITHUB_ISSUER + ":sub condition, so any repository on GitHub can assume the role"
                    + policy.origin());
            return;
        }
        for (Policies.Condition sub : subs) {
            if (sub.operator().endsWith("IfExists")) {
                findings.add(SecurityRules.IAM_GITHUB_OIDC, policy.owner(), prefix + "with " + sub.operator()
                        + " on sub, which a token without the claim passes" + policy.origin());
                continue;
            }
            if (!sub.operator().contains("Like")) {
                continue;
            }
            for (String value : sub.values()) {
                String problem = wildcard(value);
                if (problem != null) {
                    findings.add(SecurityRules.IAM_GITHUB_OIDC, policy.owner(), prefix + "with sub \"" + value
                            + "\": " + problem + policy.origin());
                }
            }
        }
    }

    /** What a wildcard in a sub value lets in, or {@code null} when it names one repository and ref. */
    static String wildcard(String value) {
        if (Tokens.containsReference(value) && value.replaceAll("\\$\\{[^}]*}", "").isBlank()) {
            return null;
        }
        String literal = value.replaceAll("\\$\\{[^}]*}", "x");
        if (!literal.contains("*") && !literal.contains("?")) {
            return null;
        }
        if (!literal.startsWith("repo:")) {
            return "any repository";
        }
        String rest = literal.substring("repo:".length());
        int colon = rest.indexOf(':');
        String repository = colon < 0 ? rest : rest.substring(0, colon);
        if (repository.contains("*") || repository.contains("?")) {
            int slash = repository.indexOf('/');
            return slash <= 0 || repository.substring(0, slash).contains("*") || repository.substring(0, slash).contains("?")
                    ? "any repository" : "every repository of " + repository.substring(0, slash);
        }
        return "any ref, branch, environment or pull request of " + repository;
    }

    private static boolean isGithubProvider(StackModel stack, String id) {
        if (!Tokens.containsReference(id)) {
            return id.contains(GITHUB_ISSUER);
        }
        StackModel.Item provider = stack.resolve(id, "aws_iam_openid_connect_provider",
                "data.aws_iam_openid_connect_provider");
        if (provider == null) {
            return false;
        }
        String url = Values.text(provider.get("url"));
        return url != null && url.contains(GITHUB_ISSUER);
    }

    private static void actions(Policies.Policy policy, Policies.Statement s, Findings findings) {
        boolean starResource = s.resources().contains("*");
        boolean admin = s.actions().stream().anyMatch(a -> a.equals("*") || a.equals("*:*"));
        if (admin && starResource) {
            findings.add(SecurityRules.IAM_ADMIN, policy.owner(), policy.attribute() + ": " + s.label()
                    + " allows \"*\" on \"*\"" + policy.origin());
            return;
        }
        List<String> services = s.actions().stream().filter(a -> SERVICE_WILDCARD.matcher(a).matches()).toList();
        if (!services.isEmpty()) {
            findings.add(SecurityRules.IAM_SERVICE_WILDCARD, policy.owner(), policy.attribute() + ": " + s.label()
                    + " allows " + String.join(", ", services) + " on "
                    + (starResource ? "\"*\"" : String.join(", ", s.resources())) + policy.origin());
        }
        if (!starResource) {
            return;
        }
        List<String> scopable = new ArrayList<>();
        for (String action : s.actions()) {
            if (action.equals("*") || action.equals("*:*") || SERVICE_WILDCARD.matcher(action).matches()) {
                continue;
            }
            if (SCOPABLE_ACTIONS.stream().anyMatch(known -> Policies.matches(action, known))) {
                scopable.add(action);
            }
        }
        if (!scopable.isEmpty()) {
            findings.add(SecurityRules.IAM_STAR_RESOURCE, policy.owner(), policy.attribute() + ": " + s.label()
                    + " allows " + String.join(", ", scopable) + " on \"*\"" + policy.origin());
        }
    }

    private static void administratorAccess(StackModel.Item item, List<String> arns, Findings findings) {
        for (String arn : arns) {
            if (arn.endsWith(":iam::aws:policy/AdministratorAccess")) {
                findings.add(SecurityRules.IAM_ADMIN, item, "attaches the AWS managed policy AdministratorAccess");
            }
        }
    }
}
