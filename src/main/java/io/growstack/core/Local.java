package io.growstack.core;

import com.hashicorp.cdktf.TerraformLocal;
import software.constructs.Construct;

/**
 * A Terraform local value ({@code locals { name = expression }}) with an explicit name, for values
 * built from references that a literal field cannot hold (a JSON string there is a template).
 */
public final class Local {
    private final String name;
    private final TerraformLocal local;

    /** The local {@code name} with {@code expression}, created as construct {@code id} under {@code scope}. */
    public Local(Construct scope, String id, String name, Object expression) {
        this.name = name;
        this.local = new TerraformLocal(scope, id, expression);
        local.overrideLogicalId(name);
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
        local.setExpression(expression);
    }
}
