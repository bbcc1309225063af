package uk.police.bluelamp.contact.callback;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static uk.police.bluelamp.platform.wording.CitizenText.say;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.queue.PhoneNumbers;
import uk.police.bluelamp.messages.contact.CallbackOutcome;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.RecordCallbackAttempt;
import uk.police.bluelamp.messages.contact.command.RequestCallback;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.wording.CitizenText;

/** "Call me back": the citizen's request, and the handler's record of each attempt. */
@RestController
class CallbackController {

    static final Duration SHORTEST_WINDOW = Duration.ofMinutes(30);
    static final Duration FURTHEST_AHEAD = Duration.ofDays(7);
    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 40;
    static final int MAX_TOPIC = 500;
    static final int MAX_ATTEMPT_NOTE = 2000;

    private final Commands commands;
    private final Clock clock;

    CallbackController(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record CallbackRequest(
            @Schema(maxLength = MAX_NAME) String name,

            @Schema(requiredMode = REQUIRED, maxLength = MAX_PHONE, description = "A UK phone number")
            String phone,

            @Schema(requiredMode = REQUIRED, maxLength = MAX_TOPIC) @MultiLine
            String topic,

            @Schema(requiredMode = REQUIRED, format = "date-time", description = "In the next 7 days")
            String windowStart,

            @Schema(
                    requiredMode = REQUIRED,
                    format = "date-time",
                    description = "At least 30 minutes after windowStart")
            String windowEnd,

            @Schema(requiredMode = REQUIRED, description = "Must be false: anyone in danger calls 999")
            Boolean anyoneInDanger) {}

    record CallbackAccepted(
            @Schema(requiredMode = REQUIRED, format = "uuid")
            String contactId,

            @Schema(requiredMode = REQUIRED) Instant windowStart,
            @Schema(requiredMode = REQUIRED) Instant windowEnd) {}

    record AttemptRequest(
            @Schema(requiredMode = REQUIRED, implementation = CallbackOutcome.class)
            String outcome,

            @Schema(format = "date-time") String retryAt,
            @Schema(maxLength = MAX_ATTEMPT_NOTE) @MultiLine String note) {}

    @ApiResponse(responseCode = "201", description = "Requested: the callback joins the queue")
    @PostMapping("/api/v1/callbacks")
    ResponseEntity<CallbackAccepted> request(@RequestBody CallbackRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<FieldError> errors = new ArrayList<>();
        if (!Boolean.FALSE.equals(request.anyoneInDanger())) {
            errors.add(new FieldError(
                    "anyoneInDanger",
                    Boolean.TRUE.equals(request.anyoneInDanger())
                            ? say("callback.danger.yes")
                            : say("danger.required")));
        }
        String name = Fields.optional(request.name(), "name", MAX_NAME, errors);
        String phone = Fields.required(request.phone(), "phone", say("callback.phone.required"), MAX_PHONE, errors);
        if (phone != null
                && (PhoneNumbers.normalise(phone) == null
                        || !PhoneNumbers.normalise(phone).matches("\\+44\\d{9,10}"))) {
            errors.add(new FieldError("phone", say("phone.format")));
        }
        String topic = Fields.required(request.topic(), "topic", say("callback.topic.required"), MAX_TOPIC, errors);
        Instant start = instant(request.windowStart(), "windowStart", errors);
        Instant end = instant(request.windowEnd(), "windowEnd", errors);
        if (start != null && end != null) {
            if (!start.isAfter(now.minus(Duration.ofMinutes(5)))) {
                errors.add(new FieldError("windowStart", say("callback.window.past")));
            } else if (start.isAfter(now.plus(FURTHEST_AHEAD))) {
                errors.add(new FieldError("windowStart", say("callback.window.far")));
            }
            if (Duration.between(start, end).compareTo(SHORTEST_WINDOW) < 0) {
                errors.add(new FieldError("windowEnd", say("callback.window.short")));
            }
        }
        Fields.throwIfAny(errors);
        String contactId = UUID.randomUUID().toString();
        commands.send(
                new RequestCallback(contactId, name, phone, topic, start, end, now, null, CitizenText.language()),
                "citizen",
                Channel.CALLBACK);
        return ResponseEntity.created(URI.create("/api/v1/callbacks/" + contactId))
                .body(new CallbackAccepted(contactId, start, end));
    }

    @PostMapping("/api/v1/staff/contacts/{contactId}/callback-attempts")
    ResponseEntity<Void> attempt(
            @PathVariable String contactId, @RequestBody AttemptRequest request, Authentication staff) {
        List<FieldError> errors = new ArrayList<>();
        CallbackOutcome outcome = null;
        try {
            outcome = CallbackOutcome.valueOf(String.valueOf(request.outcome()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("outcome", "Select whether you reached them"));
        }
        Instant retryAt = request.retryAt() == null || request.retryAt().isBlank()
                ? null
                : instant(request.retryAt(), "retryAt", errors);
        String note = Fields.optional(request.note(), "note", MAX_ATTEMPT_NOTE, errors);
        Fields.throwIfAny(errors);
        commands.send(
                new RecordCallbackAttempt(contactId, staff.getName(), outcome, retryAt, note, clock.instant()),
                Commands.staff(staff.getName()),
                Channel.CALLBACK);
        return ResponseEntity.noContent().build();
    }

    private static Instant instant(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, say("datetime.required")));
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, say("datetime.real")));
            return null;
        }
    }
}
