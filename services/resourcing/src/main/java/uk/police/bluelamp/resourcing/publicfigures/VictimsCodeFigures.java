package uk.police.bluelamp.resourcing.publicfigures;

import java.time.YearMonth;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.casefile.VictimsCodeTotals;
import uk.police.bluelamp.messages.casefile.query.FindVictimsCodeTotals;

/**
 * How well the force kept its Victims' Code promises in a month, from casework's ledger, with
 * the same small-number rule as the contact figures: a count from 1 to below the threshold is
 * withheld, and so is a share made from a withheld count.
 */
@Component
class VictimsCodeFigures {

    private final QueryGateway queries;
    private final long suppressBelow;

    VictimsCodeFigures(
            QueryGateway queries, @Value("${bluelamp.public-figures.suppress-below:10}") long suppressBelow) {
        this.queries = queries;
        this.suppressBelow = suppressBelow;
    }

    /** Null fields are withheld. */
    record RightMonth(VictimsCodeRight right, Long met, Long missed, Long pending, Double percentMet) {}

    List<RightMonth> of(YearMonth month) {
        return published(
                queries.query(new FindVictimsCodeTotals(month), VictimsCodeTotals.class)
                        .join(),
                suppressBelow);
    }

    static List<RightMonth> published(VictimsCodeTotals totals, long suppressBelow) {
        return totals.rights().stream()
                .map(r -> {
                    Long met = shown(r.met(), suppressBelow);
                    Long missed = shown(r.missed(), suppressBelow);
                    boolean safe = met != null && missed != null && r.met() + r.missed() >= suppressBelow;
                    return new RightMonth(
                            r.right(), met, missed, shown(r.pending(), suppressBelow), safe ? r.percentMet() : null);
                })
                .toList();
    }

    private static Long shown(long count, long suppressBelow) {
        return count == 0 || count >= suppressBelow ? count : null;
    }
}
