package io.growstack.core;

import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import java.util.Map;
import software.constructs.Construct;

/**
 * One Terraform data source whose arguments are a typed record ({@link DataSourceArgs}).
 *
 * <p>growstack reads the AWS API through a data source only where the user can pass an explicit
 * value instead (an AMI id, AZ names), so an offline {@code terraform plan} always has a way to work.
 */
public class DataSource extends TerraformDataSource {
    private final DataSourceArgs args;
    private final String address;

    /** Creates the data source {@code id} under {@code scope}. */
    public DataSource(Construct scope, String id, DataSourceArgs args) {
        super(scope, id, TerraformResourceConfig.builder().terraformResourceType(args.terraformType()).build());
        this.args = args;
        this.address = "data." + args.terraformType() + "." + LogicalIds.of(scope, id);
        overrideLogicalId(LogicalIds.of(scope, id));
    }

    /** The typed arguments this data source renders. */
    public DataSourceArgs args() {
        return args;
    }

    /** The Terraform address, for example {@code data.aws_ssm_parameter.network_nat-ami}. */
    public String address() {
        return address;
    }

    /** A reference to an attribute in the same stack, built like {@link Resource#attr(String)}. */
    public String attr(String name) {
        return "${" + address + "." + name + "}";
    }

    /** A reference to element {@code index} of a list attribute, for example the second AZ name. */
    public String listElement(String name, int index) {
        return "${element(" + address + "." + name + ", " + index + ")}";
    }

    @Override
    protected Map<String, Object> synthesizeAttributes() {
        return Json.attributes(args);
    }
}
