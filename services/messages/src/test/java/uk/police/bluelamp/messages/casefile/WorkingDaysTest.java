package uk.police.bluelamp.messages.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Victims' Code's working days: weekends and bank holidays do not count. */
class WorkingDaysTest {

    private static final WorkingDays ENGLAND_AND_WALES = WorkingDays.ENGLAND_AND_WALES;

    @Test
    void oneWorkingDayAfterAFridayBeforeTheEarlyMayBankHolidayIsTuesday() {
        // Friday 1 May 2026, 10:00 BST; Monday 4 May is a bank holiday.
        assertThat(ENGLAND_AND_WALES.plus(Instant.parse("2026-05-01T09:00:00Z"), 1))
                .isEqualTo("2026-05-05T09:00:00Z");
    }

    @Test
    void fiveWorkingDaysOverEasterSkipGoodFridayAndEasterMonday() {
        // Wednesday 1 April 2026: Thu 2, Tue 7, Wed 8, Thu 9, Fri 10.
        assertThat(ENGLAND_AND_WALES.plus(Instant.parse("2026-04-01T14:00:00Z"), 5))
                .isEqualTo("2026-04-10T14:00:00Z");
    }

    @Test
    void christmas2027SkipsBothSubstituteDays() {
        // Friday 24 December 2027: Mon 27 and Tue 28 are the substitute days; Wednesday 29 is the first.
        assertThat(ENGLAND_AND_WALES.plus(Instant.parse("2027-12-24T10:00:00Z"), 1))
                .isEqualTo("2027-12-29T10:00:00Z");
    }

    @Test
    void aForceSetsItsOwnListAndAnEmptyListCountsWeekdaysOnly() {
        Instant friday = Instant.parse("2026-05-01T09:00:00Z");
        assertThat(WorkingDays.of(Set.of()).plus(friday, 1)).isEqualTo("2026-05-04T09:00:00Z");
        assertThat(WorkingDays.of(Set.of(LocalDate.of(2026, 5, 5))).plus(friday, 1))
                .isEqualTo("2026-05-04T09:00:00Z");
        assertThat(WorkingDays.of(Set.of(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5)))
                        .plus(friday, 1))
                .isEqualTo("2026-05-06T09:00:00Z");
    }

    @Test
    void aDecisionAtTheWeekendCountsFromMonday() {
        assertThat(ENGLAND_AND_WALES.plus(Instant.parse("2026-11-28T10:00:00Z"), 1))
                .isEqualTo("2026-11-30T10:00:00Z");
    }

    @Test
    void keyDecisionUpdatesUseTheSameCount() {
        UpdatePreference keyDecisions = new UpdatePreference(UpdateChannel.SMS, UpdateFrequency.KEY_DECISIONS);
        // Tuesday 22 December 2026: Wed 23, Thu 24, Tue 29, Wed 30, Thu 31.
        assertThat(keyDecisions.nextUpdateDue(Instant.parse("2026-12-22T10:00:00Z")))
                .isEqualTo("2026-12-31T10:00:00Z");
    }
}
