package uk.police.bluelamp.casework.tracking;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static uk.police.bluelamp.platform.wording.CitizenText.say;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.ChangeUpdatePreference;
import uk.police.bluelamp.messages.casefile.command.PostCaseMessage;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.citizen.ContactDetailRules;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Problems;
import uk.police.bluelamp.platform.wording.CitizenText;

/** What a citizen holding the reference and tracking code may change: their preference, and messages. */
@Component
class CitizenRequests {

    static final int MAX_EMAIL = ContactDetailRules.MAX_EMAIL;
    static final int MAX_MESSAGE = 2000;
    /**
     * UK_PHONE as typed: the same digits, with the spaces, brackets and dashes the check removes
     * first allowed anywhere between them, so the contract states exactly what is accepted.
     */
    static final String UK_PHONE_AS_TYPED = "^[\\s()-]*(?:\\+[\\s()-]*4[\\s()-]*4|0[\\s()-]*0[\\s()-]*4[\\s()-]*4|0)"
            + "(?:[\\s()-]*\\d){9,10}[\\s()-]*$";

    private final Commands commands;
    private final JdbcClient jdbc;
    private final Clock clock;

    CitizenRequests(Commands commands, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record PreferenceRequest(
            @Schema(requiredMode = REQUIRED, implementation = UpdateChannel.class)
            String updateChannel,

            @Schema(requiredMode = REQUIRED, implementation = UpdateFrequency.class)
            String updateFrequency,

            @Schema(format = "email", maxLength = MAX_EMAIL, description = "Required for updates by EMAIL")
            String email,

            @Schema(
                    pattern = UK_PHONE_AS_TYPED,
                    description = "A UK number; a UK mobile for updates by SMS; required for SMS and PHONE")
            String phone) {}

    @Schema(name = "CaseMessageRequest")
    record MessageRequest(
            @Schema(requiredMode = REQUIRED, maxLength = MAX_MESSAGE) @MultiLine
            String text) {}

    ResponseEntity<?> changePreference(String reference, PreferenceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        UpdateChannel channel = parse(
                UpdateChannel.class, request.updateChannel(), "updateChannel", say("updates.channel.required"), errors);
        UpdateFrequency frequency = parse(
                UpdateFrequency.class,
                request.updateFrequency(),
                "updateFrequency",
                say("updates.frequency.required"),
                errors);
        String email = blankToNull(request.email());
        String phone = blankToNull(request.phone());
        String digits = ContactDetailRules.phoneDigits(phone);
        if (email != null && (email.length() > MAX_EMAIL || !ContactDetailRules.looksLikeAnEmail(email))) {
            errors.add(new FieldError("email", say("email.format")));
        } else if (channel == UpdateChannel.EMAIL && email == null) {
            errors.add(new FieldError("email", say("updates.email.required")));
        }
        if (digits != null && !ContactDetailRules.isUkPhone(digits)) {
            errors.add(new FieldError("phone", say("phone.format")));
        } else if (channel == UpdateChannel.SMS && (digits == null || !ContactDetailRules.isUkMobile(digits))) {
            errors.add(new FieldError("phone", say("updates.phone.mobile")));
        } else if (channel == UpdateChannel.PHONE && digits == null) {
            errors.add(new FieldError("phone", say("updates.phone.forCalls")));
        }
        if (!errors.isEmpty()) {
            return Problems.fieldErrors(errors);
        }
        String name = jdbc.sql("select name from case_view where reference = :r")
                .param("r", reference)
                .query(String.class)
                .optional()
                .orElse(null);
        commands.send(
                new ChangeUpdatePreference(
                        reference,
                        // Saved while reading the pages in Welsh, the updates are in Welsh from now on (the form says
                        // so).
                        new UpdatePreference(channel, frequency, CitizenText.language()),
                        new CitizenDetails(name, email, phone),
                        clock.instant()),
                "citizen",
                "WEB");
        return ResponseEntity.noContent().build();
    }

    ResponseEntity<?> message(String reference, MessageRequest request) {
        String text = blankToNull(request.text());
        if (text == null || text.length() > MAX_MESSAGE) {
            return Problems.fieldErrors(List.of(new FieldError(
                    "text",
                    text == null ? say("tracking.message.required") : say("tracking.message.tooLong", MAX_MESSAGE))));
        }
        String id = UUID.randomUUID().toString();
        var at = clock.instant();
        commands.send(new PostCaseMessage(reference, id, MessageAuthor.CITIZEN, "citizen", text, at), "citizen", "WEB");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TrackingView.Message(id, MessageAuthor.CITIZEN.name(), text, at));
    }

    private static <E extends Enum<E>> E parse(
            Class<E> type, String value, String field, String message, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
