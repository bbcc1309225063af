package uk.police.bluelamp.casework.ledger;

import static uk.police.bluelamp.platform.web.CsvLines.line;

import java.util.List;
import java.util.Objects;

/**
 * A month's totals as CSV (RFC 4180): a header row, every cell quoted, CRLF line ends, and a cell
 * a spreadsheet would run as a formula prefixed with an apostrophe, whatever it holds.
 */
final class LedgerCsv {

    static final List<String> HEADER =
            List.of("month", "as_at", "right", "met", "missed", "pending", "total", "percent_met");

    private LedgerCsv() {}

    static String of(LedgerController.Month month) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (LedgerController.RightTotals right : month.rights()) {
            line(
                    csv,
                    List.of(
                            month.month(),
                            month.asAt().toString(),
                            right.rightLabel(),
                            String.valueOf(right.met()),
                            String.valueOf(right.missed()),
                            String.valueOf(right.pending()),
                            String.valueOf(right.total()),
                            Objects.toString(right.percentMet(), "")));
        }
        return csv.toString();
    }
}
