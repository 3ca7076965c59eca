package io.growstack.core;

/**
 * The arguments of one Terraform resource: a Java record rendered by Jackson with snake_case
 * names, nulls and empty collections omitted.
 */
public interface ResourceArgs {
    /** The Terraform resource type, for example {@code aws_vpc}. */
    String terraformType();
}
