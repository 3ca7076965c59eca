package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void parsesOnlyBlocksWithZeroHostBits() {
        assertThat(Cidr.parse("10.0.0.0/16")).map(Cidr::toString).contains("10.0.0.0/16");
        assertThat(Cidr.parse("10.0.0.1/16")).isEmpty();
        assertThat(Cidr.parse("10.0.0/16")).isEmpty();
        assertThat(Cidr.parse("256.0.0.0/8")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("010.0.0.0/8")).isEmpty();
        assertThat(Cidr.parse(null)).isEmpty();
    }

    @Test
    void carvesContainsAndOverlaps() {
        Cidr vpc = Cidr.parse("10.0.0.0/16").orElseThrow();
        assertThat(vpc.subnet(20, 8)).hasToString("10.0.128.0/20");
        assertThat(vpc.count(20)).isEqualTo(16);
        assertThat(vpc.contains(Cidr.parse("10.0.255.240/28").orElseThrow())).isTrue();
        assertThat(vpc.contains(Cidr.parse("10.1.0.0/24").orElseThrow())).isFalse();
        assertThat(Cidr.parse("10.0.1.0/24").orElseThrow().overlaps(Cidr.parse("10.0.1.128/25").orElseThrow())).isTrue();
        assertThat(Cidr.parse("10.0.1.0/24").orElseThrow().overlaps(Cidr.parse("10.0.2.0/24").orElseThrow())).isFalse();
    }
}
