package io.growstack.core;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformIterator;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import java.util.ArrayList;
import java.util.Map;
import software.constructs.Construct;

/**
 * One Terraform resource whose arguments are a typed record ({@link ResourceArgs}).
 *
 * <p>This is the only place growstack turns Java values into resource JSON: the record is
 * rendered by {@link Json#attributes(Object)} when the stack is synthesized. Attribute references
 * ({@link #attr(String)}) are Terraform interpolations such as {@code ${aws_vpc.network_vpc.id}}.
 * The Terraform name comes from the construct path ({@code network/vpc} → {@code network_vpc}),
 * so do not rename it with {@code overrideLogicalId}. Because this is a
 * cdktf {@link TerraformResource}, {@code addOverride} stays available as an escape hatch.
 */
public class Resource extends TerraformResource {
    private final ResourceArgs args;
    private final String address;
    private Map<String, Object> rendered;

    /** Creates the resource {@code id} under {@code scope} with no meta-arguments. */
    public Resource(Construct scope, String id, ResourceArgs args) {
        this(scope, id, args, ResourceOptions.NONE);
    }

    /** Creates the resource {@code id} under {@code scope} with the given meta-arguments. */
    public Resource(Construct scope, String id, ResourceArgs args, ResourceOptions options) {
        super(scope, id, config(args.terraformType(), options));
        this.args = args;
        this.address = args.terraformType() + "." + LogicalIds.of(scope, id);
        overrideLogicalId(address.substring(address.indexOf('.') + 1));
    }

    private static TerraformResourceConfig config(String type, ResourceOptions options) {
        TerraformResourceConfig.Builder config = TerraformResourceConfig.builder().terraformResourceType(type);
        if (!options.ignoreChanges().isEmpty() || options.createBeforeDestroy()) {
            TerraformResourceLifecycle.Builder lifecycle = TerraformResourceLifecycle.builder();
            if (!options.ignoreChanges().isEmpty()) {
                lifecycle.ignoreChanges(options.ignoreChanges());
            }
            if (options.createBeforeDestroy()) {
                lifecycle.createBeforeDestroy(true);
            }
            config.lifecycle(lifecycle.build());
        }
        if (!options.dependsOn().isEmpty()) {
            config.dependsOn(new ArrayList<ITerraformDependable>(options.dependsOn()));
        }
        if (options.provider() != null) {
            config.provider(options.provider());
        }
        if (!options.forEach().isEmpty()) {
            config.forEach(TerraformIterator.fromList(options.forEach()));
        }
        return config.build();
    }

    /** The typed arguments this resource renders. */
    public ResourceArgs args() {
        return args;
    }

    /** The Terraform type, for example {@code aws_instance}. */
    public String type() {
        return args.terraformType();
    }

    /** The Terraform address, for example {@code aws_vpc.network_vpc}. */
    public String address() {
        return address;
    }

    /**
     * A reference to an attribute of this resource in the same stack, for example {@code attr("id")}
     * gives {@code ${aws_vpc.network_vpc.id}}. It is built in Java, not asked of cdktf: a synth makes
     * hundreds of them. For a reference from another stack use cdktf's
     * {@link #getStringAttribute(String)}, whose token cdktf turns into an output and remote state.
     */
    public String attr(String name) {
        return "${" + address + "." + name + "}";
    }

    // cdktf asks twice per synth (once to find cross-stack references); the record is immutable.
    @Override
    protected Map<String, Object> synthesizeAttributes() {
        if (rendered == null) {
            rendered = Json.attributes(args);
        }
        return rendered;
    }
}
