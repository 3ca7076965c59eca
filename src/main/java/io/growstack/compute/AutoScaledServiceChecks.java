package io.growstack.compute;

import io.growstack.core.AwsNames;
import io.growstack.core.GrowStack;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import io.growstack.network.INetwork;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import software.constructs.Construct;

/** The checks of an {@link AutoScaledService}'s own settings (the host's are {@link io.growstack.host.Host}'s). */
final class AutoScaledServiceChecks {
    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    /**
     * The HTTPS listener policies Elastic Load Balancing publishes for Application Load Balancers
     * (Elastic Load Balancing User Guide, "Security policies for your Application Load Balancer";
     * {@code aws elbv2 describe-ssl-policies}), as of 2025-10. A policy AWS adds later can be passed
     * as a Terraform reference (a variable), which is not checked.
     */
    static final List<String> SSL_POLICIES = List.of(
            "ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
            "ELBSecurityPolicy-TLS13-1-1-2021-06", "ELBSecurityPolicy-TLS13-1-0-2021-06",
            "ELBSecurityPolicy-TLS13-1-3-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
            "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
            "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
            "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
            "ELBSecurityPolicy-FS-1-2-Res-2020-10", "ELBSecurityPolicy-FS-1-2-Res-2019-08",
            "ELBSecurityPolicy-FS-1-2-2019-08", "ELBSecurityPolicy-FS-1-1-2019-08", "ELBSecurityPolicy-FS-2018-06",
            "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "ELBSecurityPolicy-TLS-1-2-2017-01",
            "ELBSecurityPolicy-TLS-1-1-2017-01", "ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS-1-0-2015-04",
            "ELBSecurityPolicy-2015-05");
    private static final Pattern CERTIFICATE_ARN =
            Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[A-Za-z0-9-]+");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final Construct scope;

    AutoScaledServiceChecks(Construct scope) {
        this.scope = scope;
    }

    /** The load balancer's name {@code <prefix>-<id>}, or a rejection of an id that does not fit. */
    String name(String prefix, String id) {
        int room = AutoScaledService.MAX_NAME_LENGTH - prefix.length() - 1;
        if (!ID.matcher(id).matches() || id.length() > room) {
            throw ValidationException.of(scope, "id", id, "expected at most " + room
                    + " lowercase letters, digits or hyphens, so that the load balancer and target group name "
                    + prefix + "-" + id + " fits AWS's " + AutoScaledService.MAX_NAME_LENGTH + " characters");
        }
        return AwsNames.loadBalancer(scope, "id", prefix + "-" + id);
    }

    void network(INetwork network, List<String> publicSubnets, List<String> privateSubnets) {
        String expected = "expected public subnets in at least two availability zones"
                + " (an application load balancer needs two)";
        if (publicSubnets.size() < 2) {
            throw ValidationException.of(scope, "network", "public subnets " + publicSubnets, expected);
        }
        List<String> zones = network.availabilityZones();
        if (zones.size() >= publicSubnets.size()) {
            List<String> used = zones.subList(0, publicSubnets.size());
            if (used.stream().noneMatch(Tokens::containsReference) && new LinkedHashSet<>(used).size() < 2) {
                throw ValidationException.of(scope, "network", "public subnets in zones " + used, expected);
            }
        }
        if (privateSubnets.isEmpty()) {
            throw ValidationException.of(scope, "network", "no private subnets",
                    "expected a network with private subnets; the instances run there, out of the internet's reach");
        }
    }

    void ports(AutoScaledServiceProps props) {
        port("appPort", props.appPort);
        port("managementPort", props.managementPort);
        if (props.managementPort == props.appPort) {
            throw ValidationException.of(scope, "managementPort", props.managementPort,
                    "expected a port other than appPort " + props.appPort
                            + ", so the load balancer never serves the actuator to the internet");
        }
    }

    private void port(String property, int port) {
        ValidationException.requireBetween(scope, property, port, 1, 65535, "expected a TCP port from 1 to 65535");
    }

