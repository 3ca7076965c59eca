package io.growstack.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.examples.v1.SingleServerExample;
import io.growstack.examples.v2.ManagedDatabaseExample;
import io.growstack.examples.v3lean.LeanNatExample;
import io.growstack.examples.v4.HighAvailabilityExample;
import io.growstack.examples.v5.NextExample;
import io.growstack.review.Finding;
import io.growstack.review.Profile;
import io.growstack.review.Review;
import io.growstack.review.Severity;
import io.growstack.testing.ExampleStacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review explains the story: the early versions' exposures are high, the later ones fix them. */
class ExamplesReviewTest {
    private static List<String> openHighRules(Review review) {
        return review.open().stream().filter(f -> f.rule().severity() == Severity.HIGH)
                .map(Finding::rule).map(r -> r.id()).distinct().sorted().toList();
    }

    @Test
    void version1IsFlaggedForSshFromTheWorld() {
        Review review = Review.of(ExampleStacks.synth("review-v1", SingleServerExample::define).json());
        assertThat(openHighRules(review)).contains("GS-SG-001");
    }

    @Test
    void version2IsFlaggedForItsPublicDatabaseAndWorldOpenPorts() {
        Review review = Review.of(ExampleStacks.synth("review-v2", ManagedDatabaseExample::define).json());
        assertThat(openHighRules(review)).contains("GS-SG-001", "GS-SG-002", "GS-RDS-001");
    }

    @Test
    void version3LeanHasNoSshOrDatabaseExposure() {
        Review review = Review.of(ExampleStacks.synth("review-v3-lean", LeanNatExample::define).json());
        // The review did run on the stack (a review that finds nothing would pass the next line alone).
        assertThat(review.findings()).isNotEmpty();
        assertThat(openHighRules(review)).doesNotContain("GS-SG-001", "GS-SG-002", "GS-RDS-001");
    }

    @Test
    void versions4And5AreReviewedAsProdAndLeaveNoOpenHighFinding() {
        Review v4 = Review.of(ExampleStacks.synth("review-v4", HighAvailabilityExample::define).json());
        Review v5 = Review.of(ExampleStacks.synthAll("review-v5", NextExample::define).get(NextExample.STACK).json());
        for (Review review : List.of(v4, v5)) {
            assertThat(review.profile()).as(review.stackName()).isEqualTo(Profile.PROD);
            assertThat(review.profileSource()).isEqualTo("Environment tag \"prod\"");
            assertThat(openHighRules(review)).as(review.stackName()).isEmpty();
            assertThat(review.suppressed()).extracting(f -> f.rule().id()).contains("GS-ELB-001");
        }
    }
}
