package uk.police.bluelamp.messages.casefile;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import uk.police.bluelamp.messages.casefile.query.FindVictimsCodeTotals;

/**
 * The answer to {@link FindVictimsCodeTotals}: for each right, the obligations that fell due in
 * the month (Europe/London) and how they stood at {@code asAt}. Counts only, no references.
 */
public record VictimsCodeTotals(YearMonth month, Instant asAt, List<Right> rights) {

    /**
     * {@code percentMet} is met out of met and missed, to one decimal place; null while none is
     * decided. Pending obligations are not yet a success or a failure.
     */
    public record Right(VictimsCodeRight right, int met, int missed, int pending, Double percentMet) {}
}
