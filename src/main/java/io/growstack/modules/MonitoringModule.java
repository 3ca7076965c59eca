package io.growstack.modules;

import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.Architecture;
import io.growstack.core.Variable;
import io.growstack.monitoring.Monitoring;
import io.growstack.monitoring.MonitoringProps;
import io.growstack.monitoring.PrometheusRelease;
import io.growstack.network.INetwork;

/** Prometheus and Grafana watching a blue/green service, reached through the bastion, with alarms. */
final class MonitoringModule implements ModuleDefinition {
    /** The Prometheus release the Java example installs. */
    static final String PROMETHEUS_VERSION = "3.9.1";
    /** A checksum the Java rules accept; it stands for {@code var.prometheus_sha256}. */
    static final String SHA256 = "ab".repeat(32);

    @Override
    public String name() {
        return "monitoring";
    }

    @Override
    public String summary() {
        return "A " + MonitoringProps.DEFAULT_INSTANCE_TYPE + " in a private subnet running Prometheus "
                + PROMETHEUS_VERSION + " and Grafana: Prometheus discovers the service's instances through EC2 and"
                + " scrapes the management port (opened to it on the service's group), Grafana and Prometheus admit"
                + " only the bastion, and CloudWatch alarms (group CPU, ALB and target 5xx) go to an encrypted SNS"
                + " topic.";
    }

    @Override
    public String design() {
        return "Watches a blue/green service (the delivery-blue-green module's outputs: two group names, the"
                + " security group, the load balancer's ARN suffix); the bastion is its security group id."
                + " Rules on those groups are made here, both sides, as the Java API's `allowManagementFrom` and"
                + " `allowFrom` make them. The Prometheus checksum is the required input `prometheus_sha256`.";
    }

    @Override
    public boolean hasStandIns() {
        return true;
    }

    @Override
    public void define(ModuleContext module) {
        INetwork network = module.importedNetwork();
        module.imageVariable(Architecture.ARM64);
        module.variable(Variable.builder("prometheus_sha256", "string")
                .description("SHA-256 of prometheus-" + PROMETHEUS_VERSION + ".linux-arm64.tar.gz, copied from the"
                        + " release's sha256sums.txt")
                .validation("can(regex(\"^[0-9a-f]{64}$\", var.prometheus_sha256))",
                        "prometheus_sha256 must be 64 lowercase hexadecimal digits."));
        module.substitute(SHA256, "var.prometheus_sha256");
        Bastion bastion = new Bastion(module.stack(), BastionModule.ID, BastionProps.builder(network).build());
        AutoScaledService service = new AutoScaledService(module.stack(), ServiceModule.ID,
                AutoScaledServiceProps.builder(network).blueGreen(true).build());
        stoodIn(module, "bastion_security_group_id", "Security group of the bastion (the bastion module's"
                + " security_group_id)", bastion.connections().securityGroupId());
        stoodIn(module, "bastion_instance_id", "Instance id of the bastion, for the Grafana tunnel command (the"
                + " bastion module's instance_id)", bastion.server().instanceId());
        stoodIn(module, "bastion_public_ip", "Public IPv4 address of the bastion, for the Grafana tunnel command"
                + " (the bastion module's public_ip)", bastion.publicIp());
        stoodIn(module, "service_security_group_id", "Security group of the service's hosts (the"
                + " delivery-blue-green module's security_group_id)", service.connections().securityGroupId());
        module.variable(Variable.builder("service_group_names", "list(string)")
                .description("The service's two Auto Scaling group names, blue and green (the delivery-blue-green"
                        + " module's group_names)")
                .validation("length(var.service_group_names) == 2",
                        "service_group_names must hold the blue and the green group's names."));
        for (int i = 0; i < service.autoScalingGroups().size(); i++) {
            module.replaceReference(service.autoScalingGroups().get(i).attr("name"), "var.service_group_names[" + i + "]");
        }
        stoodIn(module, "alb_arn_suffix", "ARN suffix of the service's load balancer, the alarms' dimension (the"
                + " delivery-blue-green module's alb_arn_suffix)", service.alb().attr("arn_suffix"));
        module.standInsBuilt();
        Monitoring monitoring = new Monitoring(module.stack(), "monitoring",
                MonitoringProps.builder(network, bastion, service)
                        .prometheus(PrometheusRelease.of(PROMETHEUS_VERSION, Architecture.ARM64, SHA256)).build());
        module.output("private_ip", monitoring.privateIp(), "Private IPv4 address of the monitoring host");
        module.output("instance_id", monitoring.instanceId(), "Id of the monitoring host");
        module.output("security_group_id", monitoring.connections().securityGroupId(),
                "Id of the monitoring host's security group");
    }

    private static void stoodIn(ModuleContext module, String name, String description, String token) {
        module.variable(Variable.builder(name, "string").description(description));
        module.replaceReference(token, "var." + name);
    }
}
