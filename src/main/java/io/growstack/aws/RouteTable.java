package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/** Arguments of {@code aws_route_table}: a route table; routes are separate {@link Route} resources. */
public record RouteTable(String vpcId, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_route_table";
    }
}
