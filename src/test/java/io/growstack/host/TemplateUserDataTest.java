package io.growstack.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TemplateUserDataTest {
    @Test
    void plainTextIsBase64EncodedHereSoThePlanShowsIt() {
        AtomicReference<String> encoded = new AtomicReference<>();
        Synthesized s = TestStacks.synthStack("template-user-data-plain", stack ->
                encoded.set(new TemplateUserData(stack, "user-data").encode("#!/bin/bash\necho hi\n")));
        assertThat(new String(Base64.getDecoder().decode(encoded.get()), StandardCharsets.UTF_8))
                .isEqualTo("#!/bin/bash\necho hi\n");
        assertThat(s.json().has("locals")).isFalse();
    }

    @Test
    void textWithReferencesBecomesALocalThatTerraformEncodesAndLaterTextReplacesIt() {
        AtomicReference<String> first = new AtomicReference<>();
        AtomicReference<String> second = new AtomicReference<>();
        Synthesized s = TestStacks.synthStack("template-user-data-local", stack -> {
            TemplateUserData userData = new TemplateUserData(stack, "user-data");
            first.set(userData.encode("#!/bin/bash\necho ${aws_instance.db.private_ip}\n"));
            second.set(userData.encode("#!/bin/bash\necho plain now\n"));
        });
        assertThat(first.get()).isEqualTo("${base64encode(local.user-data)}").isEqualTo(second.get());
        assertThat(s.json().path("locals").path("user-data").asText()).isEqualTo("#!/bin/bash\necho plain now\n");
    }

    @Test
    void noUserDataIsNone() {
        AtomicReference<String> encoded = new AtomicReference<>("unset");
        TestStacks.synthStack("template-user-data-none", stack ->
                encoded.set(new TemplateUserData(stack, "user-data").encode("")));
        assertThat(encoded.get()).isNull();
    }
}