    void healthCheck(AutoScaledServiceProps props) {
        String path = props.healthCheckPath;
        if (path == null || !path.startsWith("/") || path.length() > 1024) {
            throw ValidationException.of(scope, "healthCheckPath", path,
                    "expected a path starting with /, such as " + AutoScaledServiceProps.DEFAULT_HEALTH_CHECK_PATH);
        }
        int interval = props.healthCheckIntervalSeconds;
        if (interval <= AutoScaledService.HEALTH_CHECK_TIMEOUT_SECONDS || interval > 300) {
            throw ValidationException.of(scope, "healthCheckIntervalSeconds", interval,
                    "expected " + (AutoScaledService.HEALTH_CHECK_TIMEOUT_SECONDS + 1) + " to 300 seconds (longer than the "
                            + AutoScaledService.HEALTH_CHECK_TIMEOUT_SECONDS + " s timeout)");
        }
        ValidationException.requireBetween(scope, "healthCheckGracePeriodSeconds", props.healthCheckGracePeriodSeconds,
                0, 7200, "expected 0 to 7200 seconds");
        ValidationException.requireBetween(scope, "deregistrationDelaySeconds", props.deregistrationDelaySeconds,
                0, 3600, "expected 0 to 3600 seconds");
    }

    void capacity(AutoScaledServiceProps props) {
        int limit = AutoScaledServiceProps.MAX_SIZE_LIMIT;
        if (props.maxSize < 1 || props.maxSize > limit) {
            throw ValidationException.of(scope, "maxSize", props.maxSize, "expected 1 to " + limit
                    + " instances (a larger group is more likely a typo than a plan)");
        }
        if (props.minSize < 0 || props.minSize > props.maxSize) {
            throw ValidationException.of(scope, "minSize", props.minSize,
                    "expected 0 to maxSize " + props.maxSize);
        }
        if (props.desiredCapacity < props.minSize || props.desiredCapacity > props.maxSize) {
            throw ValidationException.of(scope, "desiredCapacity", props.desiredCapacity,
                    "expected minSize " + props.minSize + " to maxSize " + props.maxSize);
        }
        double cpu = props.cpuTargetUtilizationPercent;
        if (!(cpu > 0 && cpu <= 100)) {
            throw ValidationException.of(scope, "cpuTargetUtilizationPercent", cpu,
                    "expected a percentage above 0 and at most 100");
        }
    }

    void listenerAndLogs(AutoScaledServiceProps props) {
        String arn = props.certificateArn;
        if (arn != null && !Tokens.containsReference(arn) && !CERTIFICATE_ARN.matcher(arn).matches()) {
            throw ValidationException.of(scope, "certificateArn", arn, "expected an ACM certificate ARN such as"
                    + " arn:aws:acm:ap-northeast-2:123456789012:certificate/<uuid>");
        }
        // An ALB listener takes only a certificate from ACM in the load balancer's own region
        // (Elastic Load Balancing User Guide, "SSL certificates for your Application Load Balancer").
        String region = GrowStack.of(scope).region();
        java.util.Optional<String> certificateRegion = io.growstack.core.Arns.certificateRegion(arn);
        if (certificateRegion.isPresent() && !certificateRegion.get().equals(region)) {
            throw ValidationException.of(scope, "certificateArn", arn, "expected a certificate in " + region
                    + ", the load balancer's region (this one is in " + certificateRegion.get()
                    + "; only CloudFront uses us-east-1 certificates)");
        }
        if (arn != null && (props.sslPolicy == null || (!Tokens.containsReference(props.sslPolicy)
                && !SSL_POLICIES.contains(props.sslPolicy)))) {
            throw ValidationException.of(scope, "sslPolicy", props.sslPolicy,
                    "expected a security policy Elastic Load Balancing publishes, such as "
                            + AutoScaledServiceProps.DEFAULT_SSL_POLICY + " (growstack's list as of 2025-10: "
                            + String.join(", ", SSL_POLICIES) + ")");
        }
        String bucket = props.accessLogsBucket;
        if (bucket != null && !Tokens.containsReference(bucket) && !BUCKET.matcher(bucket).matches()) {
            throw ValidationException.of(scope, "accessLogsBucket", bucket,
                    "expected an S3 bucket name (3-63 lowercase letters, digits, dots or hyphens)");
        }
    }
}
