package io.growstack.review;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import io.growstack.compute.Bastion;
import io.growstack.compute.BastionProps;
import io.growstack.core.GrowStack;
import io.growstack.core.Suppressions;
import io.growstack.core.ValidationException;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Suppressions}: written into the synthesized JSON, read back and applied by the review. */
class SuppressionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    private static Network network(GrowStack stack, String id, String cidr) {
        return new Network(stack, id, NetworkProps.builder().cidr(cidr).availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    private static Bastion openBastion(GrowStack stack, Network network) {
        return new Bastion(stack, "bastion", BastionProps.builder(network).allowSshFromAnywhere().build());
    }

    private static Finding only(Review review, String rule) {
        List<Finding> found = review.findings().stream().filter(f -> f.rule().id().equals(rule)).toList();
        assertThat(found).as("findings of %s", rule).hasSize(1);
        return found.get(0);
    }

    @Test
    void aReasonShorterThanTenCharactersIsRejectedAtConstruction() {
        assertRejected("suppression-short", stack -> Suppressions.add(network(stack, "network", "10.0.0.0/16"),
                        "GS-VPC-001", "  too short "),
                "app/network: property 'suppression.reason' is '  too short ': expected at least 10 characters"
                        + " saying why GS-VPC-001 is acceptable here");
        assertRejected("suppression-missing", stack -> Suppressions.add(stack, "GS-VPC-001", null),
                "app: property 'suppression.reason' is missing: expected at least 10 characters"
                        + " saying why GS-VPC-001 is acceptable here");
    }

    @Test
    void aRuleIdOfTheWrongShapeIsRejected() {
        assertRejected("suppression-rule", stack -> Suppressions.add(stack, "vpc-001", "flow logs cost more than they tell"),
                "app: property 'suppression.rule' is 'vpc-001': expected a review rule id such as GS-ELB-001"
                        + " (growstack review lists them)");
    }

    @Test
    void anExpiryThatIsNotAnIsoDateIsRejected() {
        assertRejected("suppression-date", stack -> Suppressions.add(stack, "GS-VPC-001",
                        "flow logs cost more than they tell", "30/06/2026"),
                "app: property 'suppression.expires' is '30/06/2026': expected an ISO date such as 2026-06-30");
        assertRejected("suppression-date-invalid", stack -> Suppressions.add(stack, "GS-VPC-001",
                        "flow logs cost more than they tell", "2026-02-30"),
                "app: property 'suppression.expires' is '2026-02-30': expected an ISO date such as 2026-06-30");
    }

    @Test
    void suppressingOneRuleTwiceOnOneConstructIsRejected() {
        assertRejected("suppression-twice", stack -> {
            Suppressions.add(stack, "GS-VPC-001", "flow logs cost more than they tell");
            Suppressions.add(stack, "GS-VPC-001", "we changed our minds about flow logs");
        }, "app: property 'suppression.rule' is 'GS-VPC-001': expected one suppression of each rule per construct;"
                + " it is already suppressed here because 'flow logs cost more than they tell'");
    }

    @Test
    void aConstructOutsideAnyStackCannotCarryASuppression() {
        App app = new App(AppConfig.builder().outdir(TestStacks.freshDir("suppression-app").toString()).build());
        assertThatThrownBy(() -> Suppressions.add(app, "GS-VPC-001", "flow logs cost more than they tell"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("app: property 'suppression.scope' is '': expected a construct inside a stack");
    }

    @Test
    void suppressionsAreWrittenIntoTheStacksCommentSortedWhateverTheOrderTheyWereAdded() throws IOException {
        Synthesized s = TestStacks.synthStack("suppression-json", stack -> {
            Network network = network(stack, "network", "10.0.0.0/16");
            Bastion bastion = openBastion(stack, network);
            Suppressions.add(network, "GS-VPC-001", "flow logs are turned on in production only", "2026-06-30");
            Suppressions.add(bastion, "GS-SG-001", "workshop laptops have no fixed address; removed after the workshop");
            Suppressions.add(network.vpc(), "GS-EC2-002", "  nothing to do with a VPC, but kept for the test  ");
        });
        JsonNode expected = JSON.readTree("""
                [
                  {"path": "suppression-json/bastion", "reason": "workshop laptops have no fixed address; removed after the workshop",
                   "rule": "GS-SG-001"},
                  {"expires": "2026-06-30", "path": "suppression-json/network", "reason": "flow logs are turned on in production only",
                   "rule": "GS-VPC-001"},
                  {"path": "suppression-json/network/vpc", "reason": "nothing to do with a VPC, but kept for the test",
                   "rule": "GS-EC2-002"}
                ]""");
        assertThat(s.json().path("//").path("growstack").path("suppressions")).isEqualTo(expected);
        assertThat(s.json().path("//").path("metadata").has("overrides")).as("cdktf's override list").isFalse();
        s.json().path("resource").forEach(type -> type.forEach(resource ->
                assertThat(resource.path("//").has("growstack")).isFalse()));
        String text = Files.readString(s.dir().resolve("cdk.tf.json"));
        assertThat(text).contains("\"reason\": \"workshop laptops have no fixed address; removed after the workshop\"")
                .doesNotContain(LocalDate.now().toString());
    }

    @Test
    void theSameSuppressionsAddedInAnotherOrderSynthesizeByteIdentically() throws IOException {
        Synthesized first = TestStacks.synth("suppression-order-1", app -> {
            GrowStack stack = TestStacks.stack(app, "order");
            Network network = network(stack, "network", "10.0.0.0/16");
            Suppressions.add(network, "GS-VPC-001", "flow logs are turned on in production only");
            Suppressions.add(stack, "GS-SG-003", "the demo exposes its port to the room on purpose");
        });
        Synthesized second = TestStacks.synth("suppression-order-2", app -> {
            GrowStack stack = TestStacks.stack(app, "order");
            Suppressions.add(stack, "GS-SG-003", "the demo exposes its port to the room on purpose");
            Network network = network(stack, "network", "10.0.0.0/16");
            Suppressions.add(network, "GS-VPC-001", "flow logs are turned on in production only");
        });
        assertThat(Files.readString(second.dir().resolve("cdk.tf.json")))
                .isEqualTo(Files.readString(first.dir().resolve("cdk.tf.json")));
    }

    @Test
    void aSuppressionOnABlockAcceptsTheFindingsOfEveryResourceBelowIt() {
        Synthesized s = TestStacks.synthStack("suppression-block", stack -> {
            Network network = network(stack, "network", "10.0.0.0/16");
            Bastion bastion = openBastion(stack, network);
            Suppressions.add(bastion, "GS-SG-001", "workshop laptops have no fixed address; removed after the workshop");
        });
        Review review = Review.of(s.json(), TODAY);
        Finding ssh = only(review, "GS-SG-001");
        assertThat(ssh.address()).isEqualTo(
                "aws_vpc_security_group_ingress_rule.bastion_host_security-group_ingress-tcp-22-from-anywhere");
        assertThat(ssh.path()).startsWith("suppression-block/bastion/");
        assertThat(ssh.suppressed()).isTrue();
        assertThat(ssh.suppression().reason()).isEqualTo("workshop laptops have no fixed address; removed after the workshop");
        assertThat(ssh.suppression().scope()).isEqualTo("suppression-block/bastion");
        assertThat(review.hasOpenHigh()).isFalse();
        assertThat(only(review, "GS-VPC-001").suppressed()).as("a rule nobody suppressed").isFalse();
    }

    @Test
    void aSuppressionOnOneResourceLeavesItsSiblingsOpen() {
        Synthesized s = TestStacks.synthStack("suppression-resource", stack -> {
            Network east = network(stack, "east", "10.0.0.0/16");
            network(stack, "west", "10.1.0.0/16");
            Suppressions.add(east.vpc(), "GS-VPC-001", "east carries test traffic only; nothing to investigate");
        });
        Review review = Review.of(s.json(), TODAY);
        assertThat(review.findings()).filteredOn(f -> f.rule().id().equals("GS-VPC-001"))
                .extracting(Finding::address, Finding::suppressed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("aws_vpc.east_vpc", true),
                        org.assertj.core.groups.Tuple.tuple("aws_vpc.west_vpc", false));
    }

    @Test
    void aSuppressionAddedBeforeTheResourceExistsStillCoversIt() {
        Synthesized s = TestStacks.synthStack("suppression-early", stack -> {
            Suppressions.add(stack, "GS-SG-001", "a throwaway demo stack, destroyed after each session");
            openBastion(stack, network(stack, "network", "10.0.0.0/16"));
        });
        assertThat(only(Review.of(s.json(), TODAY), "GS-SG-001").suppression().scope()).isEqualTo("suppression-early");
    }

    @Test
    void anExpiredSuppressionStopsSuppressingTheDayAfterItsDate() {
        Synthesized s = TestStacks.synthStack("suppression-expiry", stack -> {
            Bastion bastion = openBastion(stack, network(stack, "network", "10.0.0.0/16"));
            Suppressions.add(bastion, "GS-SG-001", "workshop laptops have no fixed address", LocalDate.of(2026, 3, 31));
        });
        Review lastDay = Review.of(s.json(), LocalDate.of(2026, 3, 31));
        assertThat(only(lastDay, "GS-SG-001").suppressed()).isTrue();
        assertThat(lastDay.hasOpenHigh()).isFalse();

        Review dayAfter = Review.of(s.json(), LocalDate.of(2026, 4, 1));
        Finding ssh = only(dayAfter, "GS-SG-001");
        assertThat(ssh.suppressed()).isFalse();
        assertThat(ssh.expiredSuppression().expires()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(dayAfter.hasOpenHigh()).isTrue();
    }

    @Test
    void theMostSpecificSuppressionInForceWins() throws IOException {
        JsonNode stack = JSON.readTree("""
                {"//": {"growstack": {"suppressions": [
                   {"path": "app", "rule": "GS-VPC-001", "reason": "the whole stack is a sandbox"},
                   {"path": "app/network", "rule": "GS-VPC-001", "reason": "expired reason of the network", "expires": "2025-12-31"}
                 ]}},
                 "resource": {"aws_vpc": {"main": {"//": {"metadata": {"path": "app/network/vpc"}}, "cidr_block": "10.0.0.0/16"}}}}
                """);
        Finding vpc = only(Review.of(stack, TODAY), "GS-VPC-001");
        assertThat(vpc.suppression().reason()).isEqualTo("the whole stack is a sandbox");
    }

    @Test
    void suppressionsWrittenByHandOnAResourceAreReadAndBadOnesAreIgnoredWithANote() throws IOException {
        JsonNode stack = JSON.readTree("""
                {"//": {"growstack": {"suppressions": [
                   {"path": "app/nowhere", "rule": "GS-RDS-005", "reason": "no database lives here at all"},
                   {"path": "app", "rule": "GS-XYZ-001", "reason": "a rule that does not exist"}
                 ]}},
                 "resource": {"aws_vpc": {
                   "accepted": {"cidr_block": "10.0.0.0/16",
                     "//": {"growstack": {"suppressions": [{"rule": "GS-VPC-001", "reason": "logged by the transit account"}]}}},
                   "short": {"cidr_block": "10.1.0.0/16",
                     "//": {"growstack": {"suppressions": [{"rule": "GS-VPC-001", "reason": "because"}]}}},
                   "baddate": {"cidr_block": "10.2.0.0/16",
                     "//": {"growstack": {"suppressions": [{"rule": "GS-VPC-001", "reason": "logged elsewhere, honest",
                                                            "expires": "soon"}]}}}}}}
                """);
        Review review = Review.of(stack, TODAY);
        assertThat(review.findings()).filteredOn(f -> f.rule().id().equals("GS-VPC-001"))
                .extracting(Finding::address, Finding::suppressed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("aws_vpc.accepted", true),
                org.assertj.core.groups.Tuple.tuple("aws_vpc.baddate", false),
                org.assertj.core.groups.Tuple.tuple("aws_vpc.short", false));
        assertThat(review.findings().get(0).suppression().scope()).isEqualTo("aws_vpc.accepted");
        assertThat(review.notes()).containsExactly(
                "suppression of GS-RDS-005 at app/nowhere matched no finding",
                "suppression of GS-VPC-001 at aws_vpc.baddate is ignored: expires 'soon' is not a date such as 2026-06-30",
                "suppression of GS-VPC-001 at aws_vpc.short is ignored: its reason must have at least 10 characters",
                "suppression of GS-XYZ-001 at app names no known rule and is ignored");
    }

    @Test
    void aStackCarryingSuppressionsStillValidatesAndPlans() {
        Synthesized s = TestStacks.synthStack("tf-suppressions", stack -> {
            Network network = network(stack, "network", "10.0.0.0/16");
            Suppressions.add(stack, "GS-SG-001", "a throwaway demo stack, destroyed after each session", "2026-06-30");
            Suppressions.add(network.vpc(), "GS-VPC-001", "flow logs are turned on in production only");
        });
        ProviderSchema.aws6().assertValid(s.json());
        Terraform.assertValidAndPlans(s);
    }
}
