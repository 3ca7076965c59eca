package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_iam_role}: an IAM role; {@code assumeRolePolicy} is a JSON document. */
public record IamRole(String name, String description, String assumeRolePolicy, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_iam_role";
    }
}
