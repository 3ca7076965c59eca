package io.growstack.cost;

import java.time.LocalDate;

/**
 * One figure of a {@link PriceBook}: a price per unit (or a factor, or a free allowance) with where
 * and when it was found and how sure it is.
 *
 * @param key        the book's key, for example {@code ec2.instance.t3.nano}
 * @param usd        the price per {@code unit} in USD; {@code null} for a factor or an allowance
 * @param unit       what the price is per: {@code hour}, {@code GB-month}, {@code GB}, {@code 1k requests}
 * @param confidence {@code H} (high) or {@code M} (medium)
 * @param date       when the figure was gathered, such as {@code 2026-11}
 * @param url        the public AWS page where such prices are published
 * @param low        the low end of a typical range (spot), or {@code null}
 * @param high       the high end of a typical range (spot), or {@code null}
 * @param lowest     the lowest price seen (spot, cheapest zone), or {@code null}
 * @param factor     a multiplier or fraction (Multi-AZ 2, commitment 0.35), or {@code null}
 * @param quantity   a free allowance in {@code unit}, or {@code null}
 * @param upTo       the last unit of the tier the price covers (10240 GB for "first 10 TB"), or {@code null}
 * @param starts     the first day the charge applies, or {@code null} for always
 * @param note       what the facts say besides the number, or {@code null}
 */
public record Price(String key, Double usd, String unit, String confidence, String date, String url, Double low,
                    Double high, Double lowest, Double factor, Double quantity, Double upTo, LocalDate starts,
                    String note) {
}
