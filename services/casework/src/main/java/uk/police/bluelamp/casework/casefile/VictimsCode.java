package uk.police.bluelamp.casework.casefile;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.WorkingDays;

/**
 * The rules of the promises a case keeps, for the case itself and for the ledger that reports on
 * them (docs/adr/0039-victims-code-ledger.md). Working days skip England and Wales's published bank
 * holidays unless {@code bluelamp.victims-code.bank-holidays} lists the force's own. The case records
 * each due time it computes, so changing the list moves only deadlines set afterwards.
 */
@ConfigurationProperties("bluelamp.victims-code")
public record VictimsCode(List<LocalDate> bankHolidays) {

    /** National Crime Recording Standard: recorded, or the reason not, within 24 hours. */
    public static final Duration CRIME_DECISION_WITHIN = Duration.ofHours(24);

    /** A case in one of these owes no more regular updates until it is reopened. */
    public static final Set<CaseStatus> FINISHED = Set.copyOf(EnumSet.of(CaseStatus.RESOLVED, CaseStatus.CLOSED));

    static final VictimsCode DEFAULTS = new VictimsCode(null);

    public VictimsCode {
        bankHolidays = bankHolidays == null
                ? List.copyOf(WorkingDays.ENGLAND_AND_WALES.bankHolidays())
                : List.copyOf(bankHolidays);
    }

    WorkingDays workingDays() {
        return WorkingDays.of(Set.copyOf(bankHolidays));
    }
}
