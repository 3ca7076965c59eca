package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceTypeTest {
    @ParameterizedTest
    @CsvSource({"t4g.micro,ARM64", "m7g.large,ARM64", "c6gn.xlarge,ARM64", "r8g.2xlarge,ARM64", "a1.medium,ARM64",
            "t3.nano,X86_64", "t2.micro,X86_64", "t3a.small,X86_64", "m5.large,X86_64", "m6i.xlarge,X86_64",
            "c5.18xlarge,X86_64"})
    void gravitonFamiliesAreArmAndTheOthersAreX86(String name, Architecture architecture) {
        assertThat(InstanceType.parse(name)).map(InstanceType::architecture).contains(architecture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x9.nano", "t3.huge", "t3", "T3.nano", "p5.48xlarge", ""})
    void unknownFamiliesAndSizesAreRejected(String name) {
        assertThat(InstanceType.parse(name)).isEmpty();
    }
}
