package uk.police.bluelamp.contact.chat;

import static uk.police.bluelamp.platform.wording.CitizenText.say;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import uk.police.bluelamp.contact.handler.HandlerProfiles;
import uk.police.bluelamp.contact.live.Destinations;
import uk.police.bluelamp.contact.live.LivePush;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.command.EndChat;
import uk.police.bluelamp.messages.contact.command.PostChatMessage;
import uk.police.bluelamp.messages.contact.command.StartChat;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.EvidenceAttached;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.evidence.FileTypes;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.wording.CitizenText;

/** Live chat, whichever way a message arrives (STOMP or HTTP). */
@Service
class ChatService {

    static final int MAX_TEXT = 2000;
    static final int MAX_TOPIC = 500;
    static final int MAX_NAME = 200;
    static final int MAX_CLIENT_MESSAGE_ID = 100;
    static final String CLIENT_MESSAGE_ID_PATTERN = "^[A-Za-z0-9._:-]{1,100}$";
    static final Pattern CLIENT_MESSAGE_ID = Pattern.compile(CLIENT_MESSAGE_ID_PATTERN);

    private final Commands commands;
    private final LivePush push;
    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final Clock clock;
    private final Duration idleClose;
    private final HandlerProfiles handlers;

    ChatService(
            Commands commands,
            LivePush push,
            JdbcClient jdbc,
            EventStore eventStore,
            Clock clock,
            @Value("${bluelamp.chat.idle-close:PT5M}") Duration idleClose,
            HandlerProfiles handlers) {
        this.handlers = handlers;
        this.commands = commands;
        this.push = push;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.clock = clock;
        this.idleClose = idleClose;
    }

    record Started(String contactId, String chatToken) {}

    Started start(String name, String topic, Boolean anyoneInDanger) {
        List<FieldError> errors = new ArrayList<>();
        if (!Boolean.FALSE.equals(anyoneInDanger)) {
            errors.add(new FieldError(
                    "anyoneInDanger",
                    Boolean.TRUE.equals(anyoneInDanger) ? say("chat.danger.yes") : say("danger.required")));
        }
        String citizenName = Fields.optional(name, "name", MAX_NAME, errors);
        String about = Fields.required(topic, "topic", say("chat.topic.required"), MAX_TOPIC, errors);
        Fields.throwIfAny(errors);
        String contactId = UUID.randomUUID().toString();
        String token = ChatTokens.newToken();
        commands.send(
                new StartChat(contactId, citizenName, about, ChatTokens.hash(token), now(), CitizenText.language()),
                "citizen",
                Channel.CHAT);
        return new Started(contactId, token);
    }

    /**
     * Stores the message once (by clientMessageId) and pushes it to both sides. A handler's message
     * is stored under their login (the record says who wrote it) and shown under the name citizens see.
     */
    ChatMessageView post(String contactId, ChatAuthor author, String authorName, String clientMessageId, String text) {
        List<FieldError> errors = new ArrayList<>();
        if (clientMessageId == null
                || !CLIENT_MESSAGE_ID.matcher(clientMessageId).matches()) {
            errors.add(new FieldError("clientMessageId", "clientMessageId must be 1 to 100 letters, digits or ._:-"));
        }
        String body = Fields.required(text, "text", say("chat.text.required"), MAX_TEXT, errors);
        Fields.throwIfAny(errors);
        Instant at = now();
        long seq = commands.send(
                new PostChatMessage(contactId, author, authorName, clientMessageId, body, at),
                author == ChatAuthor.HANDLER ? Commands.staff(authorName) : "citizen",
                Channel.CHAT);
        String shownName = author == ChatAuthor.HANDLER ? handlers.forCitizens(authorName) : authorName;
        ChatMessageView message = new ChatMessageView(seq, author.name(), shownName, body, clientMessageId, at);
        push.toTopic(Destinations.chat(contactId), Map.of("type", "message", "message", message));
        return message;
    }

    void end(String contactId, ChatAuthor by, String actor) {
        commands.send(
                new EndChat(contactId, by, actor, now()),
                by == ChatAuthor.HANDLER ? Commands.staff(actor) : "citizen",
                Channel.CHAT);
    }

    /**
     * Read from the chat's own event stream, not a projection: a client resuming after a dropped
     * connection must get every committed message, even one stored a moment ago. Both sides read
     * handlers under the names citizens see, never their logins.
     */
    List<ChatMessageView> transcript(String contactId, long after) {
        Map<String, String> shown = new HashMap<>();
        return eventStore
                .readEvents(contactId, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .<ChatMessageView>mapMulti((payload, into) -> {
                    if (payload instanceof ChatMessagePosted posted && posted.seq() > after) {
                        into.accept(new ChatMessageView(
                                posted.seq(),
                                posted.author().name(),
                                shownName(posted.author(), posted.authorName(), shown),
                                posted.text(),
                                posted.clientMessageId(),
                                posted.at()));
                    } else if (payload instanceof EvidenceAttached file && file.seq() > after) {
                        into.accept(view(file, shownName(file.author(), file.authorName(), shown)));
                    }
                })
                .toList();
    }

    private String shownName(ChatAuthor author, String authorName, Map<String, String> shown) {
        return author == ChatAuthor.HANDLER ? shown.computeIfAbsent(authorName, handlers::forCitizens) : authorName;
    }

    /** A file in the chat as both sides see it, under the name citizens see its sender by. */
    static ChatMessageView view(EvidenceAttached file, String shownName) {
        return new ChatMessageView(
                file.seq(),
                file.author().name(),
                shownName,
                file.fileName(),
                null,
                file.at(),
                new ChatMessageView.Attachment(
                        file.evidenceId(),
                        file.fileName(),
                        file.mediaType(),
                        file.sizeBytes(),
                        file.sha256(),
                        FileTypes.previewable(file.mediaType())));
    }

    /** Pushed to both sides once a file is stored, as a message is. */
    ChatMessageView pushed(EvidenceAttached file) {
        String shownName =
                file.author() == ChatAuthor.HANDLER ? handlers.forCitizens(file.authorName()) : file.authorName();
        ChatMessageView message = view(file, shownName);
        push.toTopic(Destinations.chat(file.contactId()), Map.of("type", "message", "message", message));
        return message;
    }

    Optional<Map<String, Object>> session(String contactId) {
        return jdbc.sql("""
                        select state, handler, citizen_name, end_reason, last_activity_at, idle_warned_at
                        from chat_session where contact_id = :id""").param("id", contactId).query().listOfRows().stream()
                .findFirst();
    }

    /** When an active chat closes unless someone writes: set from the idle warning until the next message. */
    Instant idleClosesAt(Map<String, Object> session) {
        if (!"ACTIVE".equals(session.get("state")) || !(session.get("idle_warned_at") instanceof Timestamp warned)) {
            return null;
        }
        if (session.get("last_activity_at") instanceof Timestamp active && active.after(warned)) {
            return null;
        }
        return warned.toInstant().plus(idleClose);
    }

    String citizenName(String contactId) {
        return session(contactId)
                .map(s -> (String) s.get("citizen_name"))
                .filter(n -> n != null)
                .orElse("You");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
