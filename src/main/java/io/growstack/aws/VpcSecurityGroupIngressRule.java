package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_vpc_security_group_ingress_rule}: one ingress rule. {@code ipProtocol} {@code -1} means all protocols and takes no ports. */
public record VpcSecurityGroupIngressRule(String securityGroupId, String description, String ipProtocol, Integer fromPort, Integer toPort, String cidrIpv4, String cidrIpv6, String referencedSecurityGroupId, String prefixListId, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_vpc_security_group_ingress_rule";
    }
}
