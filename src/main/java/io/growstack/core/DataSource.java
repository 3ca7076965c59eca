package io.growstack.core;

import com.hashicorp.cdktf.ITerraformDependable;
import java.util.Map;
import software.constructs.Construct;

/**
 * One Terraform data source whose arguments are a typed record ({@link DataSourceArgs}), a plain
 * Java value rendered by its stack like {@link Resource}.
 *
 * <p>growstack reads the AWS API through a data source only where the user can pass an explicit
 * value instead (an AMI id, AZ names), so an offline {@code terraform plan} always has a way to work.
 */
public class DataSource implements ITerraformDependable {
    private final DataSourceArgs args;
    private final GrowStack stack;
    private final String path;
    private final String address;
    private final Overrides overrides = new Overrides();

    /** Creates the data source {@code id} under {@code scope}. */
    public DataSource(Construct scope, String id, DataSourceArgs args) {
        Args.notNull(scope, "scope");
        Args.notNull(id, "id");
        this.args = Args.notNull(args, "args");
        this.stack = GrowStack.of(scope);
        this.path = LogicalIds.path(scope, id);
        this.address = "data." + args.terraformType() + "." + LogicalIds.of(scope, id);
        stack.elements().register(this);
        Json.prefetch(args.getClass());
    }

    /** The typed arguments this data source renders. */
    public DataSourceArgs args() {
        return args;
    }

    /** The Terraform type, for example {@code aws_ssm_parameter}. */
    public String type() {
        return args.terraformType();
    }

    /** The Terraform address, for example {@code data.aws_ssm_parameter.network_nat-ami}. */
    public String address() {
        return address;
    }

    /** The construct path this data source was created at. */
    public String path() {
        return path;
    }

    /** A reference to an attribute in the same stack, built like {@link Resource#attr(String)}. */
    public String attr(String name) {
        return "${" + address + "." + name + "}";
    }

    /** A reference to element {@code index} of a list attribute, for example the second AZ name. */
    public String listElement(String name, int index) {
        return "${element(" + address + "." + name + ", " + index + ")}";
    }

    /** Overrides the rendered JSON with cdktf's semantics, as {@link Resource#addOverride} does. */
    public void addOverride(String path, Object value) {
        overrides.add(this.path, path, value);
    }

    /** The address, for cdktf's {@code depends_on}. */
    @Override
    public String getFqn() {
        return address;
    }

    Overrides overrides() {
        return overrides;
    }

    Map<String, Object> render() {
        Map<String, Object> body = Json.body(args);
        overrides.applyTo(body, path);
        return StackElements.withMetadata(body, path, address.substring(("data." + args.terraformType() + ".").length()));
    }

    @Override
    public String toString() {
        return address + " (" + path + ")";
    }
}
