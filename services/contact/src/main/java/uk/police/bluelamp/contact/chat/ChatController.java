package uk.police.bluelamp.contact.chat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static uk.police.bluelamp.platform.wording.CitizenText.say;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.handler.HandlerProfiles;
import uk.police.bluelamp.contact.live.CitizenPresence;
import uk.police.bluelamp.contact.queue.QueueReads;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.readmodel.ReadModelWait;
import uk.police.bluelamp.platform.web.Problems;

/** Live chat over HTTP: starting, history after a reconnect, and a fallback for sending. */
@RestController
class ChatController {

    static final String TOKEN_HEADER = "X-Chat-Token";
    private static final Duration POSITION_WAIT = Duration.ofSeconds(2);

    private final ChatService chats;
    private final ChatAccess access;
    private final QueueReads queue;
    private final AccessLog accessLog;
    private final CitizenPresence presence;
    private final ChatCaseCodes caseCodes;
    private final HandlerProfiles handlers;

    ChatController(
            ChatService chats,
            ChatAccess access,
            QueueReads queue,
            AccessLog accessLog,
            CitizenPresence presence,
            ChatCaseCodes caseCodes,
            HandlerProfiles handlers) {
        this.chats = chats;
        this.handlers = handlers;
        this.caseCodes = caseCodes;
        this.access = access;
        this.queue = queue;
        this.accessLog = accessLog;
        this.presence = presence;
    }

    private static int minutes(Duration wait) {
        return (int) Math.max(1, Math.round(wait.toSeconds() / 60.0));
    }

    @Schema(name = "ChatStartRequest")
    record StartRequest(
            @Schema(maxLength = ChatService.MAX_NAME) String name,

            @Schema(requiredMode = REQUIRED, maxLength = ChatService.MAX_TOPIC) @MultiLine
            String topic,

            @Schema(requiredMode = REQUIRED, description = "Must be false: anyone in danger calls 999")
            Boolean anyoneInDanger) {}

    @Schema(name = "ChatStarted")
    record Started(
            @Schema(requiredMode = REQUIRED, format = "uuid")
            String contactId,

            @Schema(requiredMode = REQUIRED, description = "Send as X-Chat-Token; shown only this once")
            String chatToken,

            @Schema(description = "Place in the queue; absent while the queue has not caught up")
            Integer position) {}

    @Schema(name = "ChatMessageRequest")
    record MessageRequest(
            @Schema(
                    requiredMode = REQUIRED,
                    maxLength = ChatService.MAX_CLIENT_MESSAGE_ID,
                    pattern = ChatService.CLIENT_MESSAGE_ID_PATTERN,
                    description = "Chosen by the client: a retry with the same id is stored once")
            String clientMessageId,

            @Schema(requiredMode = REQUIRED, maxLength = ChatService.MAX_TEXT) @MultiLine
            String text) {}

