package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_route_table_association}: binds a subnet to a route table. */
public record RouteTableAssociation(String subnetId, String routeTableId) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_route_table_association";
    }
}
