package io.growstack.monitoring;

import io.growstack.aws.CloudwatchMetricAlarm;
import io.growstack.aws.KmsAlias;
import io.growstack.aws.KmsKey;
import io.growstack.aws.KmsKeyPolicy;
import io.growstack.aws.SnsTopic;
import io.growstack.aws.SnsTopicSubscription;
import io.growstack.core.ConstructPaths;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.Local;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * CloudWatch alarms of a service and the SNS topic they notify (on alarm and on recovery): one per
 * Auto Scaling group on its average CPU, one on the load balancer's own 5xx responses
 * ({@code HTTPCode_ELB_5XX_Count}: no healthy target, a timeout) and one on the 5xx the instances return
 * ({@code HTTPCode_Target_5XX_Count}). They work while the monitoring host is down, which is the
 * point of keeping them in CloudWatch.
 *
 * <p>The topic is not encrypted with a KMS key: CloudWatch can publish to an encrypted topic only
 * through a customer managed key whose policy admits it (not the AWS managed {@code alias/aws/sns}
 * key), and an alarm carries no secret. Email subscriptions stay pending until confirmed.
 */
public final class Alarms extends Construct {
    /** CPU is judged over {@value} minutes of five-minute averages (EC2's basic monitoring). */
    public static final int CPU_PERIOD_SECONDS = 300;
    /** Consecutive CPU periods above the threshold: fifteen minutes during which scaling did not help. */
    public static final int CPU_EVALUATION_PERIODS = 3;
    /** 5xx responses are counted per minute ... */
    public static final int HTTP_5XX_PERIOD_SECONDS = 60;
    /** Days between scheduling the topic key's deletion and its deletion (AWS allows 7..30). */
    public static final int KEY_DELETION_WINDOW_DAYS = 30;
    /** ... and three bad minutes out of five raise the alarm. */
    public static final int HTTP_5XX_DATAPOINTS = 3;
    /** The window the 5xx datapoints are taken from. */
    public static final int HTTP_5XX_EVALUATION_PERIODS = 5;

    private final Resource topic;
    private final Resource key;
    private final List<Resource> subscriptions = new ArrayList<>();
    private final List<Resource> cpuAlarms = new ArrayList<>();
    private final Resource loadBalancer5xx;
    private final Resource target5xx;

