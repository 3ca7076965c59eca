package io.growstack.files;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.growstack.core.Yaml;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code prometheus.yml}: Prometheus scrapes itself and, through EC2 service discovery, every running
 * instance of the service's Auto Scaling groups on the management port at
 * {@value #METRICS_PATH}.
 *
 * <p>Discovery asks the EC2 API of the stack's region (always written: the SDK's own region lookup
 * would depend on the host) for instances tagged {@value #GROUP_TAG} with one of the groups' names;
 * AWS adds that tag to every instance a group launches, so no tag has to be maintained. The
 * discovered private address is relabelled to {@code <private ip>:<management port>}, and the
 * instance id, group and zone become the {@code instance}, {@code autoscaling_group} and
 * {@code availability_zone} labels the dashboard groups by.
 */
public final class PrometheusConfig {
    /** Prometheus's own listen port, which it scrapes itself on. */
    public static final int PORT = 9090;
    /** Where Spring Boot's Micrometer Prometheus registry is served (actuator base path + endpoint). */
    public static final String METRICS_PATH = "/actuator/prometheus";
    /** The tag AWS puts on every instance an Auto Scaling group launches. */
    public static final String GROUP_TAG = "aws:autoscaling:groupName";
    /** Prometheus's name for the discovered tag (characters outside [a-zA-Z0-9_] become _). */
    public static final String GROUP_TAG_LABEL = "__meta_ec2_tag_aws_autoscaling_groupName";
    /** How often the instance list is refreshed: new instances are scraped within a minute. */
    public static final int DISCOVERY_REFRESH_SECONDS = 60;

    private PrometheusConfig() {
    }

    @JsonPropertyOrder({"global", "scrapeConfigs"})
    record Document(Global global, List<ScrapeConfig> scrapeConfigs) {
    }

    @JsonPropertyOrder({"scrapeInterval", "evaluationInterval"})
    record Global(String scrapeInterval, String evaluationInterval) {
    }

    @JsonPropertyOrder({"jobName", "metricsPath", "staticConfigs", "ec2SdConfigs", "relabelConfigs"})
    record ScrapeConfig(String jobName, String metricsPath, List<StaticConfig> staticConfigs,
                        List<Ec2SdConfig> ec2SdConfigs, List<RelabelConfig> relabelConfigs) {
    }

    record StaticConfig(List<String> targets) {
    }

    @JsonPropertyOrder({"region", "port", "refreshInterval", "filters"})
    record Ec2SdConfig(String region, Integer port, String refreshInterval, List<Filter> filters) {
    }

    @JsonPropertyOrder({"name", "values"})
    record Filter(String name, List<String> values) {
    }

    @JsonPropertyOrder({"sourceLabels", "regex", "targetLabel", "replacement"})
    record RelabelConfig(List<String> sourceLabels, String regex, String targetLabel, String replacement) {
    }

    /**
     * The configuration text.
     *
     * @param jobName         the {@code job} label of the service's targets
     * @param region          the stack's region
     * @param groupNames      the Auto Scaling group names (values or Terraform references)
     * @param managementPort  the actuator port
     * @param scrapeInterval  seconds between scrapes
     */
    public static String render(String jobName, String region, List<String> groupNames, int managementPort,
                         int scrapeInterval) {
        String interval = scrapeInterval + "s";
        List<RelabelConfig> relabel = new ArrayList<>();
        // "$1" without braces: the file travels inside Terraform-templated user data, where "${" means
        // interpolation. Go's regexp expansion reads "$1:" as group 1 followed by a colon.
        relabel.add(new RelabelConfig(List.of("__meta_ec2_private_ip"), "(.+)", "__address__",
                "$1:" + managementPort));
        relabel.add(new RelabelConfig(List.of("__meta_ec2_instance_id"), null, "instance", null));
        relabel.add(new RelabelConfig(List.of(GROUP_TAG_LABEL), null, "autoscaling_group", null));
        relabel.add(new RelabelConfig(List.of("__meta_ec2_availability_zone"), null, "availability_zone", null));
        Document document = new Document(
                new Global(interval, interval),
                List.of(new ScrapeConfig("prometheus", null,
                                List.of(new StaticConfig(List.of("localhost:" + PORT))), null, null),
                        new ScrapeConfig(jobName, METRICS_PATH, null,
                                List.of(new Ec2SdConfig(region, managementPort, DISCOVERY_REFRESH_SECONDS + "s",
                                        List.of(new Filter("tag:" + GROUP_TAG, groupNames),
                                                new Filter("instance-state-name", List.of("running"))))),
                                relabel)));
        return Yaml.write(Yaml.SNAKE, document, "prometheus.yml");
    }
}
