package uk.police.bluelamp.contact.chat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static uk.police.bluelamp.platform.wording.CitizenText.say;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.RequestChatTranscript;
import uk.police.bluelamp.platform.citizen.ContactDetailRules;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.web.Problems;

/**
 * The citizen asks for a copy of their chat by email. Only the request is stored, as an event
 * (the address encrypted under the chat's subject key); casework's delivery sends the copy from
 * it, so nothing here waits on GOV.UK Notify and a request answered 202 is never lost.
 */
@RestController
class ChatTranscriptController {

    private final ChatAccess access;
    private final Commands commands;
    private final Clock clock;

    ChatTranscriptController(ChatAccess access, Commands commands, Clock clock) {
        this.access = access;
        this.commands = commands;
        this.clock = clock;
    }

    @Schema(name = "ChatTranscriptRequest")
    record TranscriptRequest(
            @Schema(requiredMode = REQUIRED, maxLength = ContactDetailRules.MAX_EMAIL)
            String email) {}

    @ApiResponse(responseCode = "202", description = "Asked for: the copy is sent by email in a few minutes")
    @PostMapping("/api/v1/chats/{contactId}/transcript")
    ResponseEntity<?> request(
            @PathVariable String contactId,
            @RequestBody TranscriptRequest request,
            @RequestHeader(name = ChatController.TOKEN_HEADER, required = false) String token) {
        if (!access.citizenMayUse(contactId, token)) {
            return Problems.of(HttpStatus.NOT_FOUND, "Not found", say("chat.notFound"));
        }
        List<FieldError> errors = new ArrayList<>();
        String email = Fields.required(
                request.email(), "email", say("transcript.email.required"), ContactDetailRules.MAX_EMAIL, errors);
        if (email != null
                && email.length() <= ContactDetailRules.MAX_EMAIL
                && !ContactDetailRules.looksLikeAnEmail(email)) {
            errors.add(new FieldError("email", say("email.format")));
        }
        Fields.throwIfAny(errors);
        commands.send(
                new RequestChatTranscript(
                        contactId,
                        UUID.randomUUID().toString(),
                        email,
                        clock.instant().truncatedTo(ChronoUnit.MICROS)),
                "citizen",
                Channel.CHAT);
        return ResponseEntity.accepted().build();
    }
}
