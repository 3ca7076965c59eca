package io.growstack.core;

import software.constructs.Construct;

/**
 * A Terraform local value ({@code locals { name = expression }}) with an explicit name, for values
 * built from references that a literal field cannot hold (a JSON string there is a template).
 * Rendered by the stack's one element, like {@link Resource}.
 */
public final class Local {
    private final String name;
    private Object expression;

    /** The local {@code name} with {@code expression}, created as construct {@code id} under {@code scope}. */
    public Local(Construct scope, String id, String name, Object expression) {
        Args.notNull(scope, "scope");
        Args.notNull(id, "id");
        this.name = Args.notNull(name, "name");
        this.expression = Args.notNull(expression, "expression");
        GrowStack.of(scope).elements().register(this, LogicalIds.path(scope, id));
    }

    /** The local's name. */
    public String name() {
        return name;
    }

    /** A reference to the local, for example {@code ${local.api_user-data}}. */
    public String ref() {
        return "${local." + name + "}";
    }

    /** Replaces the expression (before synth). */
    public void setExpression(Object expression) {
        this.expression = Args.notNull(expression, "expression");
    }

    Object expression() {
        return expression;
    }
}
