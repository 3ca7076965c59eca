package io.growstack.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.compute.AutoScaledService;
import io.growstack.compute.AutoScaledServiceProps;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.core.Synthesizer;
import io.growstack.data.Database;
import io.growstack.data.DatabaseProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.TestStacks;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One app, two stacks: {@code dev} and {@code prod} of project {@code shop}, each an HTTP-only service
 * (no certificate yet) and a single-AZ database without deletion protection. The profile comes from
 * GrowStack's Environment tag; the dev report lowers the deliberate dev trades and says why, and the
 * exit status follows.
 */
class ReviewProfileTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static Path out;

    @BeforeAll
    static void synthesize() {
        out = TestStacks.freshDir("review-profiles");
        Synthesizer.synth(out, app -> {
            for (String environment : List.of("dev", "prod")) {
                GrowStack stack = new GrowStack(app, environment, GrowStackProps.builder(TestStacks.REGION)
                        .project("shop").environment(environment).build());
                Network network = new Network(stack, "network", NetworkProps.builder()
                        .availabilityZones(TestStacks.ZONES).nat(NatProvider.none()).build());
                new AutoScaledService(stack, "api", AutoScaledServiceProps.builder(network).build());
                new Database(stack, "db", DatabaseProps.builder(network).deletionProtection(false).build());
            }
        });
    }

    private static Review review(String stack, Profile profile) {
        Path file = out.resolve("stacks").resolve(stack).resolve("cdk.tf.json");
        return Review.read(file, "cdktf.out/stacks/" + stack + "/cdk.tf.json", TODAY, profile);
    }

    private static Finding only(Review review, Rule rule) {
        List<Finding> found = review.findings().stream().filter(f -> f.rule() == rule).toList();
        assertThat(found).as("%s findings", rule.id()).hasSize(1);
        return found.get(0);
    }

    @Test
    void theEnvironmentTagPicksTheProfileAndTheReportSaysWhich() {
        Review dev = review("dev", null);
        Review prod = review("prod", null);
        assertThat(dev.profile()).isEqualTo(Profile.DEV);
        assertThat(dev.profileSource()).isEqualTo("Environment tag \"dev\"");
        assertThat(prod.profile()).isEqualTo(Profile.PROD);
        assertThat(prod.profileSource()).isEqualTo("Environment tag \"prod\"");
        assertThat(ReportFormat.TABLE.render(List.of(dev))).contains("  profile: dev (Environment tag \"dev\")");
        assertThat(ReportFormat.TABLE.render(List.of(prod))).contains("  profile: prod (Environment tag \"prod\")");
    }

    @Test
    void devLowersTheDeliberateTradesAndExplainsEachWhileProdKeepsThem() {
        Review dev = review("dev", null);
        Review prod = review("prod", null);
        assertThat(only(prod, SecurityRules.ELB_HTTP_LISTENER).severity()).isEqualTo(Severity.HIGH);
        assertThat(only(prod, SecurityRules.RDS_NO_DELETION_PROTECTION).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(only(prod, SecurityRules.RDS_SINGLE_AZ).severity()).isEqualTo(Severity.LOW);
        assertThat(only(prod, SecurityRules.ELB_NO_WAF).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(prod.findings()).allSatisfy(f -> assertThat(f.relaxed()).isNull());

        Finding http = only(dev, SecurityRules.ELB_HTTP_LISTENER);
        assertThat(http.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(http.relaxed()).isEqualTo(
                "dev: a dev stack often has no domain or certificate yet; keep real users' data off it");
        assertThat(only(dev, SecurityRules.RDS_NO_DELETION_PROTECTION).severity()).isEqualTo(Severity.LOW);
        assertThat(only(dev, SecurityRules.RDS_SINGLE_AZ).severity()).isEqualTo(Severity.INFO);
        assertThat(only(dev, SecurityRules.ELB_NO_WAF).severity()).isEqualTo(Severity.LOW);
        // Everything else is judged alike: the same rules fire on the same resources.
        assertThat(dev.findings()).extracting(f -> f.rule().id()).containsExactlyInAnyOrderElementsOf(
                prod.findings().stream().map(f -> f.rule().id()).toList());

        String table = ReportFormat.TABLE.render(List.of(dev));
        assertThat(table).contains("[HIGH in prod; dev: a dev stack often has no domain or certificate yet;"
                + " keep real users' data off it]");
        assertThat(table).contains("[LOW in prod; dev: a standby doubles a dev database's cost for an outage dev"
                + " can wait out]");
        assertThat(table).contains("; 1 info");
    }

    @Test
    void theExitStatusFollowsTheProfileAndTheCommandLineCanOverrideIt() {
        assertThat(review("dev", null).hasOpenHigh()).isFalse();
        assertThat(review("prod", null).hasOpenHigh()).isTrue();

        Path dev = out.resolve("stacks/dev/cdk.tf.json");
        Path prod = out.resolve("stacks/prod/cdk.tf.json");
        ReviewCommandTest.Run devRun = ReviewCommandTest.run("review", dev.toString(), "--today", "2026-01-15");
        assertThat(devRun.status()).isZero();
        assertThat(devRun.out()).contains("profile: dev (Environment tag \"dev\")").contains("-> passed");
        ReviewCommandTest.Run prodRun = ReviewCommandTest.run("review", prod.toString(), "--today", "2026-01-15");
        assertThat(prodRun.status()).isEqualTo(1);
        assertThat(prodRun.out()).contains("profile: prod (Environment tag \"prod\")").contains("-> FAILED");

        ReviewCommandTest.Run devAsProd = ReviewCommandTest.run("review", dev.toString(), "--profile", "prod");
        assertThat(devAsProd.status()).isEqualTo(1);
        assertThat(devAsProd.out()).contains("profile: prod (given)");
        ReviewCommandTest.Run bad = ReviewCommandTest.run("review", dev.toString(), "--profile", "staging");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("expected dev or prod, not 'staging'");
    }

    @Test
    void onlyDevelopmentNamesAreDevAndAStackWithoutTheTagIsProd() {
        assertThat(Profile.ofEnvironment("dev")).isEqualTo(Profile.DEV);
        assertThat(Profile.ofEnvironment("QA")).isEqualTo(Profile.DEV);
        assertThat(Profile.ofEnvironment("staging")).isEqualTo(Profile.PROD);
        assertThat(Profile.ofEnvironment("v1")).isEqualTo(Profile.PROD);
        assertThat(Profile.ofEnvironment(null)).isEqualTo(Profile.PROD);
        assertThat(Profile.PROD.relaxation(SecurityRules.RDS_SINGLE_AZ)).isEmpty();
    }
}
