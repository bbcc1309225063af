package uk.police.bluelamp.contact.webreport;

import static uk.police.bluelamp.platform.wording.CitizenText.say;

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
import uk.police.bluelamp.platform.wording.CitizenText;

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
            errors.add(new FieldError("anyoneInDanger", say("danger.required")));
        } else if (form.anyoneInDanger()) {
            errors.add(new FieldError("anyoneInDanger", say("report.danger.yes")));
        }
        ReportCategory category =
                parseEnum(ReportCategory.class, form.category(), "category", "report.category", errors);
        String description = required(form.description(), "description", "report.description", MAX_DESCRIPTION, errors);
        String location = required(form.location(), "location", "report.location", MAX_LOCATION, errors);
        LocalDate occurredOn = date(form.occurredOn(), errors);
        String occurredTime = optional(form.occurredTime(), "occurredTime", MAX_TIME, "report.occurredTime", errors);
        String name = optional(form.name(), "name", MAX_NAME, "report.name", errors);
        String email = optional(form.email(), "email", MAX_EMAIL, "report.email", errors);
        if (email != null && !ContactDetailRules.looksLikeAnEmail(email)) {
            errors.add(new FieldError("email", say("email.format")));
        }
        String phone = optional(form.phone(), "phone", MAX_PHONE, "report.phone", errors);
        String phoneDigits = ContactDetailRules.phoneDigits(phone);
        if (phoneDigits != null && !ContactDetailRules.isUkPhone(phoneDigits)) {
            errors.add(new FieldError("phone", say("phone.format")));
        }
        UpdateChannel channel =
                parseEnum(UpdateChannel.class, form.updateChannel(), "updateChannel", "updates.channel", errors);
        UpdateFrequency frequency = parseEnum(
                UpdateFrequency.class, form.updateFrequency(), "updateFrequency", "updates.frequency", errors);
        if (channel == UpdateChannel.EMAIL && email == null && hasNoErrorFor("email", errors)) {
            errors.add(new FieldError("email", say("updates.email.required")));
        }
        if (channel == UpdateChannel.SMS && hasNoErrorFor("phone", errors)) {
            if (phoneDigits == null) {
                errors.add(new FieldError("phone", say("updates.phone.forTexts")));
            } else if (!ContactDetailRules.isUkMobile(phoneDigits)) {
                errors.add(new FieldError("phone", say("updates.phone.mobile")));
            }
        }
        if (channel == UpdateChannel.PHONE && phoneDigits == null && hasNoErrorFor("phone", errors)) {
            errors.add(new FieldError("phone", say("updates.phone.forCalls")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidReport(errors);
        }
        return new ValidReport(
                new ReportDetails(category, description, location, occurredOn, occurredTime),
                new Reporter(name, email, phone),
                new UpdatePreference(channel, frequency, CitizenText.language()));
    }

    private LocalDate date(String value, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError("occurredOn", say("report.occurredOn.required")));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredOn", say("report.occurredOn.real")));
            return null;
        }
        if (date.isAfter(LocalDate.now(clock.withZone(FORCE_ZONE)))) {
            errors.add(new FieldError("occurredOn", say("report.occurredOn.future")));
        } else if (date.isBefore(EARLIEST)) {
            errors.add(new FieldError("occurredOn", say("report.occurredOn.early")));
        }
        return date;
    }

    private static <E extends Enum<E>> E parseEnum(
            Class<E> type, String value, String field, String key, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, say(key + ".required")));
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, say(key + ".fromList")));
            return null;
        }
    }

    /** @param key the messages' stem: key.required when missing, key.tooLong when too long */
    private static String required(String value, String field, String key, int max, List<FieldError> errors) {
        if (isBlank(value)) {
            errors.add(new FieldError(field, say(key + ".required")));
            return null;
        }
        return optional(value, field, max, key, errors);
    }

    private static String optional(String value, String field, int max, String key, List<FieldError> errors) {
        if (isBlank(value)) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, say(key + ".tooLong", max)));
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
