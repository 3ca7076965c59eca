package io.growstack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.files.DeliveryManifest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The manifest carries the target's style by name: the files package knows exactly the block's styles. */
class DeliveryStyleNamesTest {
    @Test
    void everyDeliveryStyleIsAStyleTheManifestNames() {
        assertThat(Arrays.stream(DeliveryTarget.Style.values()).map(Enum::name))
                .containsExactly(DeliveryManifest.IN_PLACE, DeliveryManifest.BLUE_GREEN,
                        DeliveryManifest.BLUE_GREEN_COPY_GROUP);
    }
}
