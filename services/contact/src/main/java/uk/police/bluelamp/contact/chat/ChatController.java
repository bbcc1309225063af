package uk.police.bluelamp.contact.chat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.contact.queue.QueueReads;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.text.MultiLine;
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

    ChatController(ChatService chats, ChatAccess access, QueueReads queue, AccessLog accessLog) {
        this.chats = chats;
        this.access = access;
        this.queue = queue;
        this.accessLog = accessLog;
    }

    record StartRequest(String name, @MultiLine String topic, Boolean anyoneInDanger) {
    }

    record Started(String contactId, String chatToken, Integer position) {
    }

    record MessageRequest(String clientMessageId, @MultiLine String text) {
    }

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
        return ReadModelWait.await(() -> queue.chatPosition(contactId), POSITION_WAIT).orElse(null);
    }

    @GetMapping("/api/v1/chats/{contactId}")
    ResponseEntity<?> citizenView(@PathVariable String contactId, @RequestParam(defaultValue = "0") long after,
                                  @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        if (!access.citizenMayUse(contactId, token)) {
            return notFound();
        }
        // Access is checked against the events; the read model can lag a chat started a moment
        // ago, which is then simply waiting with nothing said yet (not a server error).
        Map<String, Object> session = chats.session(contactId).orElse(Map.of());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", session.getOrDefault("state", "WAITING"));
        view.put("position", queue.chatPosition(contactId).orElse(null));
        view.put("handlerName", session.get("handler"));
        view.put("messages", chats.transcript(contactId, after));
        return ResponseEntity.ok(view);
    }

    @PostMapping("/api/v1/chats/{contactId}/messages")
    ResponseEntity<?> citizenPost(@PathVariable String contactId, @RequestBody MessageRequest request,
                                  @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        if (!access.citizenMayUse(contactId, token)) {
            return notFound();
        }
        return ResponseEntity.ok(chats.post(contactId, ChatAuthor.CITIZEN, chats.citizenName(contactId),
                request.clientMessageId(), request.text()));
    }

    @PostMapping("/api/v1/chats/{contactId}/end")
    ResponseEntity<?> citizenEnd(@PathVariable String contactId,
                                 @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        if (!access.citizenMayUse(contactId, token)) {
            return notFound();
        }
        chats.end(contactId, ChatAuthor.CITIZEN, "citizen");
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/staff/contacts/{contactId}/chat")
    ResponseEntity<List<ChatMessageView>> handlerView(@PathVariable String contactId,
                                                      @RequestParam(defaultValue = "0") long after,
                                                      Authentication staff) {
        boolean supervisor = staff.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_SUPERVISOR"));
        Optional<Map<String, Object>> session = chats.session(contactId);
        boolean live = session.map(s -> "ACTIVE".equals(s.get("state")) || "WAITING".equals(s.get("state")))
                .orElse(true);
        // A live chat is for its handler alone; once it has ended its transcript is part of the record.
        if (!supervisor && live && !access.handlerMayUse(contactId, staff.getName())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        // The handler following their own live chat fetches only new lines; the look that opened it is logged.
        if (!live || after == 0) {
            accessLog.contactOpened(contactId, live ? "live chat" : "chat transcript",
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
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", "There is no such chat.");
    }
}