    /**
     * The topic {@code <name>-alarms} and the alarms {@code <name>-cpu[-n]}, {@code <name>-elb-5xx},
     * {@code <name>-target-5xx}.
     */
    Alarms(Construct scope, String id, String name, List<String> groupNames, String loadBalancerArnSuffix,
           List<String> emails, double cpuThresholdPercent, int http5xxThreshold) {
        super(Ids.check(scope, id), id);
        Ids.created(this);
        // Encrypted with a customer managed key: CloudWatch cannot use the AWS managed alias/aws/sns (its
        // policy cannot be changed), and alarms to a topic it cannot encrypt for are silently dropped.
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-encryption
        this.key = new Resource(this, "topic-key", new KmsKey("Encrypts the alarm topic " + name + "-alarms",
                true, KEY_DELETION_WINDOW_DAYS, null, Map.of("Name", name + "-alarms")));
        new Resource(this, "topic-key-alias", new KmsAlias("alias/" + name + "-alarms", key.attr("key_id")));
        this.topic = new Resource(this, "topic", new SnsTopic(name + "-alarms", "Alarms of " + name, key.attr("arn"),
                null, Map.of("Name", name + "-alarms")));
        // The policy is its own resource because it names the account, which only the topic's ARN tells
        // without an API lookup (the offline plan has none); key -> topic -> policy has no cycle.
        String partition = GrowStack.of(this).partition();
        // A local, because the expression's quotes cannot sit inside the policy's JSON string.
        String account = new Local(this, "account", localName(this, "account-id"),
                "${element(split(\":\", " + topic.address() + ".arn), 4)}").ref();
        new Resource(this, "topic-key-policy", new KmsKeyPolicy(key.attr("id"), PolicyStatement.document(List.of(
                PolicyStatement.allowAws("AccountAdministers", List.of("arn:" + partition + ":iam::" + account + ":root"),
                        List.of("kms:*"), List.of("*")),
                PolicyStatement.allowService("CloudWatchPublishesAlarms", "cloudwatch.amazonaws.com",
                        List.of("kms:Decrypt", "kms:GenerateDataKey*"), List.of("*"))
                        .withCondition("StringEquals", "aws:SourceAccount", account)))));
        List<String> actions = List.of(topic.attr("arn"));
        for (int i = 0; i < emails.size(); i++) {
            subscriptions.add(new Resource(this, "email-" + (i + 1),
                    new SnsTopicSubscription(topic.attr("arn"), "email", emails.get(i))));
        }
        for (int i = 0; i < groupNames.size(); i++) {
            String suffix = i == 0 ? "" : "-" + (i + 1);
            cpuAlarms.add(new Resource(this, "cpu" + suffix, new CloudwatchMetricAlarm(
                    name + "-cpu" + suffix,
                    "Average CPU of the group above " + format(cpuThresholdPercent) + " % for "
                            + CPU_EVALUATION_PERIODS * CPU_PERIOD_SECONDS / 60 + " minutes: scaling did not bring it"
                            + " down (at maximum size, or instances busy starting). Check the Grafana dashboard.",
                    "AWS/EC2", "CPUUtilization", Map.of("AutoScalingGroupName", groupNames.get(i)),
                    "Average", CPU_PERIOD_SECONDS, CPU_EVALUATION_PERIODS, CPU_EVALUATION_PERIODS,
                    cpuThresholdPercent, "GreaterThanThreshold", "missing", true, actions, actions,
                    Map.of("Name", name + "-cpu" + suffix))));
        }
        this.loadBalancer5xx = new Resource(this, "elb-5xx", http5xx(name + "-elb-5xx", "HTTPCode_ELB_5XX_Count",
                "The load balancer itself answered 5xx (no healthy target, or a target timed out) "
                        + http5xxThreshold + " or more times a minute.", loadBalancerArnSuffix, http5xxThreshold, actions));
        this.target5xx = new Resource(this, "target-5xx", http5xx(name + "-target-5xx", "HTTPCode_Target_5XX_Count",
                "The instances answered 5xx " + http5xxThreshold + " or more times a minute.", loadBalancerArnSuffix,
                http5xxThreshold, actions));
    }

    private static CloudwatchMetricAlarm http5xx(String alarmName, String metric, String description,
                                                 String loadBalancerArnSuffix, int threshold, List<String> actions) {
        // No requests means no datapoint, which is not a failure.
        return new CloudwatchMetricAlarm(alarmName, description + " Three of five minutes.", "AWS/ApplicationELB",
                metric, Map.of("LoadBalancer", loadBalancerArnSuffix), "Sum", HTTP_5XX_PERIOD_SECONDS,
                HTTP_5XX_EVALUATION_PERIODS, HTTP_5XX_DATAPOINTS, (double) threshold,
                "GreaterThanOrEqualToThreshold", "notBreaching", true, actions, actions, Map.of("Name", alarmName));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The {@code aws_sns_topic}. */
    public Resource topic() {
        return topic;
    }

    /** The customer managed {@code aws_kms_key} that encrypts the topic. */
    public Resource topicKey() {
        return key;
    }

    /** The topic's ARN (a reference), to subscribe other endpoints. */
    public String topicArn() {
        return topic.attr("arn");
    }

    /** The email {@code aws_sns_topic_subscription} resources, in the order given. */
    public List<Resource> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** One CPU {@code aws_cloudwatch_metric_alarm} per Auto Scaling group. */
    public List<Resource> cpuAlarms() {
        return List.copyOf(cpuAlarms);
    }

    /** The alarm on the load balancer's own 5xx responses. */
    public Resource loadBalancer5xxAlarm() {
        return loadBalancer5xx;
    }

    /** The alarm on the 5xx responses of the instances. */
    public Resource target5xxAlarm() {
        return target5xx;
    }

    // Local names are stack-wide: the construct path below the stack keeps two blocks' locals apart.
    private static String localName(Construct scope, String name) {
        String path = ConstructPaths.path(scope);
        int slash = path.indexOf('/');
        return (slash < 0 ? "" : path.substring(slash + 1).replace('/', '_') + "_") + name;
    }
}
