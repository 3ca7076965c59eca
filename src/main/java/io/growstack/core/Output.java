package io.growstack.core;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import software.constructs.Construct;

/**
 * A Terraform output of the stack that contains {@code scope}. Blocks make their outputs through this
 * type so cdktf stays inside core.
 *
 * <p>The output's name is given explicitly ({@code terraform output NAME} is a contract users script
 * against) or derived from the construct path like resource names ({@code web/domain} →
 * {@code web_domain}).
 */
public final class Output {
    private final String name;

    /** An output {@code id} under {@code scope}, named after its construct path. */
    public Output(Construct scope, String id, Object value, String description) {
        this(scope, id, LogicalIds.of(scope, id).replace('-', '_'), value, description, false);
    }

    /** An output with an explicit Terraform name; {@code sensitive} hides its value in plan output. */
    public Output(Construct scope, String id, String name, Object value, String description, boolean sensitive) {
        this.name = name;
        TerraformOutputConfig.Builder config = TerraformOutputConfig.builder().value(value).description(description);
        if (sensitive) {
            config.sensitive(true);
        }
        new TerraformOutput(scope, id, config.build()).overrideLogicalId(name);
    }

    /** The output's Terraform name, as {@code terraform output NAME} takes it. */
    public String name() {
        return name;
    }
}
