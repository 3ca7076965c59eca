package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_iam_role_policy}: an inline policy of one role; {@code policy} is a JSON document. */
public record IamRolePolicy(String name, String role, String policy) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_iam_role_policy";
    }
}
