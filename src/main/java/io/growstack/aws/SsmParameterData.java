package io.growstack.aws;

import io.growstack.core.DataSourceArgs;

/** Arguments of data source {@code aws_ssm_parameter}: reads one parameter, such as a public AMI id. */
public record SsmParameterData(String name) implements DataSourceArgs {
    @Override
    public String terraformType() {
        return "aws_ssm_parameter";
    }
}
