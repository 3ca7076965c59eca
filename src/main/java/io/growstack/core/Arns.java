package io.growstack.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of the ARNs growstack accepts from users, so a typo fails at construction rather
 * than at {@code terraform validate} or apply. Source: AWS Identity and Access Management User
 * Guide, "IAM identifiers" (ARN format), and AWS Certificate Manager's "ARN format" for
 * certificates. Terraform references pass: they are known only at plan time.
 */
public final class Arns {
    /** {@code arn:<partition>:iam::<account or aws>:policy/<path/>name}. */
    private static final Pattern IAM_POLICY = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:iam::(aws|\\d{12}):policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}");
    /** {@code arn:<partition>:acm:<region>:<account>:certificate/<id>}. */
    private static final Pattern CERTIFICATE = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:acm:([a-z]{2}(-gov)?-[a-z]+-\\d):\\d{12}:certificate/[A-Za-z0-9-]+");

    private Arns() {
    }

    /** Whether {@code arn} is a Terraform reference or has the shape of an IAM managed policy ARN. */
    public static boolean isManagedPolicy(String arn) {
        return arn != null && (Tokens.containsReference(arn) || IAM_POLICY.matcher(arn).matches());
    }

    /** The region of a literal ACM certificate ARN; empty for a reference or another shape. */
    public static Optional<String> certificateRegion(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher m = CERTIFICATE.matcher(arn);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
