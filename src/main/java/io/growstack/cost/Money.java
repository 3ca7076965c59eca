package io.growstack.cost;

import java.math.BigDecimal;
import java.util.Locale;

/** How the estimate writes amounts and figures, in the table, the JSON, details and warnings alike. */
final class Money {
    private Money() {
    }

    /** A unit price as the facts write it: {@code $0.0065}. */
    static String usd(double value) {
        return "$" + trim(value);
    }

    /** A monthly amount: {@code $4.75}, {@code $1,024.00}. */
    static String monthly(double value) {
        return String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** A number without trailing zeros: 730, 0.0065, 1024. */
    static String trim(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
