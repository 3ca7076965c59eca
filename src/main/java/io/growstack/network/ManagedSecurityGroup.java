package io.growstack.network;

import io.growstack.aws.SecurityGroup;
import io.growstack.aws.VpcSecurityGroupEgressRule;
import io.growstack.aws.VpcSecurityGroupIngressRule;
import io.growstack.core.Ids;
import io.growstack.core.Resource;
import io.growstack.core.ResourceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * A security group whose rules are separate {@code aws_vpc_security_group_ingress_rule} and
 * {@code _egress_rule} resources (never inline rules, never {@code aws_security_group_rule}).
 *
 * <p>Terraform removes AWS's default allow-all egress from groups it creates, so every group
 * growstack makes states its egress through {@link #allowAllEgress()} or explicit rules.
 */
public final class ManagedSecurityGroup extends Construct {
    private final Resource group;
    private final Map<String, Resource> rules = new LinkedHashMap<>();

    /** Creates the group {@code name} (unique in the VPC) with a description. */
    public ManagedSecurityGroup(Construct scope, String id, String vpcId, String name, String description) {
        super(Ids.check(scope, id), id);
        Ids.created(this);
        this.group = new Resource(this, "group", new SecurityGroup(name, description, vpcId, Map.of("Name", name)));
    }

    /** The {@code aws_security_group} resource. */
    public Resource group() {
        return group;
    }

    /** The group's id (a token). */
    public String id() {
        return group.attr("id");
    }

    /** Admits {@code port} from an IPv4 CIDR block; {@code label} names the peer in ids. */
    public Resource allowIngressFromCidr(String label, Port port, String cidr, String description) {
        return ingress(label, port, description, cidr, null);
    }

    /** Admits {@code port} from another group; {@code label} names the peer in ids. */
    public Resource allowIngressFromGroup(String label, Port port, String groupId, String description) {
        return ingress(label, port, description, null, groupId);
    }

    /**
     * Admits {@code port} from every CIDR of a list token (a Terraform variable), one rule per
     * element through {@code for_each}.
     */
    public Resource allowIngressFromCidrList(String label, Port port, java.util.List<String> cidrs, String description) {
        String id = "ingress-" + port.label() + "-from-" + label;
        return rules.computeIfAbsent(id, key -> {
            // The Java-side checks cannot see a variable's value, and a variable made without
            // Variable.cidrAllowList has no validation: the plan itself refuses a rule for everyone.
            // https://developer.hashicorp.com/terraform/language/expressions/custom-conditions#preconditions-and-postconditions
            Resource rule = new Resource(this, key, new VpcSecurityGroupIngressRule(
                    id(), description, port.protocol(), port.from(), port.to(), "${each.value}", null, null, null, null),
                    ResourceOptions.forEachOf(cidrs).withPrecondition(NOT_EVERYONE,
                            "A rule fed by a variable must not admit every address (0.0.0.0/0 or ::/0);"
                                    + " give the admins' blocks, such as 203.0.113.7/32."));
            return rule;
        });
    }

    /** True for one CIDR block of a for_each that is a valid block with a prefix length above zero. */
    static final String NOT_EVERYONE = "${try(cidrhost(each.value, 0) != \"\" && tonumber(split(\"/\", each.value)[1]) > 0, false)}";

    /** Allows {@code port} to an IPv4 CIDR block. */
    public Resource allowEgressToCidr(String label, Port port, String cidr, String description) {
        return egress(label, port, description, cidr, null);
    }

    /** Allows {@code port} to another group. */
    public Resource allowEgressToGroup(String label, Port port, String groupId, String description) {
        return egress(label, port, description, null, groupId);
    }

    /** Allows all IPv4 egress: hosts reach package repositories, SSM, S3 and other AWS APIs. */
    public Resource allowAllEgress() {
        return allowEgressToCidr("anywhere", Port.allTraffic(), "0.0.0.0/0",
                "All IPv4 egress (package repositories, AWS APIs)");
    }

    private Resource ingress(String label, Port port, String description, String cidr, String groupId) {
        String id = "ingress-" + port.label() + "-from-" + label;
        return rules.computeIfAbsent(id, key -> new Resource(this, key, new VpcSecurityGroupIngressRule(
                id(), description, port.protocol(), port.from(), port.to(), cidr, null, groupId, null, null)));
    }

    private Resource egress(String label, Port port, String description, String cidr, String groupId) {
        String id = "egress-" + port.label() + "-to-" + label;
        return rules.computeIfAbsent(id, key -> new Resource(this, key, new VpcSecurityGroupEgressRule(
                id(), description, port.protocol(), port.from(), port.to(), cidr, null, groupId, null, null)));
    }
}
