package uk.police.bluelamp.messages.casefile.query;

import java.time.YearMonth;
import uk.police.bluelamp.messages.casefile.VictimsCodeTotals;

/**
 * The Victims' Code ledger's totals for the obligations due in {@code month}, as they stand now.
 * Answered by casework with a {@link VictimsCodeTotals}, so a public page can publish them
 * without reading casework's tables.
 */
public record FindVictimsCodeTotals(YearMonth month) {}
