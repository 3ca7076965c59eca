package io.growstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubstitutionTest {
    @Test
    void aWholeSubstitutionReplacesOnlyEqualStrings() {
        Substitution type = Substitution.of("t3.nano", "var.instance_type", true);
        assertThat(type.apply("t3.nano")).isEqualTo("${var.instance_type}");
        assertThat(type.apply("a t3.nano host")).isEqualTo("a t3.nano host");
    }

    @Test
    void anAnywhereSubstitutionReplacesInsideStrings() {
        Substitution cidr = Substitution.of("10.0.0.0/16", "var.cidr", false);
        assertThat(cidr.apply("iptables -s 10.0.0.0/16 -j MASQUERADE"))
                .isEqualTo("iptables -s ${var.cidr} -j MASQUERADE");
    }

    @Test
    void aReferenceIsNotReplacedWhereALongerNameContinuesIt() {
        Substitution arn = Substitution.reference("aws_lb.api_alb.arn", "var.alb_arn");
        assertThat(arn.apply("${aws_lb.api_alb.arn}")).isEqualTo("${var.alb_arn}");
        assertThat(arn.apply("${aws_lb.api_alb.arn_suffix}")).isEqualTo("${aws_lb.api_alb.arn_suffix}");
        assertThat(arn.apply("${split(\"/\", aws_lb.api_alb.arn)[1]}")).isEqualTo("${split(\"/\", var.alb_arn)[1]}");
    }
}
