package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.Map;

/**
 * Arguments of {@code aws_ssm_parameter}: one Systems Manager Parameter Store value.
 *
 * @param name        the full name, a path such as {@code /shop/prod/db/host}
 * @param type        {@code String}, {@code StringList} or {@code SecureString}
 * @param value       the value (never a secret here: secrets stay in Secrets Manager)
 * @param description what the value is for
 * @param tags        resource tags
 */
public record SsmParameter(String name, String type, String value, String description, Map<String, String> tags)
        implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_ssm_parameter";
    }
}