    /**
     * What the citizen sees of their chat; handlerName once a handler has taken it: the name the
     * handler chose for citizens, or a neutral title, never their login.
     */
    record ChatView(
            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"WAITING", "ACTIVE", "ENDED", "ABANDONED"})
            String state,

            Integer position,

            @Schema(
                    description =
                            "Expected wait in whole minutes (at least 1) from recent answer times; absent when too few chats were answered lately to say")
            Integer expectedWaitMinutes,

            String handlerName,
            @Schema(requiredMode = REQUIRED) List<ChatMessageView> messages,

            @Schema(
                    description = "Why an ended chat ended",
                    allowableValues = {"ASKED", "CITIZEN_LEFT", "IDLE"})
            String endReason,

            @Schema(
                    description =
                            "Set while nobody has written since the idle warning: when the chat closes unless someone does")
            Instant idleClosesAt,

            @Schema(
                    description =
                            "The case a handler opened from this chat, for its citizen alone: its reference and tracking code")
            ChatCaseCodes.CaseCode caseOpened) {}

    @ApiResponse(responseCode = "201", description = "Started: the chat joins the queue")
    @PostMapping("/api/v1/chats")
    ResponseEntity<Started> start(@RequestBody StartRequest request) {
        ChatService.Started started = chats.start(request.name(), request.topic(), request.anyoneInDanger());
        Integer position = awaitPosition(started.contactId());
        return ResponseEntity.created(URI.create("/api/v1/chats/" + started.contactId()))
                .body(new Started(started.contactId(), started.chatToken(), position));
    }

    /**
     * The queue is a projection: wait a moment for the new chat to join it, so the citizen sees
     * their place. If it has not joined by then, the position is left out and the page shows none.
     */
    private Integer awaitPosition(String contactId) {
        return ReadModelWait.await(() -> queue.chatPosition(contactId), POSITION_WAIT)
                .orElse(null);
    }

    @ApiResponse(
            responseCode = "200",
            description = "The chat's state and the messages after `after`",
            content = @Content(schema = @Schema(implementation = ChatView.class)))
    @GetMapping("/api/v1/chats/{contactId}")
    ResponseEntity<?> citizenView(
            @PathVariable String contactId,
            @RequestParam(defaultValue = "0") long after,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        if (!access.citizenMayUse(contactId, token)) {
            return notFound();
        }
        // Access is checked against the events; the read model can lag a chat started a moment
        // ago, which is then simply waiting with nothing said yet (not a server error).
        presence.seen(contactId);
        Map<String, Object> session = chats.session(contactId).orElse(Map.of());
        Integer position = queue.chatPosition(contactId).orElse(null);
        return ResponseEntity.ok(new ChatView(
                (String) session.getOrDefault("state", "WAITING"),
                position,
                position == null
                        ? null
                        : queue.expectedChatWait(position)
                                .map(ChatController::minutes)
                                .orElse(null),
                session.get("handler") == null ? null : handlers.forCitizens((String) session.get("handler")),
                chats.transcript(contactId, after),
                (String) session.get("end_reason"),
                chats.idleClosesAt(session),
                caseCodes.of(contactId).orElse(null)));
    }

    @ApiResponse(
            responseCode = "200",
            description = "Stored (once per clientMessageId) and sent to the handler",
            content = @Content(schema = @Schema(implementation = ChatMessageView.class)))
    @PostMapping("/api/v1/chats/{contactId}/messages")
    ResponseEntity<?> citizenPost(
            @PathVariable String contactId,
            @RequestBody MessageRequest request,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        if (!access.citizenMayUse(contactId, token)) {
            return notFound();
        }
        presence.seen(contactId);
        return ResponseEntity.ok(chats.post(
                contactId,
                ChatAuthor.CITIZEN,
                chats.citizenName(contactId),
                request.clientMessageId(),
                request.text()));
    }

    @ApiResponse(responseCode = "204", description = "Ended")
    @PostMapping("/api/v1/chats/{contactId}/end")
    ResponseEntity<?> citizenEnd(
            @PathVariable String contactId, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        if (!access.citizenMayUse(contactId, token)) {
            return notFound();
        }
        chats.end(contactId, ChatAuthor.CITIZEN, "citizen");
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/staff/contacts/{contactId}/chat")
    @AsksReason
    ResponseEntity<List<ChatMessageView>> handlerView(
            @PathVariable String contactId, @RequestParam(defaultValue = "0") long after, Authentication staff) {
        boolean supervisor =
                staff.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR"));
        Optional<Map<String, Object>> session = chats.session(contactId);
        boolean live = session.map(s -> "ACTIVE".equals(s.get("state")) || "WAITING".equals(s.get("state")))
                .orElse(true);
        // A live chat is for its handler alone; once it has ended its transcript is part of the record.
        if (!supervisor && live && !access.handlerMayUse(contactId, staff.getName())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        // The handler following their own live chat fetches only new lines; the look that opened it is logged.
        if (!live || after == 0) {
            accessLog.contactOpened(
                    contactId,
                    live ? "live chat" : "chat transcript",
                    session.map(s -> (String) s.get("handler")).orElse(null));
        }
        return ResponseEntity.ok(chats.transcript(contactId, after));
    }

    @PostMapping("/api/v1/staff/contacts/{contactId}/chat/end")
    ResponseEntity<Void> handlerEnd(@PathVariable String contactId, Authentication staff) {
        // Only the one working a chat ends it, as only they may talk in it.
        if (!access.handlerMayUse(contactId, staff.getName())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        chats.end(contactId, ChatAuthor.HANDLER, staff.getName());
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", say("chat.notFound"));
    }
}
