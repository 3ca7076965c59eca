package io.growstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.App;
import org.junit.jupiter.api.Test;
import software.constructs.Construct;

class ValidationExceptionTest {
    @Test
    void aValueInsideTheRangeIsReturnedAndOneOutsideNamesPathPropertyValueAndRange() {
        Construct block = new Construct(new App(), "proxy");
        assertThat(ValidationException.requireBetween(block, "port", 1, 1, 65535, "expected 1 to 65535")).isEqualTo(1);
        assertThat(ValidationException.requireBetween(block, "port", 65535, 1, 65535, "expected 1 to 65535"))
                .isEqualTo(65535);
        assertThatThrownBy(() -> ValidationException.requireBetween(block, "port", 0, 1, 65535, "expected 1 to 65535"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("proxy: property 'port' is '0': expected 1 to 65535");
        assertThatThrownBy(() -> ValidationException.requireBetween(block, "port", 65536, 1, 65535, "expected 1 to 65535"))
                .hasMessage("proxy: property 'port' is '65536': expected 1 to 65535");
    }
}
