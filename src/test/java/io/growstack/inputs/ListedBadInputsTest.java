package io.growstack.inputs;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.App;
import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.compute.ReverseProxy;
import io.growstack.compute.ReverseProxyProps;
import io.growstack.compute.Server;
import io.growstack.compute.ServerProps;
import io.growstack.core.Ami;
import io.growstack.core.Architecture;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.StateBackend;
import io.growstack.core.Synthesizer;
import io.growstack.core.ValidationException;
import io.growstack.data.Cache;
import io.growstack.data.CacheProps;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.delivery.Delivery;
import io.growstack.delivery.DeliveryProps;
import io.growstack.delivery.DeliveryTarget;
import io.growstack.monitoring.Monitoring;
import io.growstack.monitoring.MonitoringProps;
import io.growstack.monitoring.PrometheusRelease;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.review.Review;
import io.growstack.testing.TestStacks;
import io.growstack.web.StaticSite;
import io.growstack.web.StaticSiteProps;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

/**
 * The cases a probe of bad and edge inputs found leaking or unclear (issue 15), each with the
 * exact message it now gets, or the stack it is accepted as.
 */
class ListedBadInputsTest {
    private static final String SHA = "0000000000000000000000000000000000000000000000000000000000000001";
    private static final String CERTIFICATE_SEOUL =
            "arn:aws:acm:ap-northeast-2:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    private static final String CERTIFICATE_VIRGINIA =
            "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    private static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    private static void rejectedApp(Consumer<App> program, String message) {
        assertThatThrownBy(() -> Synthesizer.synth(TestStacks.freshDir("listed-app"), program))
                .isInstanceOf(ValidationException.class).hasMessage(message);
    }

    // --- other exceptions -----------------------------------------------------------------------------

    @Test
    void aDuplicateConstructIdIsOurErrorNotAJavaScriptTrace() {
        assertRejected("dup-id", stack -> {
            new Network(stack, "network");
            new Network(stack, "network");
        }, "app/network: property 'id' is 'network': expected an id not yet used under app: a construct 'network'"
                + " is already there");
    }

    @Test
    void aDuplicateIdUnderABlockIsOurError() {
        // Under a block growstack knows every id it used without asking cdktf's Node process.
        assertRejected("dup-in-block", stack -> {
            Network network = network(stack);
            new io.growstack.web.PrivateBucket(network, "logs");
            new io.growstack.web.PrivateBucket(network, "logs");
        }, "app/network/logs: property 'id' is 'logs': expected an id not yet used under app/network: a construct"
                + " 'logs' is already there");
    }

    @Test
    void anIdAUsersOwnConstructTookUnderABlockIsOurErrorToo() {
        // The constructs library refuses it (growstack did not make that construct); synth words it.
        assertRejected("user-took-id", stack -> {
            Network network = network(stack);
            new Construct(network, "logs");
            new io.growstack.web.PrivateBucket(network, "logs");
        }, "app/network/logs: property 'id' is 'logs': expected an id not yet used under app/network: a construct"
                + " 'logs' is already there");
    }

    @Test
    void aDuplicateStackIdIsOurError() {
        rejectedApp(app -> {
            new GrowStack(app, "prod", GrowStackProps.builder("ap-northeast-2").build());
            new GrowStack(app, "prod", GrowStackProps.builder("ap-northeast-2").build());
        }, "prod: property 'id' is 'prod': expected an id not yet used under the app: a construct 'prod' is already"
                + " there");
    }

    @Test
    void anEmptyIdIsOurError() {
        assertRejected("empty-id", stack -> new Network(stack, ""),
                "app: property 'id' is '': expected a non-empty construct id (it becomes part of Terraform addresses)");
    }

    @Test
    void anIdTerraformCannotNameIsOurError() {
        // Found by the names property: a '.' in a bucket's id made Terraform reject the resource names.
        assertRejected("dot-id", stack -> new io.growstack.web.PrivateBucket(stack, "b9.bucket"),
                "app/b9.bucket: property 'id' is 'b9.bucket': expected letters, digits, '_' or '-' only (it becomes"
                        + " part of Terraform addresses such as aws_vpc.network_vpc)");
        assertRejected("digit-id", stack -> new Network(stack, "9net"),
                "app/9net: property 'id' is '9net': expected an id starting with a letter or '_' (Terraform names its"
                        + " resources after it)");
    }

    @Test
    void nullPropsAndBuilderArgumentsNameTheArgument() {
        assertThatThrownBy(() -> TestStacks.synthStack("null-props", stack -> new Bastion(stack, "bastion", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("null-props/bastion: props must not be null");
        assertThatThrownBy(() -> BastionProps.builder(null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("network must not be null");
        assertThatThrownBy(() -> NetworkProps.builder().publicSubnetCidrs(Arrays.asList("10.0.0.0/24", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("publicSubnetCidrs[1] must not be null");
        assertThatThrownBy(() -> TestStacks.synthStack("null-id", stack -> new Network(stack, null)))
                .isInstanceOf(NullPointerException.class).hasMessage("null-id: id must not be null");
    }

    @Test
    void anS3BackendWithoutABucketOrKeyIsOurError() {
        rejectedApp(app -> new GrowStack(app, "prod", GrowStackProps.builder("ap-northeast-2")
                        .backend(StateBackend.s3(null, "prod.tfstate", "ap-northeast-2")).build()),
                "prod: property 'backend.bucket' is missing: expected the name of an existing S3 bucket: 3-63"
                        + " lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit");
        rejectedApp(app -> new GrowStack(app, "prod", GrowStackProps.builder("ap-northeast-2")
                        .backend(StateBackend.s3("", "prod.tfstate", "ap-northeast-2")).build()),
                "prod: property 'backend.bucket' is '': expected the name of an existing S3 bucket: 3-63"
                        + " lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit");
        rejectedApp(app -> new GrowStack(app, "prod", GrowStackProps.builder("ap-northeast-2")
                        .backend(StateBackend.s3("shop-state", "", "ap-northeast-2")).build()),
                "prod: property 'backend.key' is '': expected an object key such as shop/prod/terraform.tfstate (not"
                        + " empty, no leading or trailing '/')");
    }

    @Test
    void explicitPublicSubnetsThatPushPrivateOnesPastTheVpcAreOurError() {
        assertRejected("carve-overflow", stack -> new Network(stack, "network", NetworkProps.builder()
                        .cidr("10.0.0.0/24").subnetPrefix(26).azCount(3)
                        .publicSubnetCidrs(List.of("10.0.0.0/28", "10.0.0.16/28", "10.0.0.32/28")).build()),
                "app/network: property 'cidr' is '10.0.0.0/24': expected room for 3 private /26 subnets in the upper"
                        + " half of the VPC, which holds 2; use a larger VPC or a longer subnetPrefix, or give"
                        + " privateSubnetCidrs");
    }

    @Test
    void aBlockOutsideAGrowStackIsOurError() {
        rejectedApp(app -> new Network(new Construct(app, "plain"), "network"),
                "plain/network: property 'scope' is 'plain': expected a GrowStack or a construct inside one, such as"
                        + " new GrowStack(app, \"prod\", GrowStackProps.builder(\"ap-northeast-2\").build())");
    }

    // --- accepted, but terraform validate or AWS would reject ------------------------------------------

    @Test
    void aManagedPolicyArnThatIsNotAnArnIsRejected() {
        assertRejected("policy-arn", stack -> new Server(stack, "api", ServerProps.builder(network(stack))
                        .ami(TestStacks.ARM_AMI).managedPolicyArns(List.of("not-an-arn")).build()),
                "app/api: property 'managedPolicyArns' is 'not-an-arn': expected an IAM managed policy ARN such as"
                        + " arn:aws:iam::aws:policy/ReadOnlyAccess or arn:aws:iam::123456789012:policy/my-policy");
    }

    @Test
    void aZoneTheRegionDoesNotHaveIsRejected() {
        assertRejected("zone-z", stack -> new Network(stack, "network", NetworkProps.builder()
                        .availabilityZones(List.of("ap-northeast-2a", "ap-northeast-2z")).build()),
                "app/network: property 'availabilityZones' is 'ap-northeast-2z': expected a zone that exists in"
                        + " ap-northeast-2: ap-northeast-2a, ap-northeast-2b, ap-northeast-2c, ap-northeast-2d"
                        + " (growstack's list as of 2025-10; name a newer zone in the context key"
                        + " growstack:knownZones)");
    }

    @Test
    void aZoneNamedInTheContextIsAccepted() {
        TestStacks.Synthesized s = TestStacks.synth("zone-context", app -> {
            app.getNode().setContext(GrowStack.CONTEXT_KNOWN_ZONES, List.of("ap-northeast-2e"));
            GrowStack stack = TestStacks.stack(app, "app");
            new Network(stack, "network", NetworkProps.builder()
                    .availabilityZones(List.of("ap-northeast-2a", "ap-northeast-2e")).nat(NatProvider.none()).build());
        });
        assertThat(s.resource("aws_subnet", "network_public-subnet-2").path("availability_zone").asText())
                .isEqualTo("ap-northeast-2e");
    }

    @Test
    void aRegionNamedThroughItsZonesInTheContextIsAccepted() {
        TestStacks.Synthesized s = TestStacks.synth("region-context", app -> {
            app.getNode().setContext(GrowStack.CONTEXT_KNOWN_ZONES, List.of("xx-east-1a", "xx-east-1b"));
            new GrowStack(app, "app", GrowStackProps.builder("xx-east-1").project("test").build());
        });
        assertThat(s.json().path("provider").path("aws").get(0).path("region").asText()).isEqualTo("xx-east-1");
    }

    @Test
    void anSslPolicyAwsDoesNotPublishIsRejected() {
        assertRejected("ssl-policy", stack -> new AutoScaledService(stack, "web",
                        AutoScaledServiceProps.builder(network(stack)).ami(TestStacks.ARM_AMI)
                                .certificateArn(CERTIFICATE_SEOUL).sslPolicy("ELBSecurityPolicy-TLS13-9-9-2099-01")
                                .build()),
                "app/web: property 'sslPolicy' is 'ELBSecurityPolicy-TLS13-9-9-2099-01': expected a security policy"
                        + " Elastic Load Balancing publishes, such as ELBSecurityPolicy-TLS13-1-2-2021-06 (growstack's"
                        + " list as of 2025-10: " + String.join(", ", sslPolicies()) + ")");
    }

    private static List<String> sslPolicies() {
        try {
            var field = Class.forName("io.growstack.compute.AutoScaledServiceChecks").getDeclaredField("SSL_POLICIES");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<String> policies = (List<String>) field.get(null);
            return policies;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCertificateFromAnotherRegionIsRejectedOnTheLoadBalancer() {
        assertRejected("cert-region", stack -> new AutoScaledService(stack, "web",
                        AutoScaledServiceProps.builder(network(stack)).ami(TestStacks.ARM_AMI)
                                .certificateArn(CERTIFICATE_VIRGINIA).build()),
                "app/web: property 'certificateArn' is '" + CERTIFICATE_VIRGINIA + "': expected a certificate in"
                        + " ap-northeast-2, the load balancer's region (this one is in us-east-1; only CloudFront"
                        + " uses us-east-1 certificates)");
    }

    @Test
    void mysqlReservedWordsAreRejectedAsUserAndDatabaseName() {
        assertRejected("reserved-user", stack -> new Database(stack, "db",
                        DatabaseProps.builder(network(stack)).username("select").build()),
                "app/db: property 'username' is 'select': expected a name MySQL does not reserve (it is a reserved"
                        + " word; RDS refuses it), such as admin");
        assertRejected("reserved-db", stack -> new Database(stack, "db",
                        DatabaseProps.builder(network(stack)).databaseName("Order").build()),
                "app/db: property 'databaseName' is 'Order': expected a name MySQL does not reserve (it is a reserved"
                        + " word; RDS refuses it), such as app");
    }

    @Test
    void backupWindowsAreCheckedForLengthAndOverlap() {
        assertRejected("short-window", stack -> new Database(stack, "db",
                        DatabaseProps.builder(network(stack)).backupWindow("17:00-17:10").build()),
                "app/db: property 'backupWindow' is '17:00-17:10': expected a window of at least 30 minutes (this one"
                        + " lasts 10)");
        assertRejected("overlap", stack -> new Database(stack, "db", DatabaseProps.builder(network(stack))
                        .backupWindow("18:00-19:00").maintenanceWindow("sun:18:30-sun:19:30").build()),
                "app/db: property 'backupWindow' is '18:00-19:00': expected a daily window that does not overlap the"
                        + " maintenance window sun:18:30-sun:19:30 (RDS refuses overlapping windows)");
        assertRejected("overlap-midnight", stack -> new Database(stack, "db", DatabaseProps.builder(network(stack))
                        .backupWindow("23:30-00:30").maintenanceWindow("mon:00:00-mon:01:00").build()),
                "app/db: property 'backupWindow' is '23:30-00:30': expected a daily window that does not overlap the"
                        + " maintenance window mon:00:00-mon:01:00 (RDS refuses overlapping windows)");
    }

    @Test
    void aCacheNodeTypeElastiCacheDoesNotOfferIsRejected() {
        assertRejected("t2-nano", stack -> new Cache(stack, "cache",
                        CacheProps.builder(network(stack)).nodeType("cache.t2.nano").build()),
                "app/cache: property 'nodeType' is 'cache.t2.nano': expected a node type ElastiCache offers for"
                        + " Valkey and Redis OSS, such as cache.t4g.micro or cache.r7g.large (families: c7gn, m5,"
                        + " m6g, m7g, r5, r6g, r6gd, r7g, t2, t3, t4g; growstack's list as of 2025-10)");
    }

    @Test
    void aRegionShapedRightButUnknownIsRejected() {
        rejectedApp(app -> new GrowStack(app, "prod", GrowStackProps.builder("ap-northeast-9").build()),
                "prod: property 'region' is 'ap-northeast-9': expected a region AWS has, such as ap-northeast-2"
                        + " (growstack's list as of 2025-10; for a newer region name its zones in the context key"
                        + " growstack:knownZones)");
    }

    @Test
    void aTagKeyInTheAwsNamespaceIsRejected() {
        rejectedApp(app -> new GrowStack(app, "prod", GrowStackProps.builder("ap-northeast-2")
                        .tag("aws:team", "payments").build()),
                "prod: property 'tags' is 'aws:team': expected a tag key of 1-128 characters not starting with"
                        + " 'aws:' (AWS reserves that prefix)");
    }

    @Test
    void twoStaticSitesWithOneBucketNameAreRejected() {
        assertRejected("same-bucket", stack -> {
            new StaticSite(stack, "web", StaticSiteProps.builder().bucketName("shop-site").build());
            new StaticSite(stack, "docs", StaticSiteProps.builder().bucketName("shop-site").build());
        }, "app/docs: property 'bucketName' is 'shop-site': expected a name no other bucket of this app uses"
                + " (app/web has it): S3 bucket names are global, so the second would fail at apply");
    }

    // --- silently wrong --------------------------------------------------------------------------------

    @Test
    void moreZonesThanTheRegionHasAreRejectedInsteadOfWrapping() {
        assertRejected("six-of-four", stack -> new Network(stack, "network", NetworkProps.builder().azCount(6)
                        .cidr("10.0.0.0/16").build()),
                "app/network: property 'azCount' is '6': expected at most 4: ap-northeast-2 has 4 availability zones"
                        + " (ap-northeast-2a, ap-northeast-2b, ap-northeast-2c, ap-northeast-2d)");
    }

    @Test
    void sshFromTwoHalvesOfTheInternetIsRejectedLikeTheWholeOfIt() {
        assertRejected("split-world", stack -> new Bastion(stack, "bastion", BastionProps.builder(network(stack))
                        .allowSshFrom(List.of("0.0.0.0/1", "128.0.0.0/1")).build()),
                "app/bastion: property 'allowSshFrom' is '[0.0.0.0/1, 128.0.0.0/1]': expected the admins' addresses"
                        + " such as 203.0.113.7/32, not the whole internet: 0.0.0.0/1 + 128.0.0.0/1 (together"
                        + " 0.0.0.0/0); to open SSH to the world call allowSshFromAnywhere() explicitly (the review"
                        + " flags it)");
    }

    @Test
    void theReverseProxysSshListIsJudgedByCoverageToo() {
        assertRejected("split-world-proxy", stack -> new ReverseProxy(stack, "proxy",
                        ReverseProxyProps.builder(network(stack)).addUpstream("10.0.128.10", 8080)
                                .allowSshFrom(List.of("0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/1")).build()),
                "app/proxy: property 'allowSshFrom' is '[0.0.0.0/2, 64.0.0.0/2, 128.0.0.0/1]': expected the admins'"
                        + " addresses such as 203.0.113.7/32, not the whole internet: 0.0.0.0/2 + 64.0.0.0/2 +"
                        + " 128.0.0.0/1 (together 0.0.0.0/0); use a Bastion with allowSshFromAnywhere() if you really"
                        + " mean it");
    }

    @Test
    void turningOffRequireSecureTransportIsAcceptedButTheReviewReportsItHigh() {
        TestStacks.Synthesized s = TestStacks.synthStack("tls-off", stack -> new Database(stack, "db",
                DatabaseProps.builder(network(stack)).parameter("require_secure_transport", "0").build()));
        var findings = Review.of(s.json(), LocalDate.of(2026, 12, 1)).findings().stream()
                .filter(f -> f.rule().id().equals("GS-RDS-009")).toList();
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).severity()).hasToString("HIGH");
        assertThat(findings.get(0).address()).isEqualTo("aws_db_parameter_group.db_parameter-group");
        assertThat(findings.get(0).message()).isEqualTo("parameter require_secure_transport is 0");
    }

    @Test
    void duplicateAlarmEmailsAreRejected() {
        assertRejected("dup-email", stack -> {
            Network network = network(stack);
            Bastion bastion = new Bastion(stack, "bastion", BastionProps.builder(network).build());
            AutoScaledService web = new AutoScaledService(stack, "web", AutoScaledServiceProps.builder(network)
                    .ami(TestStacks.ARM_AMI).build());
            new Monitoring(stack, "monitoring", MonitoringProps.builder(network, bastion, web)
                    .prometheus(PrometheusRelease.of("3.9.1", Architecture.ARM64, SHA))
                    .alarmEmails(List.of("oncall@example.com", "OnCall@example.com")).build());
        }, "app/monitoring: property 'alarmEmails' is 'OnCall@example.com': expected each address once: a second"
                + " subscription would deliver every alarm twice");
    }

    // --- unclear messages ------------------------------------------------------------------------------

    @Test
    void aSmallVpcIsBlamedOnItsCidrWithAFixThatExists() {
        assertRejected("slash-28", stack -> new Network(stack, "network", NetworkProps.builder()
                        .cidr("10.0.0.0/28").build()),
                "app/network: property 'cidr' is '10.0.0.0/28': expected a VPC larger than /28: subnets are at most"
                        + " /28, so a /28 VPC cannot hold one per zone and tier");
        assertRejected("slash-27", stack -> new Network(stack, "network", NetworkProps.builder()
                        .cidr("10.0.0.0/27").build()),
                "app/network: property 'cidr' is '10.0.0.0/27': expected room for 2 /28 subnets per tier; use a"
                        + " larger VPC");
    }

    @Test
    void aProjectEndingInAHyphenIsBlamedOnTheProject() {
        rejectedApp(app -> new GrowStack(app, "prod", GrowStackProps.builder("ap-northeast-2").project("shop-")
                        .build()),
                "prod: property 'project' is 'shop-': expected 1-16 lowercase letters, digits or single hyphens,"
                        + " starting with a letter and ending with a letter or digit (it prefixes S3 bucket, IAM and"
                        + " database names)");
    }

    @Test
    void aDeliveryIdThatCannotBeAServiceNameIsBlamedOnTheId() {
        assertRejected("delivery-id", stack -> {
            Server server = new Server(stack, "api", ServerProps.builder(network(stack)).ami(TestStacks.ARM_AMI)
                    .build());
            new Delivery(stack, "Api_Delivery", DeliveryProps.builder(DeliveryTarget.inPlace(server)).build());
        }, "app/Api_Delivery: property 'id' is 'Api_Delivery': expected 1-32 lowercase letters, digits or hyphens"
                + " starting with a letter, because the id is the service name (the systemd unit and user on the"
                + " hosts) unless serviceName(...) is set; rename the construct or set serviceName");
    }

    @Test
    void aMalformedImageIdIsBlamedOnTheBlockThatUsesIt() {
        assertRejected("ami-shape", stack -> new Server(stack, "api", ServerProps.builder(network(stack))
                        .ami(Ami.of("ami-XYZ", Architecture.ARM64)).build()),
                "app/api: property 'ami' is 'ami-XYZ': expected an AMI id such as ami-0123456789abcdef0");
        assertThatThrownBy(() -> Ami.of("ami-0123456789abcdef0", null))
                .isInstanceOf(NullPointerException.class).hasMessage("architecture must not be null");
    }

    @Test
    void theContextKeyForZonesIsChecked() {
        rejectedApp(app -> {
            app.getNode().setContext(GrowStack.CONTEXT_KNOWN_ZONES, List.of("not a zone"));
            TestStacks.stack(app, "app");
        }, "app: property 'context growstack:knownZones' is '[not a zone]': expected a list of zone names such as"
                + " [\"ap-northeast-2a\"]");
    }
}
