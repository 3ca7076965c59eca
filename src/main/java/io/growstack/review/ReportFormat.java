package io.growstack.review;

import java.util.List;

/** How {@code growstack review} prints its reviews. */
public enum ReportFormat {
    /** A one-screen table grouped by severity, with the fix of each rule once (the default). */
    TABLE,
    /** Every finding with its rule, suppression and fix, for scripts. */
    JSON,
    /** SARIF 2.1.0, which GitHub code scanning uploads with {@code github/codeql-action/upload-sarif}. */
    SARIF;

    /** Renders the reviews of one or more stacks. */
    public String render(List<Review> reviews) {
        return switch (this) {
            case TABLE -> TableReport.render(reviews);
            case JSON -> JsonReport.render(reviews);
            case SARIF -> SarifReport.render(reviews);
        };
    }
}
