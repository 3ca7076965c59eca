package io.growstack.core;

import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;

/**
 * A Terraform output of the stack that contains {@code scope}. Blocks make their outputs through this
 * type so cdktf stays inside core; like {@link Resource}, an output is a plain value rendered by the
 * stack's one element (with the same {@code "//"} metadata cdktf writes for its own outputs).
 *
 * <p>The output's name is given explicitly ({@code terraform output NAME} is a contract users script
 * against) or derived from the construct path like resource names ({@code web/domain} →
 * {@code web_domain}).
 */
public final class Output {
    private final String name;
    private final String path;
    private final Object value;
    private final String description;
    private final boolean sensitive;

    /** An output {@code id} under {@code scope}, named after its construct path. */
    public Output(Construct scope, String id, Object value, String description) {
        this(scope, id, LogicalIds.of(Args.notNull(scope, "scope"), Args.notNull(id, "id"))
                .replace('-', '_'), value, description, false);
    }

    /** An output with an explicit Terraform name; {@code sensitive} hides its value in plan output. */
    public Output(Construct scope, String id, String name, Object value, String description, boolean sensitive) {
        Args.notNull(scope, "scope");
        Args.notNull(id, "id");
        this.name = Args.notNull(name, "name");
        this.path = LogicalIds.path(scope, id);
        this.value = Args.notNull(value, "value");
        this.description = description;
        this.sensitive = sensitive;
        GrowStack.of(scope).elements().register(this);
    }

    /** The output's Terraform name, as {@code terraform output NAME} takes it. */
    public String name() {
        return name;
    }

    /** The construct path the output was created at. */
    public String path() {
        return path;
    }

    Map<String, Object> render() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value);
        if (description != null) {
            body.put("description", description);
        }
        if (sensitive) {
            body.put("sensitive", true);
        }
        return body;
    }
}
