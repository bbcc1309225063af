package uk.police.bluelamp.messages.casefile;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import uk.police.bluelamp.messages.contact.Language;

/**
 * How, how often and in which language a citizen wants to hear about their case (Victims'
 * Code, Right 6; the Welsh Language Standards). When the next update is due follows from the
 * preference alone, so it lives here, in the language every context shares. A preference
 * stored before the language was asked reads as English.
 */
public record UpdatePreference(UpdateChannel channel, UpdateFrequency frequency, Language language) {

    public UpdatePreference {
        language = Language.orEnglish(language);
    }

    public UpdatePreference(UpdateChannel channel, UpdateFrequency frequency) {
        this(channel, frequency, Language.ENGLISH);
    }

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");

    /** Under the Victims' Code a key decision must reach the victim within 5 working days. */
    static final int KEY_DECISION_WORKING_DAYS = 5;

    /** When the next update is due, counting working days as England and Wales does by default. */
    public Instant nextUpdateDue(Instant from) {
        return nextUpdateDue(from, WorkingDays.ENGLAND_AND_WALES);
    }

    public Instant nextUpdateDue(Instant from, WorkingDays workingDays) {
        ZonedDateTime start = from.atZone(FORCE_ZONE);
        ZonedDateTime due = switch (frequency) {
            case WEEKLY -> start.plusWeeks(1);
            case FORTNIGHTLY -> start.plusWeeks(2);
            case MONTHLY -> start.plusMonths(1);
            case KEY_DECISIONS -> workingDays.plus(start, KEY_DECISION_WORKING_DAYS);
        };
        return due.toInstant();
    }

    public static Instant plusWorkingDays(Instant from, int days) {
        return WorkingDays.ENGLAND_AND_WALES.plus(from, days);
    }
}
