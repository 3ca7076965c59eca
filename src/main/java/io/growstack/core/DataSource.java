package io.growstack.core;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.Token;
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

    /** Creates the data source {@code id} under {@code scope}. */
    public DataSource(Construct scope, String id, DataSourceArgs args) {
        super(scope, id, TerraformResourceConfig.builder().terraformResourceType(args.terraformType()).build());
        this.args = args;
        overrideLogicalId(LogicalIds.of(this));
    }

    /** The typed arguments this data source renders. */
    public DataSourceArgs args() {
        return args;
    }

    /** A reference to a string attribute, for example {@code attr("insecure_value")}. */
    public String attr(String name) {
        return getStringAttribute(name);
    }

    /** A reference to element {@code index} of a list attribute, for example the second AZ name. */
    public String listElement(String name, int index) {
        return Token.asString(Fn.element(getListAttribute(name), index));
    }

    @Override
    protected Map<String, Object> synthesizeAttributes() {
        return Json.attributes(args);
    }
}
