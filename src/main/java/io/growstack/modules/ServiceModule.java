package io.growstack.modules;

import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.core.Architecture;
import io.growstack.core.Variable;

/**
 * The service tier (ALB + launch template + Auto Scaling + CPU target tracking), one module per
 * deployment shape: blue/green makes a second, idle group and its own scaling policy.
 */
final class ServiceModule implements ModuleDefinition {
    /**
     * The service's construct id, as in the v4 example; stand-ins of the service in other modules use
     * it too, so names derived from it (alarms, rules) are the ones the Java stack has.
     */
    static final String ID = "api";
    private final String name;
    private final boolean blueGreen;

    private ServiceModule(String name, boolean blueGreen) {
        this.name = name;
        this.blueGreen = blueGreen;
    }

    static ServiceModule inPlace() {
        return new ServiceModule("service", false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "An internet-facing ALB in the public subnets (HTTP listener, invalid header fields dropped,"
                + " deletion protection), a target group on app port " + AutoScaledServiceProps.DEFAULT_APP_PORT
                + " with health checks on management port " + AutoScaledServiceProps.DEFAULT_MANAGEMENT_PORT
                + " (" + AutoScaledServiceProps.DEFAULT_HEALTH_CHECK_PATH + "), a launch template ("
                + AutoScaledServiceProps.DEFAULT_INSTANCE_TYPE + ", IMDSv2, encrypted gp3, instance role) and "
                + (blueGreen ? "two Auto Scaling groups, blue serving and green idle, for CodeDeploy blue/green"
                        : "an Auto Scaling group")
                + " in the private subnets (" + AutoScaledServiceProps.DEFAULT_MIN_SIZE + ".."
                + AutoScaledServiceProps.DEFAULT_MAX_SIZE + ") with CPU target tracking at "
                + (int) AutoScaledServiceProps.DEFAULT_CPU_TARGET_UTILIZATION_PERCENT + " %.";
    }

    @Override
    public String design() {
        return "Deployed in place; the blue/green shape, which only CodeDeploy uses, is the delivery-blue-green"
                + " module (service and delivery in one). Takes the network"
                + " as variables and the image as `image_id` (arm64, as the default Graviton type needs). Sizes,"
                + " ports, health checks, HTTPS (`certificateArn`) and access logs stay the Java defaults; the"
                + " Java API's `allowManagementFrom(monitoring)` is the input `management_security_group_ids`.";
    }

    @Override
    public void define(ModuleContext module) {
        service(module, module.importedNetwork(), blueGreen);
    }

    /** The service with its variables and outputs, for this module and the delivery module. */
    static AutoScaledService service(ModuleContext module, io.growstack.network.INetwork network, boolean blueGreen) {
        module.variable(Variable.builder("instance_type", "string")
                .description("EC2 instance type of the service's hosts (arm64: Graviton, such as t4g.micro)")
                .defaultValue(AutoScaledServiceProps.DEFAULT_INSTANCE_TYPE)
                .validation(InstanceTypes.condition("var.instance_type", Architecture.ARM64),
                        "instance_type must be an arm64 (Graviton) instance type such as t4g.micro."));
        module.substituteWhole(AutoScaledServiceProps.DEFAULT_INSTANCE_TYPE, "var.instance_type");
        module.imageVariable(Architecture.ARM64);
        AutoScaledService service = new AutoScaledService(module.stack(), ID,
                AutoScaledServiceProps.builder(network).blueGreen(blueGreen).build());
        module.output("alb_dns_name", service.albDnsName(), "The load balancer's DNS name");
        module.output("alb_arn", service.albArn(), "ARN of the load balancer");
        module.output("alb_zone_id", service.albZoneId(), "Hosted zone id of the load balancer, for alias records");
        module.output("alb_arn_suffix", service.alb().attr("arn_suffix"), "ARN suffix of the load balancer"
                + " (CloudWatch's LoadBalancer dimension)");
        module.output("target_group_arn", service.targetGroupArn(), "ARN of the target group");
        module.output("target_group_arn_suffix", service.targetGroup().attr("arn_suffix"), "ARN suffix of the"
                + " target group (CloudWatch's TargetGroup dimension)");
        module.output("target_group_name", service.targetGroupName(), "Name of the target group");
        module.output("group_names", service.groupNames(), "Names of the Auto Scaling groups");
        module.output("launch_template_id", service.launchTemplateId(), "Id of the launch template");
        module.output("security_group_id", service.connections().securityGroupId(),
                "Id of the hosts' security group, for rules that admit them (database, cache)");
        module.output("role_name", service.role().role().attr("name"), "Name of the hosts' IAM role, for further grants");
        return service;
    }
}
