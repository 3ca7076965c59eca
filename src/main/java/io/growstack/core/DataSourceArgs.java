package io.growstack.core;

/** The arguments of one Terraform data source, rendered like {@link ResourceArgs}. */
public interface DataSourceArgs {
    /** The Terraform data source type, for example {@code aws_ssm_parameter}. */
    String terraformType();
}
