package uk.police.bluelamp.messages.casefile;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Which days count as working days for the Victims' Code's "within 5 working days": Monday to
 * Friday except bank holidays, in the force's time zone (docs/adr/0039-victims-code-ledger.md).
 * The published England and Wales bank holidays are the default; a force elsewhere, or a year
 * the list does not reach yet, sets its own (casework's {@code bluelamp.victims-code}). An
 * interface, not a record: it is a rule beside the preference whose due times it counts, not a message.
 */
public interface WorkingDays {

    /** England and Wales bank holidays for 2026 and 2027, as published on GOV.UK. */
    WorkingDays ENGLAND_AND_WALES = of(Set.of(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 3, 26),
            LocalDate.of(2027, 3, 29),
            LocalDate.of(2027, 5, 3),
            LocalDate.of(2027, 5, 31),
            LocalDate.of(2027, 8, 30),
            LocalDate.of(2027, 12, 27),
            LocalDate.of(2027, 12, 28)));

    static WorkingDays of(Set<LocalDate> bankHolidays) {
        Set<LocalDate> days = Set.copyOf(bankHolidays);
        return () -> days;
    }

    Set<LocalDate> bankHolidays();

    default boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays().contains(day);
    }

    /**
     * The same time of day on the {@code days}-th working day after {@code from}'s date: a decision
     * made on a Friday afternoon with 1 working day to tell is due by Monday afternoon, or Tuesday's
     * if Monday is a bank holiday.
     */
    default Instant plus(Instant from, int days) {
        return plus(from.atZone(UpdatePreference.FORCE_ZONE), days).toInstant();
    }

    default ZonedDateTime plus(ZonedDateTime start, int days) {
        ZonedDateTime day = start;
        int added = 0;
        while (added < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day.toLocalDate())) {
                added++;
            }
        }
        return day;
    }
}
