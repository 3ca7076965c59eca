package io.growstack.compute;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.core.GrowStack;
import io.growstack.host.SpotSettings;
import io.growstack.network.INetwork;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AutoScaledServiceTest {
    static final String SCRIPT = "#!/bin/bash\nset -euo pipefail\ndnf install -y java-21-amazon-corretto-headless\n";
    static final String CERTIFICATE =
            "arn:aws:acm:ap-northeast-2:123456789012:certificate/00000000-0000-0000-0000-000000000000";

    private static final String INSTANCES = "${aws_security_group.web_security-group_group.id}";
    private static final String BALANCER = "${aws_security_group.web_alb-security-group_group.id}";
    private static Synthesized defaults;
    private static Synthesized https;

    @BeforeAll
    static void synth() {
        defaults = TestStacks.synthStack("autoscaled-defaults", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(network(stack)).userData(SCRIPT).build()));
        https = TestStacks.synthStack("autoscaled-https", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(network(stack)).certificateArn(CERTIFICATE).build()));
    }

    private static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    /** A network that already exists, with literal ids: cheap for the rejection tests. */
    private static INetwork existing() {
        return Network.fromAttributes("vpc-0123456789abcdef0", "10.0.0.0/16", TestStacks.ZONES,
                List.of("subnet-0a", "subnet-0b"), List.of("subnet-1a", "subnet-1b"));
    }

    private static void rejected(String name, UnaryOperator<AutoScaledServiceProps.Builder> props, String message) {
        assertRejected(name, stack -> new AutoScaledService(stack, "web",
                props.apply(AutoScaledServiceProps.builder(existing())).build()), message);
    }

    private static List<JsonNode> rulesOn(Synthesized s, String type, String groupId) {
        List<JsonNode> rules = new ArrayList<>();
        s.resources(type).forEach(rule -> {
            if (rule.path("security_group_id").asText().equals(groupId)) {
                rules.add(rule);
            }
        });
        return rules;
    }

    private static String ref(String address) {
        return "${" + address + "}";
    }

    // --- what the defaults make ---------------------------------------------------------------

    @Test
    void theLoadBalancerIsAnInternetFacingAlbInThePublicSubnetsBehindItsOwnGroup() {
        JsonNode alb = defaults.resource("aws_lb", "web_alb");
        assertThat(alb.path("name").asText()).isEqualTo("test-dev-web");
        assertThat(alb.path("load_balancer_type").asText()).isEqualTo("application");
        assertThat(alb.path("internal").asBoolean(true)).isFalse();
        assertThat(alb.path("subnets").toString()).isEqualTo("[\"" + ref("aws_subnet.network_public-subnet-1.id")
                + "\",\"" + ref("aws_subnet.network_public-subnet-2.id") + "\"]");
        assertThat(alb.path("security_groups").toString()).isEqualTo("[\"" + BALANCER + "\"]");
        assertThat(alb.path("drop_invalid_header_fields").asBoolean()).isTrue();
        assertThat(alb.path("enable_deletion_protection").asBoolean()).isTrue();
        assertThat(alb.has("access_logs")).isFalse();
        assertThat(alb.has("idle_timeout")).as("AWS's default idle timeout").isFalse();
    }

    @Test
    void theHttpListenerForwardsToTheTargetGroupWhoseHealthCheckCallsTheManagementPort() {
        JsonNode listener = defaults.resource("aws_lb_listener", "web_http-listener");
        assertThat(listener.path("load_balancer_arn").asText()).isEqualTo(ref("aws_lb.web_alb.arn"));
        assertThat(listener.path("port").asInt()).isEqualTo(80);
        assertThat(listener.path("protocol").asText()).isEqualTo("HTTP");
        JsonNode action = listener.path("default_action").get(0);
        assertThat(action.path("type").asText()).isEqualTo("forward");
        assertThat(action.path("target_group_arn").asText()).isEqualTo(ref("aws_lb_target_group.web_target-group.arn"));
        assertThat(defaults.count("aws_lb_listener")).isEqualTo(1);

        JsonNode group = defaults.resource("aws_lb_target_group", "web_target-group");
        assertThat(group.path("name").asText()).isEqualTo("test-dev-web");
        assertThat(group.path("port").asInt()).isEqualTo(8080);
        assertThat(group.path("protocol").asText()).isEqualTo("HTTP");
        assertThat(group.path("target_type").asText()).isEqualTo("instance");
        assertThat(group.path("vpc_id").asText()).isEqualTo(ref("aws_vpc.network_vpc.id"));
        assertThat(group.path("deregistration_delay").asText()).isEqualTo("30");
        JsonNode check = group.path("health_check");
        assertThat(check.path("port").asText()).isEqualTo("8081");
        assertThat(check.path("path").asText()).isEqualTo("/actuator/health");
        assertThat(check.path("matcher").asText()).isEqualTo("200");
        assertThat(check.path("protocol").asText()).isEqualTo("HTTP");
        assertThat(check.path("interval").asInt()).isEqualTo(15);
        assertThat(check.path("timeout").asInt()).isEqualTo(5);
        assertThat(check.path("healthy_threshold").asInt()).isEqualTo(2);
        assertThat(check.path("unhealthy_threshold").asInt()).isEqualTo(3);
    }

    @Test
    void theGroupRunsInThePrivateSubnetsFromTheLaunchTemplateAndLeavesDesiredCapacityToScaling() {
        JsonNode group = defaults.resource("aws_autoscaling_group", "web_group");
        assertThat(group.path("name").asText()).isEqualTo("test-dev-web");
        assertThat(group.path("vpc_zone_identifier").toString()).isEqualTo("[\""
                + ref("aws_subnet.network_private-subnet-1.id") + "\",\"" + ref("aws_subnet.network_private-subnet-2.id")
                + "\"]");
        assertThat(group.path("target_group_arns").toString())
                .isEqualTo("[\"" + ref("aws_lb_target_group.web_target-group.arn") + "\"]");
        assertThat(group.path("min_size").asInt()).isEqualTo(1);
        assertThat(group.path("max_size").asInt()).isEqualTo(6);
        assertThat(group.path("desired_capacity").asInt()).isEqualTo(1);
        // EC2 health checks until the first revision: before it nothing answers on the management port and
        // ELB checks would replace the instance in a loop. The blue/green workflow switches to ELB; Terraform
        // then leaves it (ignore_changes). https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html
        assertThat(group.path("health_check_type").asText()).isEqualTo("EC2");
        assertThat(group.path("health_check_grace_period").asInt()).isEqualTo(300);
        assertThat(group.path("launch_template").path("id").asText())
                .isEqualTo(ref("aws_launch_template.web_launch-template.id"));
        assertThat(group.path("launch_template").path("version").asText())
                .isEqualTo(ref("aws_launch_template.web_launch-template.latest_version"));
        assertThat(group.path("lifecycle").path("ignore_changes").toString())
                .isEqualTo("[\"desired_capacity\",\"health_check_type\"]");
        JsonNode tag = group.path("tag").get(0);
        assertThat(tag.path("key").asText()).isEqualTo("Name");
        assertThat(tag.path("value").asText()).isEqualTo("test-dev-web");
        assertThat(tag.path("propagate_at_launch").asBoolean()).isTrue();
        assertThat(group.path("enabled_metrics").toString()).contains("GroupInServiceInstances");
    }

    @Test
    void aNewLaunchTemplateVersionRollsOutByLaunchingReplacementsBeforeTerminating() {
        JsonNode group = defaults.resource("aws_autoscaling_group", "web_group");
        assertThat(group.path("instance_maintenance_policy").path("min_healthy_percentage").asInt()).isEqualTo(100);
        assertThat(group.path("instance_maintenance_policy").path("max_healthy_percentage").asInt()).isEqualTo(200);
        JsonNode refresh = group.path("instance_refresh");
        assertThat(refresh.path("strategy").asText()).isEqualTo("Rolling");
        assertThat(refresh.path("preferences").path("min_healthy_percentage").asInt()).isEqualTo(100);
        assertThat(refresh.path("preferences").path("max_healthy_percentage").asInt()).isEqualTo(200);
    }

    @Test
    void withoutInstanceRefreshTheGroupLaunchesTheLatestVersionForNewInstancesOnly() {
        Synthesized s = TestStacks.synthStack("autoscaled-no-refresh", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(existing()).ami(TestStacks.ARM_AMI).instanceRefresh(false).build()));
        JsonNode group = s.resource("aws_autoscaling_group", "web_group");
        assertThat(group.path("launch_template").path("version").asText()).isEqualTo("$Latest");
        assertThat(group.has("instance_refresh")).isFalse();
    }

    @Test
    void theLaunchTemplateRequiresImdsv2EncryptsTheRootVolumeAndCarriesTheScriptInBase64() {
        JsonNode template = defaults.resource("aws_launch_template", "web_launch-template");
        assertThat(template.path("name").asText()).isEqualTo("test-dev-web");
        assertThat(template.path("instance_type").asText()).isEqualTo("t4g.micro");
        assertThat(template.path("image_id").asText()).isEqualTo(ref("data.aws_ssm_parameter.web_ami.insecure_value"));
        assertThat(defaults.json().path("data").path("aws_ssm_parameter").path("web_ami").path("name").asText())
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64");
        assertThat(template.path("vpc_security_group_ids").toString()).isEqualTo("[\"" + INSTANCES + "\"]");
        assertThat(template.path("iam_instance_profile").path("arn").asText())
                .isEqualTo(ref("aws_iam_instance_profile.web_role_profile.arn"));
        JsonNode metadata = template.path("metadata_options");
        assertThat(metadata.path("http_tokens").asText()).isEqualTo("required");
        assertThat(metadata.path("http_put_response_hop_limit").asInt()).isEqualTo(1);
        JsonNode device = template.path("block_device_mappings").get(0);
        assertThat(device.path("device_name").asText()).isEqualTo("/dev/xvda");
        assertThat(device.path("ebs").path("volume_type").asText()).isEqualTo("gp3");
        assertThat(device.path("ebs").path("volume_size").asInt()).isEqualTo(8);
        assertThat(device.path("ebs").path("encrypted").asText()).isEqualTo("true");
        assertThat(template.path("credit_specification").path("cpu_credits").asText()).isEqualTo("standard");
        assertThat(template.path("update_default_version").asBoolean()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(template.path("user_data").asText()), StandardCharsets.UTF_8))
                .isEqualTo(SCRIPT);
        List<String> tagged = new ArrayList<>();
        template.path("tag_specifications").forEach(spec -> {
            tagged.add(spec.path("resource_type").asText());
            assertThat(spec.path("tags").path("Name").asText()).isEqualTo("test-dev-web");
        });
        assertThat(tagged).containsExactly("instance", "volume");
        assertThat(template.has("lifecycle")).as("a launch template takes a new AMI on purpose").isFalse();
        JsonNode ssm = defaults.resource("aws_iam_role_policy_attachment", "web_role_policy-ssm");
        assertThat(ssm.path("policy_arn").asText()).isEqualTo("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
    }

    @Test
    void cpuTargetTrackingKeepsTheGroupNearNinetyPercent() {
        JsonNode policy = defaults.resource("aws_autoscaling_policy", "web_cpu-scaling");
        assertThat(policy.path("autoscaling_group_name").asText()).isEqualTo(ref("aws_autoscaling_group.web_group.name"));
        assertThat(policy.path("policy_type").asText()).isEqualTo("TargetTrackingScaling");
        JsonNode tracking = policy.path("target_tracking_configuration");
        assertThat(tracking.path("predefined_metric_specification").path("predefined_metric_type").asText())
                .isEqualTo("ASGAverageCPUUtilization");
        assertThat(tracking.path("target_value").asDouble()).isEqualTo(90.0);
    }

    // --- security groups ----------------------------------------------------------------------

    @Test
    void theAppAndManagementPortsAdmitOnlyTheLoadBalancersGroup() {
        List<JsonNode> ingress = rulesOn(defaults, "aws_vpc_security_group_ingress_rule", INSTANCES);
        assertThat(ingress).extracting(r -> r.path("from_port").asInt()).containsExactlyInAnyOrder(8080, 8081);
        ingress.forEach(rule -> {
            assertThat(rule.path("referenced_security_group_id").asText()).isEqualTo(BALANCER);
            assertThat(rule.path("to_port").asInt()).isEqualTo(rule.path("from_port").asInt());
            assertThat(rule.has("cidr_ipv4") || rule.has("cidr_ipv6")).isFalse();
        });
        List<JsonNode> egress = rulesOn(defaults, "aws_vpc_security_group_egress_rule", INSTANCES);
        assertThat(egress).singleElement().satisfies(rule -> {
            assertThat(rule.path("cidr_ipv4").asText()).isEqualTo("0.0.0.0/0");
            assertThat(rule.path("ip_protocol").asText()).isEqualTo("-1");
        });
    }

    @Test
    void theLoadBalancerAdmitsHttpFromTheInternetAndSendsOnlyToTheInstances() {
        List<JsonNode> ingress = rulesOn(defaults, "aws_vpc_security_group_ingress_rule", BALANCER);
        assertThat(ingress).singleElement().satisfies(rule -> {
            assertThat(rule.path("cidr_ipv4").asText()).isEqualTo("0.0.0.0/0");
            assertThat(rule.path("from_port").asInt()).isEqualTo(80);
            assertThat(rule.path("to_port").asInt()).isEqualTo(80);
            assertThat(rule.path("ip_protocol").asText()).isEqualTo("tcp");
        });
        List<JsonNode> egress = rulesOn(defaults, "aws_vpc_security_group_egress_rule", BALANCER);
        assertThat(egress).extracting(r -> r.path("from_port").asInt()).containsExactlyInAnyOrder(8080, 8081);
        egress.forEach(rule -> {
            assertThat(rule.path("referenced_security_group_id").asText()).isEqualTo(INSTANCES);
            assertThat(rule.has("cidr_ipv4")).isFalse();
        });
        assertThat(defaults.resource("aws_vpc_security_group_egress_rule", "web_alb-security-group_egress-tcp-8081-to-web")
                .path("description").asText()).isEqualTo("Health checks from the load balancer");
    }

    @Test
    void allowManagementFromAServerOpensOnlyTheManagementPortToIt() {
        Synthesized s = TestStacks.synthStack("autoscaled-monitoring", stack -> {
            INetwork network = existing();
            AutoScaledService web = new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network)
                    .ami(TestStacks.ARM_AMI).build());
            Server monitoring = new Server(stack, "monitoring", ServerProps.builder(network).ami(TestStacks.ARM_AMI).build());
            web.allowManagementFrom(monitoring);
        });
        String monitoring = "${aws_security_group.monitoring_security-group_group.id}";
        JsonNode ingress = s.resource("aws_vpc_security_group_ingress_rule", "web_security-group_ingress-tcp-8081-from-monitoring");
        assertThat(ingress.path("security_group_id").asText()).isEqualTo(INSTANCES);
        assertThat(ingress.path("referenced_security_group_id").asText()).isEqualTo(monitoring);
        assertThat(ingress.path("from_port").asInt()).isEqualTo(8081);
        JsonNode egress = s.resource("aws_vpc_security_group_egress_rule", "monitoring_security-group_egress-tcp-8081-to-web");
        assertThat(egress.path("security_group_id").asText()).isEqualTo(monitoring);
        assertThat(egress.path("referenced_security_group_id").asText()).isEqualTo(INSTANCES);
        assertThat(rulesOn(s, "aws_vpc_security_group_ingress_rule", INSTANCES))
                .noneMatch(rule -> rule.path("from_port").asInt() == 8080
                        && rule.path("referenced_security_group_id").asText().equals(monitoring));
    }

    // --- variants -----------------------------------------------------------------------------

    @Test
    void withACertificateTheAlbServesTls13OnFourFortyThreeAndRedirectsHttp() {
        JsonNode secure = https.resource("aws_lb_listener", "web_https-listener");
        assertThat(secure.path("port").asInt()).isEqualTo(443);
        assertThat(secure.path("protocol").asText()).isEqualTo("HTTPS");
        assertThat(secure.path("ssl_policy").asText()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(secure.path("certificate_arn").asText()).isEqualTo(CERTIFICATE);
        assertThat(secure.path("default_action").get(0).path("target_group_arn").asText())
                .isEqualTo(ref("aws_lb_target_group.web_target-group.arn"));
        JsonNode redirect = https.resource("aws_lb_listener", "web_http-listener").path("default_action").get(0);
        assertThat(redirect.path("type").asText()).isEqualTo("redirect");
        assertThat(redirect.has("target_group_arn")).isFalse();
        assertThat(redirect.path("redirect").path("protocol").asText()).isEqualTo("HTTPS");
        assertThat(redirect.path("redirect").path("port").asText()).isEqualTo("443");
        assertThat(redirect.path("redirect").path("status_code").asText()).isEqualTo("HTTP_301");
        assertThat(rulesOn(https, "aws_vpc_security_group_ingress_rule", BALANCER))
                .allSatisfy(rule -> assertThat(rule.path("cidr_ipv4").asText()).isEqualTo("0.0.0.0/0"))
                .extracting(r -> r.path("from_port").asInt()).containsExactlyInAnyOrder(80, 443);
        assertThat(rulesOn(https, "aws_vpc_security_group_egress_rule", BALANCER))
                .allSatisfy(rule -> assertThat(rule.path("referenced_security_group_id").asText()).isEqualTo(INSTANCES));
    }

    @Test
    void aDevStackSwitchesDeletionProtectionOffAndLogsToAnExistingBucket() {
        Synthesized s = TestStacks.synthStack("autoscaled-dev", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(existing()).ami(TestStacks.ARM_AMI).deletionProtection(false)
                        .accessLogsBucket("test-alb-logs").build()));
        JsonNode alb = s.resource("aws_lb", "web_alb");
        assertThat(alb.path("enable_deletion_protection").isBoolean()).isTrue();
        assertThat(alb.path("enable_deletion_protection").asBoolean()).isFalse();
        assertThat(alb.path("access_logs").path("bucket").asText()).isEqualTo("test-alb-logs");
        assertThat(alb.path("access_logs").path("prefix").asText()).isEqualTo("test-dev-web");
        assertThat(alb.path("access_logs").path("enabled").asBoolean()).isTrue();
        assertThat(alb.path("subnets").toString()).isEqualTo("[\"subnet-0a\",\"subnet-0b\"]");
        assertThat(s.resource("aws_autoscaling_group", "web_group").path("vpc_zone_identifier").toString())
                .isEqualTo("[\"subnet-1a\",\"subnet-1b\"]");
    }

    @Test
    void anExplicitImageNeedsNoLookupAndNonBurstableTypesGetNoCreditSetting() {
        Synthesized s = TestStacks.synthStack("autoscaled-m7g", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(existing()).instanceType("m7g.large").ami(TestStacks.ARM_AMI)
                        .rootVolumeGb(20).appPort(9000).managementPort(9001).healthCheckPath("/health")
                        .minSize(2).maxSize(10).desiredCapacity(3).cpuTargetUtilizationPercent(60).build()));
        assertThat(s.json().has("data")).isFalse();
        JsonNode template = s.resource("aws_launch_template", "web_launch-template");
        assertThat(template.path("image_id").asText()).isEqualTo("ami-0fedcba9876543210");
        assertThat(template.path("instance_type").asText()).isEqualTo("m7g.large");
        assertThat(template.has("credit_specification")).isFalse();
        assertThat(template.has("user_data")).isFalse();
        assertThat(template.path("block_device_mappings").get(0).path("ebs").path("volume_size").asInt()).isEqualTo(20);
        JsonNode group = s.resource("aws_autoscaling_group", "web_group");
        assertThat(List.of(group.path("min_size").asInt(), group.path("max_size").asInt(),
                group.path("desired_capacity").asInt())).containsExactly(2, 10, 3);
        JsonNode target = s.resource("aws_lb_target_group", "web_target-group");
        assertThat(target.path("port").asInt()).isEqualTo(9000);
        assertThat(target.path("health_check").path("port").asText()).isEqualTo("9001");
        assertThat(target.path("health_check").path("path").asText()).isEqualTo("/health");
        assertThat(s.resource("aws_autoscaling_policy", "web_cpu-scaling").path("target_tracking_configuration")
                .path("target_value").asDouble()).isEqualTo(60.0);
        assertThat(s.resources("aws_vpc_security_group_ingress_rule").has("web_security-group_ingress-tcp-9001-from-web-alb"))
                .isTrue();
    }

    @Test
    void userDataWithTerraformReferencesIsALocalEncodedAtPlanTime() {
        String script = "#!/bin/bash\necho \"vpc=${aws_vpc.network_vpc.id}\" > /etc/app.env\nprintf 'a\\tb\\n'\n";
        Synthesized s = TestStacks.synthStack("autoscaled-templated", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(network(stack)).ami(TestStacks.ARM_AMI).userData(script).build()));
        assertThat(s.resource("aws_launch_template", "web_launch-template").path("user_data").asText())
                .isEqualTo("${base64encode(local.web_user-data)}");
        assertThat(s.json().path("locals").path("web_user-data").asText()).isEqualTo(script);
    }

    @Test
    void theGettersReturnReferencesForOtherBlocks() {
        List<String> values = new ArrayList<>();
        TestStacks.synthStack("autoscaled-getters", stack -> {
            AutoScaledService web = new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(existing())
                    .ami(TestStacks.ARM_AMI).build());
            values.add(web.albDnsName());
            values.add(web.targetGroupArn());
            values.addAll(web.groupNames());
            values.add(String.valueOf(web.autoScalingGroups().size()));
            values.add(web.connections().securityGroupId());
            values.add(web.httpListener().address());
            values.add(String.valueOf(web.httpsListener().isPresent()));
        });
        assertThat(values).containsExactly("${aws_lb.web_alb.dns_name}", "${aws_lb_target_group.web_target-group.arn}",
                "${aws_autoscaling_group.web_group.name}", "1", INSTANCES, "aws_lb_listener.web_http-listener", "false");
    }

    // --- rejections ---------------------------------------------------------------------------

    @Test
    void aMinimumAboveTheMaximumIsRejected() {
        rejected("asg-min-above-max", b -> b.minSize(7),
                "app/web: property 'minSize' is '7': expected 0 to maxSize 6");
    }

    @Test
    void aDesiredCapacityBelowTheMinimumIsRejected() {
        rejected("asg-desired-below-min", b -> b.minSize(2).desiredCapacity(1),
                "app/web: property 'desiredCapacity' is '1': expected minSize 2 to maxSize 6");
    }

    @Test
    void aDesiredCapacityAboveTheMaximumIsRejected() {
        rejected("asg-desired-above-max", b -> b.desiredCapacity(7),
                "app/web: property 'desiredCapacity' is '7': expected minSize 1 to maxSize 6");
    }

    @Test
    void aMaximumAboveOneHundredIsRejected() {
        rejected("asg-max-101", b -> b.maxSize(101),
                "app/web: property 'maxSize' is '101': expected 1 to 100 instances"
                        + " (a larger group is more likely a typo than a plan)");
    }

    @Test
    void aCpuTargetOfZeroIsRejected() {
        rejected("asg-cpu-zero", b -> b.cpuTargetUtilizationPercent(0),
                "app/web: property 'cpuTargetUtilizationPercent' is '0.0': expected a percentage above 0 and at most 100");
    }

    @Test
    void aCpuTargetAboveOneHundredIsRejected() {
        rejected("asg-cpu-101", b -> b.cpuTargetUtilizationPercent(100.5),
                "app/web: property 'cpuTargetUtilizationPercent' is '100.5': expected a percentage above 0 and at most 100");
    }

    @Test
    void anArmInstanceTypeWithAnX86ImageIsRejected() {
        rejected("asg-arch-mismatch", b -> b.ami(TestStacks.X86_AMI),
                "app/web: property 'ami' is 'ami-0123456789abcdef0 (x86_64)': expected an arm64 image for instance type"
                        + " t4g.micro");
    }

    @Test
    void anUnknownInstanceFamilyIsRejected() {
        rejected("asg-unknown-family", b -> b.instanceType("x9.large"),
                "app/web: property 'instanceType' is 'x9.large': expected an EC2 instance type growstack knows,"
                        + " such as t4g.micro, t3.nano or m7g.large");
    }

    @Test
    void anAppPortOutOfRangeIsRejected() {
        rejected("asg-app-port", b -> b.appPort(70000),
                "app/web: property 'appPort' is '70000': expected a TCP port from 1 to 65535");
    }

    @Test
    void aManagementPortOutOfRangeIsRejected() {
        rejected("asg-management-port", b -> b.managementPort(0),
                "app/web: property 'managementPort' is '0': expected a TCP port from 1 to 65535");
    }

    @Test
    void aManagementPortEqualToTheAppPortIsRejected() {
        rejected("asg-ports-equal", b -> b.managementPort(8080),
                "app/web: property 'managementPort' is '8080': expected a port other than appPort 8080,"
                        + " so the load balancer never serves the actuator to the internet");
    }

    @Test
    void aHealthCheckPathWithoutALeadingSlashIsRejected() {
        rejected("asg-health-path", b -> b.healthCheckPath("actuator/health"),
                "app/web: property 'healthCheckPath' is 'actuator/health': expected a path starting with /,"
                        + " such as /actuator/health");
    }

    @Test
    void aNetworkWithOnePublicSubnetIsRejected() {
        assertRejected("asg-one-public-subnet", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(Network.fromAttributes("vpc-0123456789abcdef0", "10.0.0.0/16",
                        List.of("ap-northeast-2a"), List.of("subnet-0a"), List.of("subnet-1a"))).build()),
                "app/web: property 'network' is 'public subnets [subnet-0a]': expected public subnets in at least"
                        + " two availability zones (an application load balancer needs two)");
    }

    @Test
    void aNetworkWhosePublicSubnetsShareOneZoneIsRejected() {
        assertRejected("asg-one-zone", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(Network.fromAttributes("vpc-0123456789abcdef0", "10.0.0.0/16",
                        List.of("ap-northeast-2a", "ap-northeast-2a"), List.of("subnet-0a", "subnet-0b"),
                        List.of("subnet-1a", "subnet-1b"))).build()),
                "app/web: property 'network' is 'public subnets in zones [ap-northeast-2a, ap-northeast-2a]': expected"
                        + " public subnets in at least two availability zones (an application load balancer needs two)");
    }

    @Test
    void aNetworkWithoutPrivateSubnetsIsRejected() {
        assertRejected("asg-no-private", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(new Network(stack, "network", NetworkProps.builder()
                        .availabilityZones(TestStacks.ZONES).privateSubnets(false).build())).build()),
                "app/web: property 'network' is 'no private subnets': expected a network with private subnets;"
                        + " the instances run there, out of the internet's reach");
    }

    @Test
    void anIdThatMakesTheLoadBalancerNameLongerThanThirtyTwoCharactersIsRejected() {
        assertRejected("asg-long-id", stack -> new AutoScaledService(stack, "storefront-api-service-blue",
                AutoScaledServiceProps.builder(existing()).build()),
                "app/storefront-api-service-blue: property 'id' is 'storefront-api-service-blue': expected at most 23"
                        + " lowercase letters, digits or hyphens, so that the load balancer and target group name"
                        + " test-dev-storefront-api-service-blue fits AWS's 32 characters");
    }

    @Test
    void aCertificateThatIsNotAnAcmArnIsRejected() {
        rejected("asg-certificate", b -> b.certificateArn("my-cert"),
                "app/web: property 'certificateArn' is 'my-cert': expected an ACM certificate ARN such as"
                        + " arn:aws:acm:ap-northeast-2:123456789012:certificate/<uuid>");
    }

    @Test
    void anAccessLogBucketThatIsNotABucketNameIsRejected() {
        rejected("asg-log-bucket", b -> b.accessLogsBucket("s3://logs"),
                "app/web: property 'accessLogsBucket' is 's3://logs': expected an S3 bucket name"
                        + " (3-63 lowercase letters, digits, dots or hyphens)");
    }

    @Test
    void userDataAboveSixteenKibibytesIsRejected() {
        rejected("asg-user-data", b -> b.userData("#!/bin/bash\n" + "#".repeat(16384)),
                "app/web: property 'userData' is '16396 characters': expected at most 16384 bytes (EC2's limit);"
                        + " fetch larger files from S3");
    }

    @Test
    void aHealthCheckIntervalNotLongerThanTheTimeoutIsRejected() {
        rejected("asg-interval", b -> b.healthCheckIntervalSeconds(5),
                "app/web: property 'healthCheckIntervalSeconds' is '5': expected 6 to 300 seconds"
                        + " (longer than the 5 s timeout)");
    }

    @Test
    void spotIsRejectedBecauseTheGroupRunsOnDemand() {
        rejected("autoscaled-spot", b -> b.ami(TestStacks.ARM_AMI).spot(SpotSettings.oneTime()),
                "app/web: property 'spot' is 'SpotSettings[interruptionBehavior=terminate, maxPrice=null]': expected"
                        + " on demand (onDemand()): growstack runs the service's group on on-demand instances");
    }

    @Test
    void unlimitedCreditsAndAKeyPairReachTheLaunchTemplate() {
        Synthesized s = TestStacks.synthStack("autoscaled-credits", stack -> new AutoScaledService(stack, "web",
                AutoScaledServiceProps.builder(network(stack)).ami(TestStacks.ARM_AMI).cpuCredits("unlimited")
                        .keyName("ops").build()));
        JsonNode template = s.resource("aws_launch_template", "web_launch-template");
        assertThat(template.path("credit_specification").path("cpu_credits").asText()).isEqualTo("unlimited");
        assertThat(template.path("key_name").asText()).isEqualTo("ops");
    }
}
