package uk.police.bluelamp.resourcing.citizenreports;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;

/** Whole months [from, to] in the force's time zone; the last twelve up to this one when not given. */
record MonthRange(YearMonth from, YearMonth to) {

    static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");
    static final int LONGEST_MONTHS = 36;
    private static final YearMonth FIRST = YearMonth.of(2000, 1);

    static MonthRange of(String from, String to, Clock clock) {
        YearMonth now = YearMonth.now(clock.withZone(FORCE_ZONE));
        List<FieldError> errors = new ArrayList<>();
        YearMonth last = parse(to, "to", now, errors);
        YearMonth first = parse(from, "from", last == null ? now.minusMonths(11) : last.minusMonths(11), errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add(new FieldError("to", "The last month must not be before the first"));
            } else if (first.plusMonths(LONGEST_MONTHS).isBefore(last.plusMonths(1))) {
                errors.add(new FieldError("to", "Choose " + LONGEST_MONTHS + " months or fewer"));
            }
        }
        Fields.throwIfAny(errors);
        return new MonthRange(first, last);
    }

    Instant start() {
        return from.atDay(1).atStartOfDay(FORCE_ZONE).toInstant();
    }

    Instant end() {
        return to.plusMonths(1).atDay(1).atStartOfDay(FORCE_ZONE).toInstant();
    }

    List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    private static YearMonth parse(String value, String field, YearMonth otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            YearMonth month = value.strip().matches("\\d{4}-\\d{2}") ? YearMonth.parse(value.strip()) : null;
            if (month != null && !month.isBefore(FIRST) && month.getYear() <= 2999) {
                return month;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add(new FieldError(field, "Enter a month as year and month, like 2026-11"));
        return null;
    }
}
