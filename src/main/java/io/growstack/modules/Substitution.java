package io.growstack.modules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A literal the block was built with, standing for Terraform in the module: the blocks validate and
 * compute with plain Java values, so a module builds its block with a stand-in value the Java rules
 * accept and writes the variable's template wherever it landed.
 *
 * @param literal     the stand-in value, chosen so that it occurs nowhere else in the module
 * @param replacement the Terraform text written instead, for example {@code ${var.cidr}}
 * @param match       where the literal is replaced
 */
record Substitution(String literal, String replacement, Match match) {
    /** Where a literal is replaced. */
    enum Match {
        /** Only strings equal to the literal. */
        WHOLE,
        /** Anywhere inside strings. */
        ANYWHERE,
        /** A Terraform reference inside strings, where no longer name continues it. */
        REFERENCE
    }

    /** The literal stands for the expression {@code expression} (written without {@code ${}}). */
    static Substitution of(String literal, String expression, boolean whole) {
        return new Substitution(literal, "${" + expression + "}", whole ? Match.WHOLE : Match.ANYWHERE);
    }

    /**
     * The reference {@code aws_lb.x.arn} (inside an interpolation) stands for {@code expression};
     * {@code aws_lb.x.arn_suffix} is another reference and stays.
     */
    static Substitution reference(String reference, String expression) {
        return new Substitution(reference, expression, Match.REFERENCE);
    }

    /** {@code text} with this substitution applied. */
    String apply(String text) {
        return switch (match) {
            case WHOLE -> text.equals(literal) ? replacement : text;
            case ANYWHERE -> text.replace(literal, replacement);
            case REFERENCE -> Pattern.compile(Pattern.quote(literal) + "(?![A-Za-z0-9_-])").matcher(text)
                    .replaceAll(Matcher.quoteReplacement(replacement));
        };
    }
}
