package uk.police.bluelamp.resourcing.publicfigures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.casefile.VictimsCodeTotals;
import uk.police.bluelamp.resourcing.publicfigures.VictimsCodeFigures.RightMonth;

/** What of the ledger's totals may be published: small counts, and shares made from them, are withheld. */
class VictimsCodeFiguresTest {

    @Test
    void smallCountsAndTheSharesMadeFromThemAreWithheldAndNoneAtAllIsShown() {
        VictimsCodeTotals totals = new VictimsCodeTotals(
                YearMonth.of(2026, 11),
                Instant.parse("2026-12-06T00:00:00Z"),
                List.of(
                        new VictimsCodeTotals.Right(VictimsCodeRight.UPDATES, 95, 12, 30, 88.8),
                        new VictimsCodeTotals.Right(VictimsCodeRight.KEY_DECISIONS, 40, 3, 0, 93.0),
                        new VictimsCodeTotals.Right(VictimsCodeRight.CRIME_RECORDING, 0, 0, 4, null)));

        List<RightMonth> published = VictimsCodeFigures.published(totals, 10);

        assertThat(published.get(0)).isEqualTo(new RightMonth(VictimsCodeRight.UPDATES, 95L, 12L, 30L, 88.8));
        // Three missed could point at three victims; 93% of 43 would give the three away.
        assertThat(published.get(1)).isEqualTo(new RightMonth(VictimsCodeRight.KEY_DECISIONS, 40L, null, 0L, null));
        assertThat(published.get(2)).isEqualTo(new RightMonth(VictimsCodeRight.CRIME_RECORDING, 0L, 0L, null, null));
    }
}
