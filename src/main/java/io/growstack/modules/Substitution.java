package io.growstack.modules;

/**
 * A literal the block was built with, standing for Terraform in the module: the blocks validate and
 * compute with plain Java values, so a module builds its block with a stand-in value the Java rules
 * accept and writes the variable's template wherever it landed.
 *
 * @param literal     the stand-in value, chosen so that it occurs nowhere else in the module
 * @param replacement the Terraform template written instead, for example {@code ${var.cidr}}
 * @param whole       true to replace only strings equal to the literal, false also inside strings
 */
public record Substitution(String literal, String replacement, boolean whole) {
    /** The literal stands for the expression {@code expression} (written without {@code ${}}). */
    static Substitution of(String literal, String expression, boolean whole) {
        return new Substitution(literal, "${" + expression + "}", whole);
    }

    /** {@code text} with this substitution applied. */
    String apply(String text) {
        if (whole) {
            return text.equals(literal) ? replacement : text;
        }
        return text.replace(literal, replacement);
    }
}
