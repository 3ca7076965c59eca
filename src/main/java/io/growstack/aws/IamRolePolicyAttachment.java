package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_iam_role_policy_attachment}: attaches a managed policy to a role. */
public record IamRolePolicyAttachment(String role, String policyArn) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_iam_role_policy_attachment";
    }
}
