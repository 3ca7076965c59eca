package io.growstack.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.Locale;
import java.util.Set;

/**
 * {@link SecurityRules#RDS_TLS_NOT_REQUIRED}: a parameter group that turns off a secure default the
 * Database block sets, so the undoing shows up in the review even though construction accepts it.
 */
final class RdsParameterChecks implements Check {
    // MySQL reads a boolean system variable as 0/1, OFF/ON or FALSE/TRUE (MySQL manual, "Using System Variables").
    private static final Set<String> OFF = Set.of("0", "off", "false");

    @Override
    public void run(StackModel stack, Findings findings) {
        for (String type : new String[] {"aws_db_parameter_group", "aws_rds_cluster_parameter_group"}) {
            for (StackModel.Item group : stack.all(type)) {
                for (JsonNode parameter : Values.blocks(group.body(), "parameter")) {
                    String name = Values.text(parameter.path("name"));
                    String value = Values.text(parameter.path("value"));
                    if ("require_secure_transport".equals(name) && value != null
                            && OFF.contains(value.toLowerCase(Locale.ROOT))) {
                        findings.add(SecurityRules.RDS_TLS_NOT_REQUIRED, group,
                                "parameter require_secure_transport is " + value);
                    }
                }
            }
        }
    }
}
