package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_iam_instance_profile}: the instance profile that hands a role to EC2. */
public record IamInstanceProfile(String name, String role, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_iam_instance_profile";
    }
}
