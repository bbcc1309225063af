package uk.police.bluelamp.resourcing.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.InvalidRequest;

/**
 * Whole days [from, to) in the force's time zone. A day starts at local midnight, so the day
 * the clocks go forward is 23 hours (92 quarter hours) and the day they go back 25 (100).
 */
record Period(LocalDate from, LocalDate to) {

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");
    /** Longer than a year, so a year can be compared with the one before it a day at a time. */
    static final int LONGEST_DAYS = 400;

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2999;

    Instant start() {
        return from.atStartOfDay(FORCE_ZONE).toInstant();
    }

    Instant end() {
        return to.atStartOfDay(FORCE_ZONE).toInstant();
    }

    /** The last day in the period, as people name a period ("1 to 31 March"). */
    LocalDate lastDay() {
        return to.minusDays(1);
    }

    static Period of(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        Period period = of(from, to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return period;
    }

    /** The period, or null with the reasons added to errors (so they join the request's others). */
    static Period of(String from, String to, List<FieldError> errors) {
        int before = errors.size();
        LocalDate first = date(from, "from", "first day", errors);
        LocalDate end = date(to, "to", "day after the last", errors);
        if (first != null && end != null) {
            if (!end.isAfter(first)) {
                errors.add(new FieldError("to", "The end of the period must be after its first day"));
            } else if (ChronoUnit.DAYS.between(first, end) > LONGEST_DAYS) {
                errors.add(new FieldError("to", "The period must be " + LONGEST_DAYS + " days or shorter"));
            }
        }
        return errors.size() > before ? null : new Period(first, end);
    }

    private static LocalDate date(String value, String field, String what, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "Enter the " + what + " of the period"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                errors.add(new FieldError(field, "Enter a date between the years " + FIRST_YEAR + " and " + LAST_YEAR));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter the " + what + " as a real date, like 2026-03-29"));
            return null;
        }
    }
}
