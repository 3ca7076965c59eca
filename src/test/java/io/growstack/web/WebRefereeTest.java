package io.growstack.web;

import io.growstack.core.PolicyStatement;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The web stacks through the provider 6.25.0 schema check and the real terraform validate and
 * offline plan (provider 5.100.0 from the local mirror). Two terraform runs in all.
 */
class WebRefereeTest {
    private static final String CERTIFICATE =
            "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000";

    private static void referee(Synthesized stack) {
        ProviderSchema.aws6().assertValid(stack.json());
        Terraform.assertValidAndPlans(stack);
    }

    @Test
    void theDefaultStaticSiteValidatesAndPlans() {
        referee(TestStacks.synthStack("tf-static-site", stack -> new StaticSite(stack, "site")));
    }

    @Test
    void aStaticSiteWithAliasesAndAVersionedKmsBucketValidateAndPlan() {
        referee(TestStacks.synthStack("tf-static-site-aliases", stack -> {
            new StaticSite(stack, "site", StaticSiteProps.builder()
                    .aliases(List.of("www.example.com", "example.com")).certificateArn(CERTIFICATE)
                    .spaFallback(false).allowOptionsRequests(true).versioned(true).forceDestroy(true).build());
            // The bucket features the site does not use by default ride along, so no third terraform run.
            PrivateBucket artifacts = new PrivateBucket(stack, "artifacts", PrivateBucketProps.builder()
                    .kmsKeyArn("arn:aws:kms:ap-northeast-2:123456789012:key/11111111-2222-3333-4444-555555555555")
                    .versioned(true).noncurrentVersionExpirationDays(30).build());
            artifacts.addToResourcePolicy(PolicyStatement.allowAws("AllowDeployerWrite",
                    List.of("arn:aws:iam::123456789012:role/deployer"), List.of("s3:PutObject"),
                    List.of(artifacts.arnForObjects("*"))));
        }));
    }
}
