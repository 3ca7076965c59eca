package io.growstack.core;

import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import java.util.List;
import software.constructs.Construct;

/**
 * A Terraform input variable with no default, made through factories that state its type and the
 * {@code validation} Terraform applies before it plans, so blocks and examples need no cdktf import.
 *
 * <p>Validation runs in {@code terraform plan} itself, which is where a value passed with
 * {@code -var} or {@code TF_VAR_*} is first known; the Java-side checks of blocks cannot see it.
 */
public final class Variable {
    /**
     * True when every block of the allow-list is a valid CIDR block.
     * Terraform's cidrhost: https://developer.hashicorp.com/terraform/language/functions/cidrhost
     */
    static final String VALID_CIDRS = "alltrue([for c in var.%1$s : can(cidrhost(c, 0))])";
    /**
     * True when the IPv4 blocks together hold fewer addresses than the IPv4 space and the IPv6 blocks
     * fewer than the IPv6 space. Overlaps only raise the sum, so a true result proves the set does not
     * cover everything: {@code 0.0.0.0/0}, {@code ::/0} and {@code ["0.0.0.0/1", "128.0.0.0/1"]} all fail.
     * {@code sum} of an empty list is an error, hence the leading 0.
     */
    static final String NOT_EVERYONE = "try(sum(concat([0], [for c in var.%1$s : pow(2, 32 - tonumber(split(\"/\", c)[1]))"
            + " if length(regexall(\":\", c)) == 0])) < pow(2, 32) && sum(concat([0], [for c in var.%1$s :"
            + " pow(2, 128 - tonumber(split(\"/\", c)[1])) if length(regexall(\":\", c)) > 0])) < pow(2, 128), false)";

    /** {@link #VALID_CIDRS} for {@link Builder#validation}, over the variable named by {@code %1$s}. */
    public static final String VALID_CIDRS_CONDITION = VALID_CIDRS;
    /** {@link #NOT_EVERYONE} for {@link Builder#validation}, over the variable named by {@code %1$s}. */
    public static final String NOT_EVERYONE_CONDITION = NOT_EVERYONE;

    private final String name;
    private final TerraformVariable variable;

    private Variable(Construct scope, String name, TerraformVariableConfig config) {
        this.name = name;
        this.variable = new TerraformVariable(scope, name, config);
        variable.overrideLogicalId(name);
    }

    /**
     * A {@code list(string)} of CIDR blocks allowed to reach something (SSH, an admin port). Its
     * validation rejects invalid blocks and any set that covers the whole IPv4 or IPv6 space
     * ({@code 0.0.0.0/0}, {@code ::/0}, or halves that add up to it); {@code []} is allowed.
     */
    public static Variable cidrAllowList(Construct scope, String name, String description) {
        Args.notNull(scope, "scope");
        Args.notNull(name, "name");
        Args.notNull(description, "description");
        return new Variable(scope, name, TerraformVariableConfig.builder().type("list(string)").description(description)
                .validation(List.of(
                        TerraformVariableValidationConfig.builder().condition("${" + VALID_CIDRS.formatted(name) + "}")
                                .errorMessage("Each entry of " + name + " must be a CIDR block such as 203.0.113.7/32.")
                                .build(),
                        TerraformVariableValidationConfig.builder().condition("${" + NOT_EVERYONE.formatted(name) + "}")
                                .errorMessage(name + " must not allow everyone: no 0.0.0.0/0 or ::/0, and no set of"
                                        + " blocks that together cover the whole address space. Use [] for none.")
                                .build()))
                .build());
    }

    /** A 12-digit AWS account id, for ARNs of account-level resources another stack created. */
    public static Variable accountId(Construct scope, String name, String description) {
        Args.notNull(scope, "scope");
        Args.notNull(name, "name");
        Args.notNull(description, "description");
        return new Variable(scope, name, TerraformVariableConfig.builder().type("string").description(description)
                .validation(List.of(TerraformVariableValidationConfig.builder()
                        .condition("${can(regex(\"^[0-9]{12}$\", var." + name + "))}")
                        .errorMessage(name + " must be a 12-digit AWS account id.").build()))
                .build());
    }

    /**
     * A variable of Terraform type {@code type} (for example {@code string}, {@code number},
     * {@code list(string)}), built with a description, an optional default and validations; for
     * settings a Terraform user passes, such as the inputs of a generated module.
     */
    public static Builder builder(String name, String type) {
        return new Builder(Args.notNull(name, "name"), Args.notNull(type, "type"));
    }

    /** Builds a {@link Variable}; every variable states its type and description. */
    public static final class Builder {
        private final String name;
        private final String type;
        private String description;
        private Object defaultValue;
        private final List<TerraformVariableValidationConfig> validations = new java.util.ArrayList<>();

        private Builder(String name, String type) {
            this.name = name;
            this.type = type;
        }

        /** What the variable sets, shown in {@code terraform plan} prompts and module docs. */
        public Builder description(String description) {
            this.description = Args.notNull(description, "description");
            return this;
        }

        /** The value when none is passed; without one the variable is required. */
        public Builder defaultValue(Object defaultValue) {
            this.defaultValue = Args.notNull(defaultValue, "defaultValue");
            return this;
        }

        /**
         * A {@code validation} block: {@code condition} is a Terraform expression over
         * {@code var.NAME} (without {@code ${}}) that must be true, else plan fails with {@code errorMessage}.
         */
        public Builder validation(String condition, String errorMessage) {
            Args.notNull(condition, "condition");
            Args.notNull(errorMessage, "errorMessage");
            validations.add(TerraformVariableValidationConfig.builder().condition("${" + condition + "}")
                    .errorMessage(errorMessage).build());
            return this;
        }

        /** Creates the variable in the stack that contains {@code scope}. */
        public Variable build(Construct scope) {
            Args.notNull(scope, "scope");
            if (description == null) {
                throw new IllegalStateException("variable " + name + " needs a description");
            }
            TerraformVariableConfig.Builder config = TerraformVariableConfig.builder().type(type)
                    .description(description);
            if (defaultValue != null) {
                config.defaultValue(defaultValue);
            }
            if (!validations.isEmpty()) {
                config.validation(List.copyOf(validations));
            }
            return new Variable(scope, name, config.build());
        }
    }

    /** The variable's name ({@code -var NAME=...}, {@code TF_VAR_NAME}). */
    public String name() {
        return name;
    }

    /** A reference to the value, for example {@code ${var.account_id}}. */
    public String ref() {
        return "${var." + name + "}";
    }

    /** The value as a list, for list-typed variables; blocks recognise it as a reference. */
    public List<String> listRef() {
        return variable.getListValue();
    }
}
