package io.growstack.host;

import io.growstack.core.Local;
import io.growstack.core.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.constructs.Construct;

/**
 * A launch template's user data, which launch templates take in base64. Plain text is encoded here,
 * so the plan shows it and linters can read it back. Text with Terraform references cannot be: it
 * becomes a Terraform local (a JSON string there is a template, exactly as in
 * {@code aws_instance.user_data}) encoded at plan time by {@code base64encode}. cdktf's
 * {@code Fn.base64encode} is not used: it rejects text with double quotes, and its {@code Fn.rawString}
 * escape turns references into literals and backslashes into escape sequences.
 */
public final class TemplateUserData {
    private final Construct owner;
    private final String id;
    private Local local;

    /** User data of a template under {@code owner}; a local, when needed, is {@code id} under it. */
    public TemplateUserData(Construct owner, String id) {
        this.owner = owner;
        this.id = id;
    }

    /**
     * The {@code user_data} argument for {@code userData}: base64 text, or {@code base64encode} of the
     * local; {@code null} for none. Once a local exists, later text replaces its expression.
     */
    public String encode(String userData) {
        if (userData == null || userData.isEmpty()) {
            return null;
        }
        if (local == null && !Tokens.containsReference(userData)) {
            return Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
        }
        String name = Host.userDataLocalName(owner, id);
        if (local == null) {
            local = new Local(owner, id, name, userData);
        } else {
            local.setExpression(userData);
        }
        return "${base64encode(local." + name + ")}";
    }
}
