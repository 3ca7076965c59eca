package io.growstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.ITerraformDependable;
import java.util.Map;
import java.util.function.Supplier;
import software.constructs.Construct;

/**
 * One Terraform resource whose arguments are a typed record ({@link ResourceArgs}).
 *
 * <p>A resource is a plain Java value, not a cdktf construct: it is registered with the
 * {@link GrowStack} that contains {@code scope}, and the stack renders all of its resources in one
 * cdktf element when it is synthesized. That keeps a synth to a handful of calls into cdktf's Node
 * process instead of several per resource. The Terraform name comes from the construct path
 * ({@code network/vpc} → {@code network_vpc}); two paths that map to one address are an error.
 *
 * <p>Escape hatches with cdktf's meaning: {@link #addOverride(String, Object)}, meta-arguments in
 * {@link ResourceOptions}, and {@code ITerraformDependable}, so a user's own cdktf resource can
 * {@code dependsOn} a growstack resource. Attribute references ({@link #attr(String)}) are plain
 * Terraform interpolations usable in any cdktf resource.
 */
public class Resource implements ITerraformDependable {
    private final GrowStack stack;
    private final String path;
    private final String address;
    private final String type;
    private final ResourceOptions options;
    private final Overrides overrides = new Overrides();
    private ResourceArgs args;
    private Supplier<? extends ResourceArgs> deferred;

    /** Creates the resource {@code id} under {@code scope} with no meta-arguments. */
    public Resource(Construct scope, String id, ResourceArgs args) {
        this(scope, id, args, ResourceOptions.NONE);
    }

    /** Creates the resource {@code id} under {@code scope} with the given meta-arguments. */
    public Resource(Construct scope, String id, ResourceArgs args, ResourceOptions options) {
        this(scope, id, Args.notNull(args, "args").terraformType(), options);
        this.args = args;
        Json.prefetch(args.getClass());
    }

    private Resource(Construct scope, String id, String type, ResourceOptions options) {
        Args.notNull(scope, "scope");
        Args.notNull(id, "id");
        this.options = Args.notNull(options, "options");
        this.type = type;
        this.stack = GrowStack.of(scope);
        this.path = LogicalIds.path(scope, id);
        this.address = type + "." + LogicalIds.of(scope, id);
        stack.elements().register(this);
    }

    /**
     * A resource whose arguments are computed when the stack is synthesized, for owners that keep
     * accepting additions after construction (statements of a policy that name resources created
     * later). {@code args} must always give arguments of {@code terraformType}.
     */
    public static Resource deferred(Construct scope, String id, String terraformType,
                                    Supplier<? extends ResourceArgs> args, ResourceOptions options) {
        Resource resource = new Resource(scope, id, Args.notNull(terraformType, "terraformType"), options);
        resource.deferred = Args.notNull(args, "args");
        return resource;
    }

    /** The typed arguments this resource renders. */
    public ResourceArgs args() {
        if (deferred == null) {
            return args;
        }
        ResourceArgs computed = deferred.get();
        if (computed == null || !computed.terraformType().equals(type)) {
            throw new IllegalStateException(path + ": deferred arguments must be a " + type + ", not "
                    + (computed == null ? "null" : computed.terraformType()));
        }
        return computed;
    }

    /**
     * Replaces the arguments, for blocks that add to what another block built (the delivery block
     * adds the CodeDeploy agent to a server's user data). Call it before the stack is synthesized.
     */
    public void replaceArgs(ResourceArgs replacement) {
        Args.notNull(replacement, "replacement");
        if (!replacement.terraformType().equals(type)) {
            throw new ValidationException(path, "args", replacement.terraformType(),
                    "expected arguments of the resource's own type " + type);
        }
        this.args = replacement;
        this.deferred = null;
    }

    /** The Terraform type, for example {@code aws_instance}. */
    public String type() {
        return type;
    }

    /** The Terraform address, for example {@code aws_vpc.network_vpc}. */
    public String address() {
        return address;
    }

    /** The construct path this resource was created at, for example {@code shop/network/vpc}. */
    public String path() {
        return path;
    }

    /** The stack that renders this resource. */
    public GrowStack stack() {
        return stack;
    }

    /** The meta-arguments given at creation. */
    public ResourceOptions options() {
        return options;
    }

    /**
     * A reference to an attribute of this resource in the same stack: {@code attr("id")} gives
     * {@code ${aws_vpc.network_vpc.id}}. From another stack use {@link CrossStack#reference}.
     */
    public String attr(String name) {
        return "${" + address + "." + name + "}";
    }

    /**
     * Overrides the rendered JSON as cdktf's {@code addOverride} does: {@code "a.b.c"} sets a nested
     * key, a numeric part indexes a list, a list value is appended to an existing list and
     * {@code null} deletes the key. Applied after the arguments and meta-arguments are rendered.
     */
    public void addOverride(String path, Object value) {
        overrides.add(this.path, path, value);
    }

    /** The address, for cdktf's {@code depends_on} on users' own resources. */
    @Override
    public String getFqn() {
        return address;
    }

    Overrides overrides() {
        return overrides;
    }

    /**
     * The body this resource synthesizes to (arguments, meta-arguments, overrides and cdktf's metadata) as
     * JSON, for readers that judge a stack before it is written, such as a budget's cost estimate. A value
     * cdktf resolves only at synth (a token) is still its token text here.
     */
    public JsonNode toJson() {
        return Json.tree(render());
    }

    /** The attribute map Terraform sees: arguments, then meta-arguments, then overrides. */
    Map<String, Object> render() {
        Map<String, Object> body = Json.body(args());
        options.renderInto(body);
        overrides.applyTo(body, path);
        return StackElements.withMetadata(body, path, address.substring(address.indexOf('.') + 1));
    }

    @Override
    public String toString() {
        return address + " (" + path + ")";
    }
}
