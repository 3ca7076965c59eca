package io.growstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.Architecture;
import io.growstack.core.GrowStack;
import io.growstack.monitoring.Monitoring;
import io.growstack.monitoring.MonitoringProps;
import io.growstack.monitoring.PrometheusRelease;
import io.growstack.network.INetwork;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The stacks the monitoring tests build. */
public final class MonitoringFixtures {
    /**
     * A syntactically valid SHA-256 for tests only. It is not the checksum of any Prometheus archive:
     * a host booted with it would refuse the download, which is the behaviour the tests rely on.
     */
    public static final String TEST_SHA256 = "0000000000000000000000000000000000000000000000000000000000000001";
    /** A release for Graviton hosts in tests (see {@link #TEST_SHA256}). */
    public static final PrometheusRelease TEST_ARM64 = PrometheusRelease.of("3.9.1", Architecture.ARM64, TEST_SHA256);
    /** The admin allow-list of the test bastion. */
    public static final String ADMIN_CIDR = "203.0.113.7/32";

    /** The address of the monitoring host in the done-when stack. */
    public static final String INSTANCE = "monitoring_host_instance";
    /** Its security group, as rules reference it. */
    public static final String MONITORING_GROUP = "${aws_security_group.monitoring_host_security-group_group.id}";
    /** The bastion's security group. */
    public static final String BASTION_GROUP = "${aws_security_group.bastion_host_security-group_group.id}";
    /** The service instances' security group. */
    public static final String SERVICE_GROUP = "${aws_security_group.web_security-group_group.id}";
    /** The service's load balancer's security group. */
    public static final String ALB_GROUP = "${aws_security_group.web_alb-security-group_group.id}";

    private static final YAMLMapper YAML = new YAMLMapper();

    private MonitoringFixtures() {
    }

    /** The monitoring host's user data. */
    public static String userData(TestStacks.Synthesized s) {
        return s.resource("aws_instance", INSTANCE).path("user_data").asText();
    }

    /** The files a cloud-config writes, by path. */
    public static Map<String, String> files(String cloudConfig) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            for (JsonNode file : YAML.readTree(cloudConfig).path("write_files")) {
                files.put(file.path("path").asText(), file.path("content").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Terraform references replaced by what they become at apply time in the test stack. */
    public static String resolved(String text) {
        return text.replace("${aws_autoscaling_group.web_group.name}", "test-dev-web");
    }

    /** The pieces a monitoring host needs. */
    public record Parts(INetwork network, Bastion bastion, AutoScaledService service) {
    }

    /**
     * The done-when stack: a network with a NAT instance (x86 image), a bastion (x86 image) with an SSH
     * allow-list, an Auto Scaled Service (arm64 image, no deletion protection).
     */
    public static Parts parts(GrowStack stack) {
        Network network = new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build());
        Bastion bastion = new Bastion(stack, "bastion", BastionProps.builder(network).ami(TestStacks.X86_AMI)
                .allowSshFrom(List.of(ADMIN_CIDR)).build());
        AutoScaledService service = new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network)
                .ami(TestStacks.ARM_AMI).deletionProtection(false).build());
        return new Parts(network, bastion, service);
    }

    /** Props for {@code parts} with the test release and image, changed by {@code change}. */
    public static MonitoringProps props(Parts parts, UnaryOperator<MonitoringProps.Builder> change) {
        return change.apply(MonitoringProps.builder(parts.network(), parts.bastion(), parts.service())
                .prometheus(TEST_ARM64).ami(TestStacks.ARM_AMI)).build();
    }

    /** The done-when stack with a monitoring host {@code monitoring}. */
    public static Monitoring full(GrowStack stack, UnaryOperator<MonitoringProps.Builder> change) {
        Parts parts = parts(stack);
        return new Monitoring(stack, "monitoring", props(parts, change));
    }
}
