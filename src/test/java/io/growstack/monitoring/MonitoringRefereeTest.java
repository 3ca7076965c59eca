package io.growstack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.MonitoringFixtures;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.SecurityGroupWalk;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import io.growstack.testing.UserDataChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The done-when stack through every referee: a network with a NAT instance, a bastion, an Auto Scaled
 * Service and the monitoring host with alarms and an email subscription. The provider 6.25.0 schema
 * check, shellcheck and cloud-init schema on every user data, the security-group walk, and the real
 * terraform validate and offline plan (provider 5.100.0 from the local mirror).
 */
class MonitoringRefereeTest {

    @Test
    void theFullStackValidatesAndPlans() {
        Synthesized s = TestStacks.synthStack("tf-monitoring", stack ->
                MonitoringFixtures.full(stack, b -> b.alarmEmails(List.of("oncall@example.com"))));
        ProviderSchema.aws6().assertValid(s.json());
        assertThat(UserDataChecks.assertClean(s.json())).as("the NAT instance script and the monitoring cloud-config")
                .isEqualTo(2);
        assertThat(SecurityGroupWalk.violations(s.json())).isEmpty();
        Terraform.assertValidAndPlans(s);
    }
}
