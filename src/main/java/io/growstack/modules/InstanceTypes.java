package io.growstack.modules;

import io.growstack.core.Architecture;
import io.growstack.core.InstanceType;
import java.util.stream.Collectors;

/**
 * Terraform conditions for instance type variables, built from the families and sizes
 * {@link InstanceType} knows, so a module accepts the types the Java API accepts for its image.
 */
final class InstanceTypes {
    private static final String SIZES = "(nano|micro|small|medium|large|metal|[0-9]{0,2}xlarge)";

    private InstanceTypes() {
    }

    /**
     * A string variable for a managed service's instance class ({@code db.t4g.micro},
     * {@code cache.t4g.micro}): {@code family.size} after the service's prefix, defaulting to the
     * Java default. {@code what} takes "an" ({@code RDS instance class}, {@code ElastiCache node type}).
     */
    static void managedClassVariable(ModuleContext module, String name, String prefix, String what,
                                     String javaDefault) {
        module.variable(io.growstack.core.Variable.builder(name, "string")
                .description(what + ", such as " + javaDefault)
                .defaultValue(javaDefault)
                .validation("can(regex(\"^" + prefix + "\\\\.[a-z0-9-]+\\\\.[a-z0-9]+$\", var." + name + "))",
                        name + " must be an " + what + " such as " + javaDefault + "."));
        module.substituteWhole(javaDefault, "var." + name);
    }

    /** True when {@code reference} (such as {@code var.instance_type}) names a known type of {@code architecture}. */
    static String condition(String reference, Architecture architecture) {
        String families = InstanceType.KNOWN_FAMILIES.stream()
                .filter(f -> InstanceType.parse(f + ".nano").map(t -> t.architecture() == architecture).orElse(false))
                .sorted().map(f -> "\"" + f + "\"").collect(Collectors.joining(", "));
        return "can(regex(\"^[a-z0-9-]+\\\\." + SIZES + "$\", " + reference + ")) && contains([" + families
                + "], split(\".\", " + reference + ")[0])";
    }
}
