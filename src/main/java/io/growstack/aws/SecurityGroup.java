package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_security_group}: a security group without inline rules; rules are separate resources. */
public record SecurityGroup(String name, String description, String vpcId, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_security_group";
    }
}
