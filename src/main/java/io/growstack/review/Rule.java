package io.growstack.review;

/**
 * One security rule of the review.
 *
 * @param id       the stable id, such as {@code GS-EC2-001}; suppressions name it, so it never changes
 * @param name     a PascalCase name for tools that show one (SARIF {@code rule.name})
 * @param severity the fixed severity
 * @param title    the one-line reason: what is wrong
 * @param fix      the one-line fix hint
 * @param cdkNag   the matching cdk-nag rules, or {@code no direct equivalent}
 * @param checkov  the matching Checkov checks, or {@code no direct equivalent}
 */
public record Rule(String id, String name, Severity severity, String title, String fix, String cdkNag,
                   String checkov) {
}
