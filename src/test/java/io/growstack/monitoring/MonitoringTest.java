package io.growstack.monitoring;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.Architecture;
import io.growstack.core.ValidationException;
import io.growstack.network.INetwork;
import io.growstack.network.Network;
import io.growstack.testing.MonitoringFixtures;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MonitoringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Synthesized defaults;
    private static Monitoring block;

    @BeforeAll
    static void synth() {
        defaults = TestStacks.synthStack("monitoring-defaults", stack ->
                block = MonitoringFixtures.full(stack, b -> b.alarmEmails(List.of("oncall@example.com", "lead@example.com"))));
    }

    /** An existing network with literal ids: cheap for the rejection tests. */
    private static INetwork existing() {
        return Network.fromAttributes("vpc-0123456789abcdef0", "10.0.0.0/16", TestStacks.ZONES,
                List.of("subnet-0a", "subnet-0b"), List.of("subnet-1a", "subnet-1b"));
    }

    private static void rejected(String name, UnaryOperator<MonitoringProps.Builder> change, String message) {
        assertRejected("monitoring-" + name, stack -> {
            INetwork network = existing();
            Bastion bastion = new Bastion(stack, "bastion", BastionProps.builder(network).ami(TestStacks.X86_AMI).build());
            AutoScaledService service = new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network)
                    .ami(TestStacks.ARM_AMI).build());
            new Monitoring(stack, "monitoring", change.apply(MonitoringProps.builder(network, bastion, service)
                    .prometheus(MonitoringFixtures.TEST_ARM64).ami(TestStacks.ARM_AMI)).build());
        }, message);
    }

    private static List<SecurityGroupWalk.Rule> ingressOn(Synthesized s, String group) {
        return SecurityGroupWalk.ingress(s.json()).stream().filter(r -> r.group().equals(group)).toList();
    }

    private static boolean covers(SecurityGroupWalk.Rule rule, int port) {
        return rule.protocol().equals("-1") || (rule.from() <= port && port <= rule.to());
    }

    // --- the host ------------------------------------------------------------------------------

    @Test
    void theHostIsAT4gSmallInAPrivateSubnetWithImdsv2AndAnEncryptedGp3SizedForTheRetention() {
        JsonNode instance = defaults.resource("aws_instance", MonitoringFixtures.INSTANCE);
        assertThat(instance.path("instance_type").asText()).isEqualTo("t4g.small");
        assertThat(instance.path("subnet_id").asText()).isEqualTo("${aws_subnet.network_private-subnet-1.id}");
        assertThat(instance.has("associate_public_ip_address")).isFalse();
        assertThat(instance.has("key_name")).as("no SSH key: the host is reached through SSM").isFalse();
        assertThat(instance.path("metadata_options").path("http_tokens").asText()).isEqualTo("required");
        JsonNode root = instance.path("root_block_device");
        assertThat(root.path("volume_type").asText()).isEqualTo("gp3");
        assertThat(root.path("encrypted").asBoolean()).isTrue();
        // 15 days x (6 x 2000 + 1000) series / 15 s x 2 bytes = 2.25 GB; cap 3 GB; 10 + 4.5 -> 15 GiB.
        assertThat(root.path("volume_size").asInt()).isEqualTo(15);
        assertThat(block.retentionSizeGb()).isEqualTo(3);
        assertThat(instance.path("user_data_replace_on_change").asBoolean()).isTrue();
        assertThat(instance.path("tags").path("Name").asText()).isEqualTo("test-dev-monitoring");
    }

    @Test
    void theDiskGrowsWithRetentionAndTheUnitCarriesTheRetentionFlags() {
        assertThat(Monitoring.estimateGb(15, 15, 6, 2000)).isCloseTo(2.2464, org.assertj.core.data.Offset.offset(1e-4));
        Synthesized s = TestStacks.synthStack("monitoring-retention", stack ->
                MonitoringFixtures.full(stack, b -> b.retentionDays(90).scrapeIntervalSeconds(30).alarms(false)));
        // 90 days x 13000 / 30 s x 2 bytes = 6.74 GB; cap ceil(8.42) = 9 GB; 10 + ceil(13.5) = 24 GiB.
        assertThat(s.resource("aws_instance", MonitoringFixtures.INSTANCE).path("root_block_device").path("volume_size").asInt())
                .isEqualTo(24);
        String unit = MonitoringFixtures.files(MonitoringFixtures.userData(s)).get("/etc/growstack/monitoring/prometheus.service");
        assertThat(unit).contains("--storage.tsdb.retention.time=90d", "--storage.tsdb.retention.size=9GB",
                "--storage.tsdb.path=/var/lib/prometheus", "User=prometheus", "WantedBy=multi-user.target");
    }

    @Test
    void theRoleMayOnlyDescribeInstancesAndZonesOnStarBecauseNeitherActionHasResourceLevelPermissions()
            throws Exception {
        List<JsonNode> inline = new ArrayList<>();
        defaults.resources("aws_iam_role_policy").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("monitoring_")) {
                inline.add(e.getValue());
            }
        });
        assertThat(inline).hasSize(1);
        assertThat(inline.get(0).path("role").asText()).isEqualTo("${aws_iam_role.monitoring_host_role_role.id}");
        JsonNode statement = JSON.readTree(inline.get(0).path("policy").asText()).path("Statement");
        assertThat(statement.size()).isEqualTo(1);
        assertThat(statement.get(0).path("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.get(0).path("Action").toString())
                .isEqualTo("[\"ec2:DescribeInstances\",\"ec2:DescribeAvailabilityZones\"]");
        assertThat(statement.get(0).path("Resource").asText()).isEqualTo("*");
        List<String> attached = new ArrayList<>();
        defaults.resources("aws_iam_role_policy_attachment").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("monitoring_")) {
                attached.add(e.getValue().path("policy_arn").asText());
            }
        });
        assertThat(attached).containsExactly("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore");
    }

    // --- security groups -------------------------------------------------------------------------

    @Test
    void onlyTheBastionReachesGrafanaAndPrometheusAndNoMonitoringPortIsOpenToAnyAddress() {
        List<SecurityGroupWalk.Rule> ingress = ingressOn(defaults, MonitoringFixtures.MONITORING_GROUP);
        assertThat(ingress).extracting(SecurityGroupWalk.Rule::from).containsExactlyInAnyOrder(3000, 9090);
        assertThat(ingress).allSatisfy(rule -> {
            assertThat(rule.cidr()).as("no CIDR, so nothing outside the VPC").isNull();
            assertThat(rule.peerGroup()).isEqualTo(MonitoringFixtures.BASTION_GROUP);
            assertThat(rule.to()).isEqualTo(rule.from());
        });
        // The bastion's matching egress rules name the monitoring host (its other egress is the usual all-out).
        assertThat(SecurityGroupWalk.egress(defaults.json()).stream()
                .filter(r -> r.group().equals(MonitoringFixtures.BASTION_GROUP) && r.peerGroup() != null))
                .extracting(SecurityGroupWalk.Rule::peerGroup, SecurityGroupWalk.Rule::from)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(MonitoringFixtures.MONITORING_GROUP, 3000),
                        org.assertj.core.groups.Tuple.tuple(MonitoringFixtures.MONITORING_GROUP, 9090));
    }

    @Test
    void theManagementPortIsOpenOnlyToTheLoadBalancerAndTheMonitoringHostAndTheAppPortOnlyToTheLoadBalancer() {
        List<SecurityGroupWalk.Rule> service = ingressOn(defaults, MonitoringFixtures.SERVICE_GROUP);
        assertThat(service.stream().filter(r -> covers(r, 8081)))
                .allSatisfy(r -> assertThat(r.cidr()).isNull())
                .extracting(SecurityGroupWalk.Rule::peerGroup)
                .containsExactlyInAnyOrder(MonitoringFixtures.ALB_GROUP, MonitoringFixtures.MONITORING_GROUP);
        assertThat(service.stream().filter(r -> covers(r, 8080)))
                .extracting(SecurityGroupWalk.Rule::peerGroup).containsExactly(MonitoringFixtures.ALB_GROUP);
        JsonNode rule = defaults.resource("aws_vpc_security_group_ingress_rule",
                "web_security-group_ingress-tcp-8081-from-monitoring");
        assertThat(rule.path("description").asText()).isEqualTo("Actuator (management port) from monitoring");
        // The monitoring host is never let in through the load balancer or on the app port.
        assertThat(SecurityGroupWalk.ingress(defaults.json()).stream()
                .filter(r -> MonitoringFixtures.MONITORING_GROUP.equals(r.peerGroup())))
                .extracting(SecurityGroupWalk.Rule::group, SecurityGroupWalk.Rule::from)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MonitoringFixtures.SERVICE_GROUP, 8081));
    }

    @Test
    void theWholeStackPassesTheSecurityGroupWalk() {
        assertThat(SecurityGroupWalk.violations(defaults.json())).isEmpty();
    }

    // --- configuration ---------------------------------------------------------------------------

    @Test
    void theUserDataStagesEveryFileAndRunsTheInstallScriptOnce() throws Exception {
        String userData = MonitoringFixtures.userData(defaults);
        assertThat(userData).startsWith("#cloud-config\n");
        Map<String, String> files = MonitoringFixtures.files(userData);
        assertThat(files.keySet()).containsExactly(
                "/etc/growstack/monitoring/prometheus.yml",
                "/etc/growstack/monitoring/prometheus.service",
                "/etc/growstack/monitoring/grafana.repo",
                "/etc/growstack/monitoring/grafana-server.conf",
                "/etc/growstack/monitoring/grafana-datasource.yaml",
                "/etc/growstack/monitoring/grafana-dashboards.yaml",
                "/etc/growstack/dashboards/web.json",
                "/usr/local/sbin/growstack-monitoring-install");
        assertThat(files.get("/etc/growstack/monitoring/prometheus.yml")).isEqualTo(block.prometheusConfig());
        assertThat(JSON.readTree(files.get("/etc/growstack/dashboards/web.json")))
                .isEqualTo(JSON.readTree(block.grafanaDashboard()));
        assertThat(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(userData).path("runcmd").toString())
                .isEqualTo("[\"/usr/local/sbin/growstack-monitoring-install\"]");
        assertThat(userData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThan(Monitoring.MAX_USER_DATA_BYTES);
    }

    @Test
    void theOnlyTerraformTemplateSyntaxInTheUserDataIsTheGroupNameReference() {
        String userData = MonitoringFixtures.userData(defaults);
        Set<String> references = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{[^}]*}").matcher(userData);
        while (m.find()) {
            references.add(m.group());
        }
        assertThat(references).containsExactly("${aws_autoscaling_group.web_group.name}");
        assertThat(userData).doesNotContain("%{");
    }

    @Test
    void sameInputGivesTheSameUserData() {
        Synthesized again = TestStacks.synthStack("monitoring-defaults-again", stack ->
                MonitoringFixtures.full(stack, b -> b.alarmEmails(List.of("oncall@example.com", "lead@example.com"))));
        assertThat(MonitoringFixtures.userData(again)).isEqualTo(MonitoringFixtures.userData(defaults));
    }

    // --- alarms ------------------------------------------------------------------------------------

    @Test
    void theGroupCpuAndBoth5xxAlarmsNotifyTheTopicAndEachAddressIsSubscribed() {
        String topic = "${aws_sns_topic.monitoring_alarms_topic.arn}";
        assertThat(defaults.resource("aws_sns_topic", "monitoring_alarms_topic").path("name").asText())
                .isEqualTo("test-dev-web-alarms");
        JsonNode cpu = defaults.resource("aws_cloudwatch_metric_alarm", "monitoring_alarms_cpu");
        assertThat(cpu.path("namespace").asText()).isEqualTo("AWS/EC2");
        assertThat(cpu.path("metric_name").asText()).isEqualTo("CPUUtilization");
        assertThat(cpu.path("dimensions").path("AutoScalingGroupName").asText())
                .isEqualTo("${aws_autoscaling_group.web_group.name}");
        assertThat(cpu.path("statistic").asText()).isEqualTo("Average");
        assertThat(cpu.path("threshold").asDouble()).isEqualTo(90.0);
        assertThat(cpu.path("comparison_operator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(cpu.path("period").asInt() * cpu.path("evaluation_periods").asInt()).isEqualTo(900);
        for (String name : List.of("elb-5xx", "target-5xx")) {
            JsonNode alarm = defaults.resource("aws_cloudwatch_metric_alarm", "monitoring_alarms_" + name);
            assertThat(alarm.path("namespace").asText()).isEqualTo("AWS/ApplicationELB");
            assertThat(alarm.path("dimensions").path("LoadBalancer").asText()).isEqualTo("${aws_lb.web_alb.arn_suffix}");
            assertThat(alarm.path("statistic").asText()).isEqualTo("Sum");
            assertThat(alarm.path("treat_missing_data").asText()).isEqualTo("notBreaching");
        }
        assertThat(defaults.resource("aws_cloudwatch_metric_alarm", "monitoring_alarms_elb-5xx").path("metric_name")
                .asText()).isEqualTo("HTTPCode_ELB_5XX_Count");
        assertThat(defaults.resource("aws_cloudwatch_metric_alarm", "monitoring_alarms_target-5xx").path("metric_name")
                .asText()).isEqualTo("HTTPCode_Target_5XX_Count");
        defaults.resources("aws_cloudwatch_metric_alarm").forEach(alarm -> {
            assertThat(alarm.path("alarm_actions").toString()).isEqualTo("[\"" + topic + "\"]");
            assertThat(alarm.path("ok_actions").toString()).isEqualTo("[\"" + topic + "\"]");
        });
        assertThat(defaults.count("aws_cloudwatch_metric_alarm")).isEqualTo(3);
        List<String> endpoints = new ArrayList<>();
        defaults.resources("aws_sns_topic_subscription").forEach(sub -> {
            assertThat(sub.path("protocol").asText()).isEqualTo("email");
            assertThat(sub.path("topic_arn").asText()).isEqualTo(topic);
            endpoints.add(sub.path("endpoint").asText());
        });
        assertThat(endpoints).containsExactly("oncall@example.com", "lead@example.com");
        assertThat(block.alarms()).isPresent();
    }

    @Test
    void theAlarmTopicIsEncryptedWithACustomerManagedKeyCloudWatchMayUse() throws Exception {
        // CloudWatch must be allowed to use the key, and the AWS managed alias/aws/sns cannot allow it:
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-encryption
        JsonNode topic = defaults.resource("aws_sns_topic", "monitoring_alarms_topic");
        assertThat(topic.path("kms_master_key_id").asText()).isEqualTo("${aws_kms_key.monitoring_alarms_topic-key.arn}");
        JsonNode key = defaults.resource("aws_kms_key", "monitoring_alarms_topic-key");
        assertThat(key.path("enable_key_rotation").asBoolean()).isTrue();
        assertThat(key.path("deletion_window_in_days").asInt()).isEqualTo(30);
        JsonNode keyPolicy = defaults.resource("aws_kms_key_policy", "monitoring_alarms_topic-key-policy");
        assertThat(keyPolicy.path("key_id").asText()).isEqualTo("${aws_kms_key.monitoring_alarms_topic-key.id}");
        JsonNode statements = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(keyPolicy.path("policy").asText()).path("Statement");
        assertThat(statements.get(0).path("Principal").path("AWS").asText())
                .isEqualTo("arn:aws:iam::${local.monitoring_alarms_account-id}:root");
        JsonNode cloudWatch = statements.get(1);
        assertThat(cloudWatch.path("Principal").path("Service").asText()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(cloudWatch.path("Action").toString()).isEqualTo("[\"kms:Decrypt\",\"kms:GenerateDataKey*\"]");
        assertThat(defaults.json().path("locals").path("monitoring_alarms_account-id").asText())
                .isEqualTo("${element(split(\":\", aws_sns_topic.monitoring_alarms_topic.arn), 4)}");
        assertThat(defaults.resource("aws_kms_alias", "monitoring_alarms_topic-key-alias").path("name").asText())
                .isEqualTo("alias/test-dev-web-alarms");
    }

    @Test
    void withAlarmsSwitchedOffThereIsNoTopicNorAlarm() {
        Synthesized s = TestStacks.synthStack("monitoring-no-alarms", stack ->
                MonitoringFixtures.full(stack, b -> b.alarms(false)));
        assertThat(s.count("aws_sns_topic")).isZero();
        assertThat(s.count("aws_cloudwatch_metric_alarm")).isZero();
        assertThat(s.json().path("output").has("monitoring_alarm_topic_arn")).isFalse();
    }

    // --- tunnel ------------------------------------------------------------------------------------

    @Test
    void theOutputsHoldTheTunnelCommandsWithTheStacksOwnAddresses() {
        JsonNode outputs = defaults.json().path("output");
        String ip = "${aws_instance.monitoring_host_instance.private_ip}";
        String bastion = "${aws_instance.bastion_host_instance.public_ip}";
        // The fixture's bastion has no key pair: SSH logs in with a key EC2 Instance Connect pushes first.
        // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-connect-methods.html
        assertThat(outputs.path("monitoring_grafana_tunnel").path("value").asText()).isEqualTo(
                "aws ec2-instance-connect send-ssh-public-key --region ap-northeast-2 --instance-id"
                        + " ${aws_instance.bastion_host_instance.id} --instance-os-user ec2-user --ssh-public-key"
                        + " file://~/.ssh/id_ed25519.pub && ssh -N -L 3000:" + ip + ":3000 -L 9090:" + ip
                        + ":9090 ec2-user@" + bastion);
        assertThat(outputs.path("monitoring_grafana_tunnel_ssm").path("value").asText()).isEqualTo(
                "aws ssm start-session --region ap-northeast-2 --target ${aws_instance.bastion_host_instance.id}"
                        + " --document-name AWS-StartPortForwardingSessionToRemoteHost --parameters"
                        + " '{\"host\":[\"" + ip + "\"],\"portNumber\":[\"3000\"],\"localPortNumber\":[\"3000\"]}'");
        assertThat(outputs.path("monitoring_private_ip").path("value").asText()).isEqualTo(ip);
        assertThat(outputs.path("monitoring_bastion_public_ip").path("value").asText()).isEqualTo(bastion);
        assertThat(outputs.path("monitoring_bastion_instance_id").path("value").asText())
                .isEqualTo("${aws_instance.bastion_host_instance.id}");
        assertThat(outputs.path("monitoring_alarm_topic_arn").path("value").asText())
                .isEqualTo("${aws_sns_topic.monitoring_alarms_topic.arn}");
        assertThat(block.grafanaTunnelCommand()).isEqualTo(outputs.path("monitoring_grafana_tunnel").path("value").asText());
        outputs.forEach(output -> assertThat(output.path("description").asText()).isNotBlank());
    }

    // --- bad input ----------------------------------------------------------------------------------

    @Test
    void withoutAPrometheusReleaseTheBlockAsksForThePublishedChecksum() {
        rejected("no-release", b -> b.prometheus(null), "app/monitoring: property 'prometheus' is missing: expected"
                + " PrometheusRelease.of(version, ARM64, sha256) with the SHA-256 published for"
                + " prometheus-<version>.linux-arm64.tar.gz in the release's sha256sums.txt; growstack ships no"
                + " unverified checksum");
    }

    @Test
    void anX86ReleaseOnAGravitonHostIsRejected() {
        rejected("wrong-arch", b -> b.prometheus(PrometheusRelease.LINUX_AMD64_3_9_1),
                "app/monitoring: property 'prometheus.architecture' is 'X86_64': expected ARM64 for instance type"
                        + " t4g.small, with the SHA-256 of prometheus-3.9.1.linux-arm64.tar.gz");
    }

    @Test
    void aMalformedReleaseIsBlamedOnTheMonitoringBlockThatUsesIt() {
        rejected("bad-sha", b -> b.prometheus(new PrometheusRelease("3.9.1", Architecture.ARM64, "ABC")),
                "app/monitoring: property 'prometheus.sha256' is 'ABC': expected the 64 lowercase hexadecimal digits"
                        + " published for prometheus-3.9.1.linux-arm64.tar.gz in the release's sha256sums.txt, or a"
                        + " Terraform reference such as a variable");
        rejected("factory-sha", b -> b.prometheus(PrometheusRelease.of("3.9.1", Architecture.ARM64, "sha256:abc")),
                "app/monitoring: property 'prometheus.sha256' is 'sha256:abc': expected the 64 lowercase hexadecimal"
                        + " digits published for prometheus-3.9.1.linux-arm64.tar.gz in the release's sha256sums.txt,"
                        + " or a Terraform reference such as a variable");
        rejected("factory-version", b -> b.prometheus(PrometheusRelease.of("v3.9.1", Architecture.ARM64,
                        MonitoringFixtures.TEST_SHA256)),
                "app/monitoring: property 'prometheus.version' is 'v3.9.1': expected a release number such as 3.9.1"
                        + " (without the leading v)");
        rejected("bad-fingerprint", b -> b.grafana(new GrafanaRelease("12.3.1", "B53A E77B")),
                "app/monitoring: property 'grafana.keyFingerprint' is 'B53A E77B': expected the 40 uppercase"
                        + " hexadecimal digits of an OpenPGP fingerprint without spaces, such as"
                        + " B53AE77BADB630A683046005963FA27710458545");
        rejected("factory-grafana", b -> b.grafana(GrafanaRelease.of("12.3", GrafanaRelease.GRAFANA_LABS_KEY_FINGERPRINT)),
                "app/monitoring: property 'grafana.version' is '12.3': expected a Grafana version such as 12.3.1");
    }

    @Test
    void theReleaseFactoriesNameANullArgument() {
        assertThatThrownBy(() -> PrometheusRelease.of("3.9.1", null, MonitoringFixtures.TEST_SHA256))
                .isInstanceOf(NullPointerException.class).hasMessage("architecture must not be null");
        assertThatThrownBy(() -> GrafanaRelease.of("12.3.1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("keyFingerprint must not be null");
    }

    @Test
    void anUnknownInstanceTypeOrAMismatchedImageIsRejected() {
        rejected("type", b -> b.instanceType("t4g.huge"), "app/monitoring: property 'instanceType' is 't4g.huge':"
                + " expected an EC2 instance type growstack knows, such as t4g.micro, t3.nano or m7g.large");
        rejected("image", b -> b.ami(TestStacks.X86_AMI), "app/monitoring: property 'ami' is"
                + " 'ami-0123456789abcdef0 (x86_64)': expected an arm64 image for instance type t4g.small");
    }

    @Test
    void storageSettingsOutOfRangeAreRejected() {
        rejected("retention", b -> b.retentionDays(0),
                "app/monitoring: property 'retentionDays' is '0': expected 1 to 3650 days");
        rejected("interval", b -> b.scrapeIntervalSeconds(1), "app/monitoring: property 'scrapeIntervalSeconds' is"
                + " '1': expected 5 to 300 seconds (Prometheus marks series stale after 5 minutes without a sample)");
        rejected("instances", b -> b.maxScrapedInstances(0), "app/monitoring: property 'maxScrapedInstances' is '0':"
                + " expected 1 to 100 instances (the service's maximum size)");
        rejected("series", b -> b.seriesPerInstance(10), "app/monitoring: property 'seriesPerInstance' is '10':"
                + " expected 100 to 1000000 series (a Spring Boot instance exposes a few thousand)");
        rejected("huge", b -> b.retentionDays(3650).maxScrapedInstances(100).seriesPerInstance(1_000_000),
                "app/monitoring: property 'retentionDays' is '3650': expected a retention whose estimated disk"
                        + " (7884090 GiB) fits one 16384 GiB volume; keep fewer days");
    }

    @Test
    void badAlarmSettingsAndJobNamesAreRejected() {
        rejected("email", b -> b.alarmEmails(List.of("oncall")),
                "app/monitoring: property 'alarmEmails' is 'oncall': expected an email address such as oncall@example.com");
        rejected("email-no-alarms", b -> b.alarms(false).alarmEmails(List.of("oncall@example.com")),
                "app/monitoring: property 'alarmEmails' is '[oncall@example.com]': expected no addresses when"
                        + " alarms(false): nothing would be sent to them");
        rejected("cpu", b -> b.cpuAlarmThresholdPercent(100), "app/monitoring: property 'cpuAlarmThresholdPercent'"
                + " is '100.0': expected a percentage above 0 and below 100");
        rejected("5xx", b -> b.http5xxAlarmThreshold(0), "app/monitoring: property 'http5xxAlarmThreshold' is '0':"
                + " expected at least 1 response a minute");
        rejected("job", b -> b.jobName("my job"), "app/monitoring: property 'jobName' is 'my job': expected 1-63"
                + " letters, digits, '_', '.' or '-' starting with a letter or digit");
    }

    @Test
    void userDataOfItsOwnIsRejectedBecauseTheHostsUserDataIsItsCloudConfig() {
        rejected("user-data", b -> b.userData("#!/bin/bash\n"), "app/monitoring: property 'userData' is"
                + " '#!/bin/bash\n': expected none: the monitoring host's user data is its Prometheus and Grafana"
                + " cloud-config");
    }

    @Test
    void aRootVolumeLargerThanTheRetentionNeedsIsKept() {
        AtomicReference<Monitoring> big = new AtomicReference<>();
        Synthesized s = TestStacks.synthStack("monitoring-big-disk", stack ->
                big.set(MonitoringFixtures.full(stack, b -> b.alarms(false).rootVolumeGb(100))));
        assertThat(big.get().rootVolumeGb()).isEqualTo(100);
        assertThat(block.rootVolumeGb()).isEqualTo(15);
        assertThat(s.resource("aws_instance", "monitoring_host_instance").path("root_block_device")
                .path("volume_size").asInt()).isEqualTo(100);
    }
}
