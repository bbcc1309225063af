package uk.police.bluelamp.messages.casefile;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * How and how often a citizen wants to hear about their case (Victims' Code, Right 6).
 * When the next update is due follows from the preference alone, so it lives here, in the
 * language every context shares.
 */
public record UpdatePreference(UpdateChannel channel, UpdateFrequency frequency) {

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");

    /** Under the Victims' Code a key decision must reach the victim within 5 working days. */
    static final int KEY_DECISION_WORKING_DAYS = 5;

    public Instant nextUpdateDue(Instant from) {
        ZonedDateTime start = from.atZone(FORCE_ZONE);
        ZonedDateTime due = switch (frequency) {
            case WEEKLY -> start.plusWeeks(1);
            case FORTNIGHTLY -> start.plusWeeks(2);
            case MONTHLY -> start.plusMonths(1);
            case KEY_DECISIONS -> plusWorkingDays(start, KEY_DECISION_WORKING_DAYS);
        };
        return due.toInstant();
    }

    public static Instant plusWorkingDays(Instant from, int days) {
        return plusWorkingDays(from.atZone(FORCE_ZONE), days).toInstant();
    }

    private static ZonedDateTime plusWorkingDays(ZonedDateTime start, int days) {
        ZonedDateTime day = start;
        int added = 0;
        while (added < days) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return day;
    }
}
