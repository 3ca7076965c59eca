package io.growstack.aws;

import io.growstack.core.DataSourceArgs;

/** Arguments of data source {@code aws_availability_zones}: the region's zones in {@code state}. */
public record AvailabilityZonesData(String state) implements DataSourceArgs {
    @Override
    public String terraformType() {
        return "aws_availability_zones";
    }
}
