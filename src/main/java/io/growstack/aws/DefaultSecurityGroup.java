package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.Map;

/**
 * Arguments of {@code aws_default_security_group}: Terraform adopts the VPC's default group (which AWS
 * creates and never deletes) instead of creating one. With no {@code ingress} or {@code egress} blocks,
 * Terraform removes every rule AWS put in it.
 *
 * @param vpcId the VPC whose default group is adopted
 * @param tags  resource tags
 */
public record DefaultSecurityGroup(String vpcId, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_default_security_group";
    }
}
