package io.growstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fails a synth whose stacks would create the same account-unique name twice.
 *
 * <p>{@code terraform validate} and a plan see one stack at a time, so two stacks of one app that
 * both create, say, the IAM role {@code shop-dev-api} or the GitHub OIDC provider plan cleanly and
 * the second apply fails with {@code EntityAlreadyExists}. This check reads every synthesized stack
 * of the app (the JSON, so resources a user adds by hand count too) and names both construct paths
 * and the fix. IAM names and the OIDC provider URL are unique per account; the other names per
 * account and region, so two stacks in different regions may repeat them. S3 bucket names are
 * global. Names that are Terraform expressions ({@code ${...}}) cannot be known here and are skipped,
 * as are {@code name_prefix} arguments, which AWS completes with a unique suffix.
 */
public final class AccountUniqueNames {
    /** Where a kind of name must be unique. */
    enum Scope { ACCOUNT, REGION, GLOBAL }

    /** One account-unique argument of a resource type. */
    record Kind(String type, String argument, String what, Scope scope) {
    }

    // IAM: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html (names unique in the account)
    // OIDC: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html (one provider per URL)
    // The rest are unique per account and region in each service's API reference (CreateLoadBalancer,
    // CreateTargetGroup, CreateDBInstance, CreateDBSnapshot, CreateDBParameterGroup, CreateDBSubnetGroup,
    // CreateReplicationGroup, CreateUser, CreateUserGroup, CreateApplication, CreateTopic, CreateLogGroup,
    // PutMetricAlarm, CreateOriginAccessControl, CreateLaunchTemplate, CreateAutoScalingGroup, CreateAlias,
    // PutParameter, CreateSecret); budgets per account (CreateBudget); S3 bucket names are global.
    static final List<Kind> KINDS = List.of(
            new Kind("aws_iam_role", "name", "IAM role name", Scope.ACCOUNT),
            new Kind("aws_iam_instance_profile", "name", "IAM instance profile name", Scope.ACCOUNT),
            new Kind("aws_iam_policy", "name", "IAM policy name", Scope.ACCOUNT),
            new Kind("aws_iam_openid_connect_provider", "url", "IAM OIDC provider URL", Scope.ACCOUNT),
            new Kind("aws_budgets_budget", "name", "budget name", Scope.ACCOUNT),
            new Kind("aws_cloudfront_origin_access_control", "name", "CloudFront origin access control name",
                    Scope.ACCOUNT),
            new Kind("aws_lb", "name", "load balancer name", Scope.REGION),
            new Kind("aws_lb_target_group", "name", "target group name", Scope.REGION),
            new Kind("aws_db_instance", "identifier", "RDS instance identifier", Scope.REGION),
            new Kind("aws_db_instance", "final_snapshot_identifier", "RDS snapshot identifier", Scope.REGION),
            new Kind("aws_db_parameter_group", "name", "RDS parameter group name", Scope.REGION),
            new Kind("aws_db_subnet_group", "name", "RDS subnet group name", Scope.REGION),
            new Kind("aws_elasticache_replication_group", "replication_group_id", "ElastiCache replication group id",
                    Scope.REGION),
            new Kind("aws_elasticache_subnet_group", "name", "ElastiCache subnet group name", Scope.REGION),
            new Kind("aws_elasticache_parameter_group", "name", "ElastiCache parameter group name", Scope.REGION),
            new Kind("aws_elasticache_user", "user_id", "ElastiCache user id", Scope.REGION),
            new Kind("aws_elasticache_user_group", "user_group_id", "ElastiCache user group id", Scope.REGION),
            new Kind("aws_codedeploy_app", "name", "CodeDeploy application name", Scope.REGION),
            new Kind("aws_sns_topic", "name", "SNS topic name", Scope.REGION),
            new Kind("aws_cloudwatch_log_group", "name", "log group name", Scope.REGION),
            new Kind("aws_cloudwatch_metric_alarm", "alarm_name", "CloudWatch alarm name", Scope.REGION),
            new Kind("aws_launch_template", "name", "launch template name", Scope.REGION),
            new Kind("aws_autoscaling_group", "name", "Auto Scaling group name", Scope.REGION),
            new Kind("aws_kms_alias", "name", "KMS alias", Scope.REGION),
            new Kind("aws_ssm_parameter", "name", "SSM parameter name", Scope.REGION),
            new Kind("aws_secretsmanager_secret", "name", "Secrets Manager secret name", Scope.REGION),
            new Kind("aws_s3_bucket", "bucket", "S3 bucket name", Scope.GLOBAL));

