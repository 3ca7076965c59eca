package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_db_parameter_group}: engine settings for RDS instances of one
 * {@code family} (for example {@code mysql8.4}); each element of {@code parameter} is one
 * {@code parameter} block. Give {@code name} or {@code namePrefix} (Terraform adds a unique suffix), not both.
 */
public record DbParameterGroup(String name, String namePrefix, String family, String description, List<Parameter> parameter,
                               Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_db_parameter_group";
    }

    /**
     * One engine parameter. {@code applyMethod} is {@code immediate} (dynamic parameters only) or
     * {@code pending-reboot} (required for static ones; applied at the next reboot).
     */
    public record Parameter(String name, String value, String applyMethod) {
        /** A dynamic parameter, applied at once. */
        public static Parameter immediate(String name, String value) {
            return new Parameter(name, value, "immediate");
        }

        /** A static parameter, applied at the next reboot. */
        public static Parameter pendingReboot(String name, String value) {
            return new Parameter(name, value, "pending-reboot");
        }
    }
}
