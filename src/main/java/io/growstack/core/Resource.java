package io.growstack.core;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One Terraform resource whose arguments are a typed record ({@link ResourceArgs}).
 *
 * <p>This is the only place growstack turns Java values into resource JSON: the record is
 * rendered by {@link Json#attributes(Object)} when the stack is synthesized. Attribute references
 * ({@link #attr(String)}) are tokens that resolve to {@code ${type.name.attr}}. Because this is a
 * cdktf {@link TerraformResource}, {@code addOverride} stays available as an escape hatch.
 */
public class Resource extends TerraformResource {
    private final ResourceArgs args;

    /** Creates the resource {@code id} under {@code scope} with no meta-arguments. */
    public Resource(Construct scope, String id, ResourceArgs args) {
        this(scope, id, args, ResourceOptions.NONE);
    }

    /** Creates the resource {@code id} under {@code scope} with the given meta-arguments. */
    public Resource(Construct scope, String id, ResourceArgs args, ResourceOptions options) {
        super(scope, id, config(args.terraformType(), options));
        this.args = args;
        overrideLogicalId(LogicalIds.of(this));
    }

    private static TerraformResourceConfig config(String type, ResourceOptions options) {
        TerraformResourceConfig.Builder config = TerraformResourceConfig.builder().terraformResourceType(type);
        if (!options.ignoreChanges().isEmpty()) {
            config.lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(options.ignoreChanges()).build());
        }
        if (!options.dependsOn().isEmpty()) {
            config.dependsOn(new ArrayList<ITerraformDependable>(options.dependsOn()));
        }
        if (options.provider() != null) {
            config.provider(options.provider());
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

    /** A reference to a string attribute, for example {@code attr("id")}. */
    public String attr(String name) {
        return getStringAttribute(name);
    }

    /** A reference to a list attribute, for example {@code listAttr("subnet_ids")}. */
    public List<String> listAttr(String name) {
        return getListAttribute(name);
    }

    @Override
    protected Map<String, Object> synthesizeAttributes() {
        return Json.attributes(args);
    }
}
