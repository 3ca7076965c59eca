package io.growstack.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceTest {
    @Test
    void aWholeValueReferenceNamesAnAddressAndAnAttribute() {
        assertThat(Reference.parse("${aws_instance.nat.primary_network_interface_id}"))
                .contains(new Reference("aws_instance.nat", "primary_network_interface_id"));
        assertThat(Reference.parse("${data.aws_availability_zones.zones.names[1]}"))
                .contains(new Reference("data.aws_availability_zones.zones", "names[1]"));
    }

    @Test
    void expressionsLiteralsAndPartsAreNoReference() {
        assertThat(Reference.parse("${var.admin_cidrs}")).isEmpty();
        assertThat(Reference.parse("arn:${aws_s3_bucket.b.arn}/*")).isEmpty();
        assertThat(Reference.parse("${toset(var.cidrs)}")).isEmpty();
        assertThat(Reference.parse("10.0.0.0/16")).isEmpty();
        assertThat(Reference.parse(null)).isEmpty();
    }
}
