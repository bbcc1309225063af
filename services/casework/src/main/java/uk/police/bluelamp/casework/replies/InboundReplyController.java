package uk.police.bluelamp.casework.replies;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.citizen.ContactDetailRules;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;

/**
 * The providers' webhooks for citizens' replies: GOV.UK Notify's received-text-message callback,
 * and an inbound email in Postmark's JSON shape (docs/api.md). Both are authenticated before the
 * body is read (InboundCallers); what is not ours to store is refused with field errors, and a
 * delivery seen before is answered as received.
 */
@RestController
class InboundReplyController {

    /** The longest secure message on a case: a reply longer than this is refused, not cut. */
    static final int MAX_TEXT = 2000;

    static final int MAX_SUBJECT = 998;
    static final int MAX_BODY = 60_000;
    static final String PHONE = "^\\+?[0-9]{6,20}$";
    static final String UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);
    private static final Pattern UUID_PATTERN = Pattern.compile(UUID);

    @Schema(name = "NotifyReceivedText", description = "GOV.UK Notify's received text message callback")
    record ReceivedText(
            @Schema(requiredMode = REQUIRED, format = "uuid", description = "Notify's id: a retry repeats it")
            String id,

            @JsonProperty("source_number")
            @Schema(requiredMode = REQUIRED, pattern = PHONE, description = "The citizen's number, as 447700900123")
            String sourceNumber,

            @JsonProperty("destination_number") @Schema(maxLength = 20, description = "The service's inbound number")
            String destinationNumber,

            @Schema(requiredMode = REQUIRED, maxLength = MAX_TEXT) @MultiLine
            String message,

            @JsonProperty("date_received") @Schema(maxLength = 40, description = "UTC, as 2026-12-06T10:15:30.000000Z")
            String dateReceived) {}

    @Schema(name = "InboundEmailAddress")
    record Address(
            @JsonProperty("Email") @Schema(maxLength = ContactDetailRules.MAX_EMAIL)
            String email,

            @JsonProperty("Name") @Schema(maxLength = 200) String name) {}

    @Schema(name = "InboundEmailHeader")
    record Header(
            @JsonProperty("Name") @Schema(maxLength = 200) String name,

            @JsonProperty("Value") @Schema(maxLength = 2000) @MultiLine
            String value) {}

    /** The part of Postmark's inbound JSON Blue Lamp reads; every other property is ignored unread. */
    @Schema(name = "InboundEmail", description = "An inbound email as Postmark's inbound webhook posts it")
    record InboundEmail(
            @JsonProperty("MessageID")
            @Schema(requiredMode = REQUIRED, format = "uuid", description = "The provider's id: a retry repeats it")
            String messageId,

            @JsonProperty("From") @Schema(maxLength = 400, description = "Used when FromFull is absent")
            String from,

            @JsonProperty("FromFull") Address fromFull,

            @JsonProperty("Subject") @Schema(maxLength = MAX_SUBJECT)
            String subject,

            @JsonProperty("TextBody")
            @Schema(maxLength = MAX_BODY, description = "Read when StrippedTextReply is empty")
            @MultiLine
            String textBody,

            @JsonProperty("StrippedTextReply")
            @Schema(maxLength = MAX_TEXT, description = "The reply without the quoted message; read first")
            @MultiLine
            String strippedTextReply,

            @JsonProperty("Headers")
            @Schema(description = "Received-SPF is read: only a Pass lets the sender's address find a case")
            List<Header> headers) {}

    @Schema(name = "ReplyReceipt")
    record Receipt(
            @Schema(requiredMode = REQUIRED) String replyId,

            @Schema(requiredMode = REQUIRED, implementation = InboundReplies.Outcome.class)
            String outcome) {}

    private final InboundReplies replies;
    private final Clock clock;

    InboundReplyController(InboundReplies replies, Clock clock) {
        this.replies = replies;
        this.clock = clock;
    }

    @Operation(summary = "GOV.UK Notify's callback for a text message a citizen sent to the service's number")
    @ApiResponse(responseCode = "200", description = "Received: on a case, waiting for a handler, or seen before")
    @ApiResponse(responseCode = "400", description = "Per-field errors; nothing was stored")
    @ApiResponse(responseCode = "401", description = "Not Notify's bearer token; nothing was read")
    @PostMapping(InboundCallers.SMS_PATH)
    ResponseEntity<Receipt> text(@RequestBody ReceivedText body) {
        List<FieldError> errors = new ArrayList<>();
        String id = id(body.id(), "id", errors);
        String number = body.sourceNumber() == null ? "" : body.sourceNumber().strip();
        if (!PHONE_PATTERN.matcher(number).matches()) {
            errors.add(new FieldError("source_number", "source_number must be a phone number"));
        }
        String text = Fields.required(body.message(), "message", "message is required", MAX_TEXT, errors);
        Fields.throwIfAny(errors);
        return receive(new InboundReplies.Inbound(
                "sms-" + id,
                ReplyChannel.SMS,
                number,
                ReplyMatcher.key(ReplyChannel.SMS, number),
                null,
                text,
                receivedAt(body.dateReceived())));
    }

    @Operation(summary = "An inbound email: a citizen's reply to an update, in Postmark's inbound JSON")
    @ApiResponse(responseCode = "200", description = "Received: on a case, waiting for a handler, or seen before")
    @ApiResponse(responseCode = "400", description = "Per-field errors; nothing was stored")
    @ApiResponse(responseCode = "401", description = "Not the provider's token; nothing was read")
    @PostMapping(InboundCallers.EMAIL_PATH)
    ResponseEntity<Receipt> email(@RequestBody InboundEmail body) {
        List<FieldError> errors = new ArrayList<>();
        String id = id(body.messageId(), "MessageID", errors);
        String address = body.fromFull() != null && body.fromFull().email() != null
                ? body.fromFull().email().strip()
                : addressIn(body.from());
        if (address == null
                || address.length() > ContactDetailRules.MAX_EMAIL
                || !ContactDetailRules.looksLikeAnEmail(address)) {
            errors.add(new FieldError("FromFull.Email", "FromFull.Email must be an email address"));
        }
        String subject = Fields.optional(body.subject(), "Subject", MAX_SUBJECT, errors);
        boolean stripped =
                body.strippedTextReply() != null && !body.strippedTextReply().isBlank();
        String field = stripped ? "StrippedTextReply" : "TextBody";
        String text = Fields.optional(stripped ? body.strippedTextReply() : body.textBody(), field, MAX_TEXT, errors);
        if (text == null) {
            text = subject;
        }
        if (text == null) {
            errors.add(new FieldError("TextBody", "The email has no text: TextBody is required"));
        }
        Fields.throwIfAny(errors);
        return receive(new InboundReplies.Inbound(
                "email-" + id,
                ReplyChannel.EMAIL,
                address,
                senderPassed(body.headers()) ? ReplyMatcher.key(ReplyChannel.EMAIL, address) : null,
                subject,
                text,
                clock.instant()));
    }

    private ResponseEntity<Receipt> receive(InboundReplies.Inbound reply) {
        return ResponseEntity.ok(
                new Receipt(reply.replyId(), replies.receive(reply).name()));
    }

    private static String id(String value, String field, List<FieldError> errors) {
        if (value == null || !UUID_PATTERN.matcher(value.strip()).matches()) {
            errors.add(new FieldError(field, field + " must be the provider's message id (a UUID)"));
            return null;
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** "Name &lt;address&gt;" or the bare address. */
    private static String addressIn(String from) {
        if (from == null || from.isBlank()) {
            return null;
        }
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }

    /**
     * A From address is anyone's to type: only mail its domain's SPF record allowed (as the
     * provider's Received-SPF header says) may find a case by its sender.
     */
    static boolean senderPassed(List<Header> headers) {
        return headers != null
                && headers.stream()
                        .anyMatch(h -> h != null
                                && "Received-SPF".equalsIgnoreCase(h.name())
                                && h.value() != null
                                && h.value().strip().toLowerCase(Locale.ROOT).startsWith("pass"));
    }

    /** Notify's time of receipt when it reads and is not in the future; otherwise now. */
    private Instant receivedAt(String dateReceived) {
        Instant now = clock.instant();
        if (dateReceived == null || dateReceived.isBlank()) {
            return now;
        }
        try {
            String value = dateReceived.strip();
            Instant at = Instant.parse(value.endsWith("Z") ? value : value + "Z");
            return at.isAfter(now) ? now : at;
        } catch (DateTimeParseException unreadable) {
            return now;
        }
    }
}
