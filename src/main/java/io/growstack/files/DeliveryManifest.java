package io.growstack.files;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.growstack.core.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the generated files need to know about one delivery (a {@code Delivery} block), with the
 * stack's real names. The block writes it into the synthesized stack as the Terraform output
 * {@code growstack_delivery_<path>}, so the command line can render the files from
 * {@code cdk.tf.json} alone. Values only known after apply (role ARNs, the distribution id) are Terraform references
 * there; {@code terraform output -json} gives them resolved (see {@link #fromOutputs}).
 *
 * @param formatVersion           {@value #FORMAT_VERSION}
 * @param name                    the block's path below the stack, with hyphens ({@code api})
 * @param region                  the stack's region
 * @param style                   {@value #IN_PLACE}, {@value #BLUE_GREEN} or {@value #BLUE_GREEN_COPY_GROUP}
 * @param application             the CodeDeploy application
 * @param deploymentGroup         the deployment group
 * @param deploymentConfig        the deployment configuration's name
 * @param artifactBucket          the artifact bucket
 * @param artifactPrefix          the key prefix of bundles
 * @param serviceName             systemd unit, user and {@code /opt} folder on the hosts
 * @param appPort                 the application port
 * @param managementPort          the actuator port
 * @param healthCheckPath         the actuator health path
 * @param validateTimeoutSeconds  how long ValidateService waits for a healthy answer
 * @param javaVersion             the Java major version
 * @param buildCommand            the workflow's build command
 * @param jarPath                 the glob of the built jar
 * @param blueGroup               the blue (or only) Auto Scaling group; {@code null} for a server
 * @param greenGroup              the green group (blue/green only)
 * @param github                  the workflow identity, or {@code null}
 * @param site                    the static site, or {@code null}
 */
public record DeliveryManifest(int formatVersion, String name, String region, String style, String application,
                               String deploymentGroup, String deploymentConfig, String artifactBucket,
                               String artifactPrefix, String serviceName, int appPort, int managementPort,
                               String healthCheckPath, int validateTimeoutSeconds, int javaVersion,
                               String buildCommand, String jarPath, String blueGroup, String greenGroup,
                               Github github, Site site) {
    /** The version of this layout. */
    public static final int FORMAT_VERSION = 1;
    /** The prefix of the Terraform outputs that hold manifests. */
    public static final String OUTPUT_PREFIX = "growstack_delivery_";
    /** {@link #style()} of a deployment in place (a server, or a service's one group). */
    public static final String IN_PLACE = "IN_PLACE";
    /** {@link #style()} of the blue/green deployment between two Terraform-owned groups. */
    public static final String BLUE_GREEN = "BLUE_GREEN";
    /** {@link #style()} of CodeDeploy's blue/green that copies the group (Terraform loses track of it). */
    public static final String BLUE_GREEN_COPY_GROUP = "BLUE_GREEN_COPY_GROUP";

    private static final ObjectMapper READER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    /**
     * The GitHub side.
     *
     * @param repository    {@code owner/name}, or {@code null} for a wildcard subject
     * @param branch        the branch pushes to which deploy, or {@code null}
     * @param environment   the deployment environment the job runs in, or {@code null}
     * @param subject       the {@code sub} the deploy role trusts
     * @param deployRoleArn the deploy role's ARN (a reference before apply)
     * @param planRoleArn   the plan role's ARN, or {@code null}
     */
    public record Github(String repository, String branch, String environment, String subject,
                         String deployRoleArn, String planRoleArn) {
    }

    /**
     * The static site the workflow publishes.
     *
     * @param bucket         the site's bucket
     * @param distributionId the CloudFront distribution (a reference before apply)
     * @param buildCommand   how the site is built
     * @param directory      what the build writes
     */
    public record Site(String bucket, String distributionId, String buildCommand, String directory) {
    }

    /** Whether this is the Terraform-safe blue/green style. */
    @JsonIgnore
    public boolean isBlueGreen() {
        return BLUE_GREEN.equals(style);
    }

    /** Reads one manifest from its output value. */
    public static DeliveryManifest fromJson(JsonNode value) {
        try {
            return READER.treeToValue(value, DeliveryManifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a growstack delivery manifest: " + e.getOriginalMessage(), e);
        }
    }

    /** Every manifest in a synthesized stack ({@code cdk.tf.json}), in output-name order. */
    public static List<DeliveryManifest> fromStack(JsonNode stack) {
        Args.notNull(stack, "stack");
        return fromOutputValues(stack.path("output"));
    }

    /**
     * Every manifest in the output of {@code terraform output -json}, where references are resolved to
     * the real ARNs and ids, in output-name order.
     */
    public static List<DeliveryManifest> fromOutputs(JsonNode terraformOutputs) {
        Args.notNull(terraformOutputs, "terraformOutputs");
        return fromOutputValues(terraformOutputs);
    }

    // Both shapes key outputs by name, each holding its value under "value".
    private static List<DeliveryManifest> fromOutputValues(JsonNode outputs) {
        List<DeliveryManifest> found = new ArrayList<>();
        List<String> names = new ArrayList<>();
        outputs.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        for (String name : names) {
            if (name.startsWith(OUTPUT_PREFIX)) {
                found.add(fromJson(outputs.path(name).path("value")));
            }
        }
        return found;
    }

    /** This manifest as the map the Terraform output holds (snake_case keys, empty values left out). */
    public Map<String, Object> toOutputValue() {
        return io.growstack.core.Json.attributes(this);
    }

    static boolean isReference(String value) {
        return value != null && value.contains("${");
    }
}