    private AccountUniqueNames() {
    }

    /** One account-unique name and the construct that creates it. */
    record Claim(Kind kind, String key, String name, String path, String stack) {
    }

    /** Checks synthesized stacks keyed by stack name; throws {@link ValidationException} on a duplicate. */
    public static void check(Map<String, JsonNode> stacks) {
        Args.notNull(stacks, "stacks");
        Map<String, Claim> seen = new HashMap<>();
        for (Map.Entry<String, JsonNode> stack : stacks.entrySet()) {
            for (Claim claim : claims(stack.getKey(), stack.getValue())) {
                Claim first = seen.putIfAbsent(claim.key(), claim);
                if (first != null) {
                    throw new ValidationException(claim.path(), claim.kind().argument(), claim.name(),
                            "expected a " + claim.kind().what() + " unique " + where(claim.kind().scope())
                                    + ", but " + first.path() + " creates it too, so the second apply fails; "
                                    + fix(claim.kind(), claim.stack().equals(first.stack())));
                }
            }
        }
    }

    private static String where(Scope scope) {
        return switch (scope) {
            case GLOBAL -> "across all AWS accounts";
            case ACCOUNT -> "in the account";
            case REGION -> "in the account and region";
        };
    }

    private static String fix(Kind kind, boolean sameStack) {
        if (kind.type().equals("aws_iam_openid_connect_provider")) {
            return "create the provider once in an account-level stack (io.growstack.account.AccountBaseline)"
                    + " and pass its ARN to the others with GitHubOidcProps.existingProviderArn";
        }
        if (sameStack) {
            // Project and environment are the stack's, so only the constructs can tell the two apart; a
            // block that names this without its id (the self-healing NAT's role) fits once per stack.
            return "both are in one stack, so give the constructs different ids, or, where the name does not"
                    + " carry the construct's id, build the second one in a stack with another environment";
        }
        return "give the stacks different project or environment names (GrowStackProps) or the constructs different ids";
    }

    private static List<Claim> claims(String stackName, JsonNode stack) {
        Map<String, String> regions = providerRegions(stack);
        // Stacks that name their account (GrowStackProps.accountId) only meet stacks of that account.
        String account = stack.path("provider").path("aws").path(0).path("allowed_account_ids").path(0).asText("");
        List<Claim> claims = new ArrayList<>();
        for (Kind kind : KINDS) {
            stack.path("resource").path(kind.type()).fields().forEachRemaining(entry -> {
                JsonNode resource = entry.getValue();
                JsonNode value = resource.path(kind.argument());
                if (!value.isTextual() || value.asText().contains("${") || resource.has("for_each")
                        || resource.has("count")) {
                    return;
                }
                String region = regions.getOrDefault(resource.path("provider").asText("aws"), "");
                String scope = switch (kind.scope()) {
                    case GLOBAL -> "";
                    case ACCOUNT -> "account";
                    case REGION -> region;
                };
                // Several kinds share one namespace (an RDS snapshot name is checked against other snapshots only).
                String key = kind.type() + "." + kind.argument() + "|" + (kind.scope() == Scope.GLOBAL ? "" : account)
                        + "|" + scope + "|" + value.asText();
                String path = resource.path("//").path("metadata").path("path")
                        .asText(stackName + "/" + kind.type() + "." + entry.getKey());
                claims.add(new Claim(kind, key, value.asText(), path, stackName));
            });
        }
        return claims;
    }

    // provider.aws is a list of configurations; resources name an aliased one as "aws.<alias>".
    private static Map<String, String> providerRegions(JsonNode stack) {
        Map<String, String> regions = new LinkedHashMap<>();
        for (JsonNode provider : stack.path("provider").path("aws")) {
            String alias = provider.path("alias").asText("");
            regions.put(alias.isEmpty() ? "aws" : "aws." + alias, provider.path("region").asText(""));
        }
        return regions;
    }
}
