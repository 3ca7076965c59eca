package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.Terraform;
import io.growstack.testing.TestStacks;
import io.growstack.testing.Tools;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableTest {
    // One plan checks every case: Terraform reports each variable whose validation fails.
    // Variable validation: https://developer.hashicorp.com/terraform/language/values/variables#custom-validation-rules
    private static final Map<String, List<String>> REJECTED = Map.of(
            "everyone_v4", List.of("0.0.0.0/0"),
            "everyone_v6", List.of("203.0.113.7/32", "::/0"),
            "halves", List.of("0.0.0.0/1", "128.0.0.0/1"),
            "not_a_cidr", List.of("203.0.113.7"));
    private static final Map<String, List<String>> ACCEPTED = Map.of(
            "none", List.of(),
            "office", List.of("203.0.113.7/32", "2001:db8::/32"),
            "half", List.of("0.0.0.0/1"));

    @Test
    void anAllowListRejectsEveryoneAndSetsThatCoverTheAddressSpaceBeforeAnythingIsPlanned() {
        Map<String, Object> values = new LinkedHashMap<>();
        TestStacks.Synthesized stack = TestStacks.synthStack("variable-allow-list", s -> {
            REJECTED.keySet().forEach(name -> Variable.cidrAllowList(s, name, "test"));
            ACCEPTED.keySet().forEach(name -> Variable.cidrAllowList(s, name, "test"));
        });
        values.putAll(REJECTED);
        values.putAll(ACCEPTED);
        assertThat(stack.json().path("variable").path("halves").path("validation")).hasSize(2);

        Terraform.require();
        Terraform.writeOverride(stack, values);
        assertThat(Terraform.init(stack.dir()).ok()).isTrue();
        Tools.ProcessResult plan = Terraform.plan(stack.dir());
        assertThat(plan.ok()).isFalse();
        for (String name : REJECTED.keySet()) {
            assertThat(plan.stdout()).as(name).contains("var." + name);
        }
        for (String name : ACCEPTED.keySet()) {
            assertThat(plan.stdout()).as(name).doesNotContain("var." + name + " ").doesNotContain("var." + name + "\"");
        }
        assertThat(plan.stdout()).contains("must not allow everyone");
    }
}
