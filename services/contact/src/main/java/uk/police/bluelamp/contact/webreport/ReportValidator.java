package uk.police.bluelamp.contact.webreport;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.platform.citizen.ContactDetailRules;
import uk.police.bluelamp.platform.web.FieldError;

/** The rules a report must meet, with messages in the GOV.UK style, in the order of the form. */
@Component
class ReportValidator {

    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_LOCATION = 500;
    static final int MAX_TIME = 100;
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = ContactDetailRules.MAX_EMAIL;
    static final int MAX_PHONE = 40;

    private static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final Clock clock;

    ReportValidator(Clock clock) {
        this.clock = clock;
    }

    ValidReport validate(ReportForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form == null) {
            throw new InvalidReport(List.of(new FieldError("body", "Send the report as a JSON object")));
        }
        if (form.anyoneInDanger() == null) {
            errors.add(new FieldError(
                    "anyoneInDanger", "Select yes if anyone is in immediate danger or the crime is happening now"));
        } else if (form.anyoneInDanger()) {
            errors.add(
                    new FieldError(
                            "anyoneInDanger",
                            "If anyone is in immediate danger or the crime is happening now, call 999. Do not report it online"));
        }
        ReportCategory category =
                parseEnum(ReportCategory.class, form.category(), "category", "Select what happened", errors);
        String description = required(
                form.description(), "description", "Enter what happened", MAX_DESCRIPTION, "What happened", errors);
        String location = required(
                form.location(), "location", "Enter where it happened", MAX_LOCATION, "Where it happened", errors);
        LocalDate occurredOn = date(form.occurredOn(), errors);
        String occurredTime = optional(form.occurredTime(), "occurredTime", MAX_TIME, "The time", errors);
        String name = optional(form.name(), "name", MAX_NAME, "Your name", errors);
        String email = optional(form.email(), "email", MAX_EMAIL, "Email address", errors);
        if (email != null && !ContactDetailRules.looksLikeAnEmail(email)) {
            errors.add(new FieldError("email", "Enter an email address in the correct format, like name@example.com"));
        }
        String phone = optional(form.phone(), "phone", MAX_PHONE, "Phone number", errors);
        String phoneDigits = ContactDetailRules.phoneDigits(phone);
        if (phoneDigits != null && !ContactDetailRules.isUkPhone(phoneDigits)) {
            errors.add(new FieldError("phone", "Enter a UK phone number, like 01632 960 001 or 07700 900 982"));
        }
        UpdateChannel channel = parseEnum(
                UpdateChannel.class,
                form.updateChannel(),
                "updateChannel",
                "Select how you want to get updates",
                errors);
        UpdateFrequency frequency = parseEnum(
                UpdateFrequency.class,
                form.updateFrequency(),
                "updateFrequency",
                "Select how often you want to get updates",
                errors);
        if (channel == UpdateChannel.EMAIL && email == null && hasNoErrorFor("email", errors)) {
            errors.add(new FieldError("email", "Enter an email address, so we can send you updates by email"));
        }
        if (channel == UpdateChannel.SMS && hasNoErrorFor("phone", errors)) {
            if (phoneDigits == null) {
                errors.add(new FieldError("phone", "Enter a mobile phone number, so we can send you text messages"));
            } else if (!ContactDetailRules.isUkMobile(phoneDigits)) {
                errors.add(new FieldError("phone", "Enter a UK mobile number for text messages, like 07700 900 982"));
            }
        }
        if (channel == UpdateChannel.PHONE && phoneDigits == null && hasNoErrorFor("phone", errors)) {
            errors.add(new FieldError("phone", "Enter a phone number, so we can call you with updates"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        return new ValidReport(
                new ReportDetails(category, description, location, occurredOn, occurredTime),
                new Reporter(name, email, phone),
                new UpdatePreference(channel, frequency));
    }

    private LocalDate date(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError("occurredOn", "Enter the date it happened"));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredOn", "The date it happened must be a real date"));
            return null;
        }
        if (date.isAfter(LocalDate.now(clock.withZone(FORCE_ZONE)))) {
            errors.add(new FieldError("occurredOn", "The date it happened must be today or in the past"));
        } else if (date.isBefore(EARLIEST)) {
            errors.add(new FieldError("occurredOn", "The date it happened must be after 1 January 1900"));
        }
        return date;
    }

    private static <E extends Enum<E>> E parseEnum(
            Class<E> type, String value, String field, String missing, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, missing + " from the list"));
            return null;
        }
    }

    private static String required(
            String value, String field, String missing, int max, String label, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        return optional(value, field, max, label, errors);
    }

    private static String optional(String value, String field, int max, String label, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, label + " must be " + max + " characters or fewer"));
        }
        return trimmed;
    }

    private static boolean hasNoErrorFor(String field, List<FieldError> errors) {
        return errors.stream().noneMatch(e -> e.field().equals(field));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
