package uk.police.bluelamp.contact.chat;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.live.ChatRights;
import uk.police.bluelamp.messages.StoredNames;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;

/**
 * Who may read and write a chat: the citizen holding its token, and the one handler it is
 * assigned to. No one else, not even another handler. For the citizen the read model answers
 * at once and, when it has not caught up with a chat just started, the chat's first event.
 * For a handler the event store alone decides, because the answer is asked again for every
 * frame a handler's socket is sent and must change the moment a transfer or close is stored:
 * the chat's latest assignment, transfer or close, found by one query on its own events.
 */
@Component
class ChatAccess implements ChatRights {

    /**
     * The latest event that decides who holds a contact (assigned to someone, transferred away,
     * closed). The types are written into the query, not bound, so that PostgreSQL can always use
     * the partial index on just these events (V11__holding_events_index.sql).
     */
    private static final String LATEST_HOLDING = """
            select payload, payload_type, payload_revision from domain_event_entry
            where aggregate_identifier = :id and payload_type in (%s)
            order by sequence_number desc limit 1""".formatted(
                    Stream.of(ContactAssigned.class, ContactTransferred.class, ContactClosed.class)
                            .map(type -> "'" + StoredNames.of(type) + "'")
                            .collect(Collectors.joining(", ")));

    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final Serializer events;

    ChatAccess(JdbcClient jdbc, EventStore eventStore, @Qualifier("eventSerializer") Serializer events) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.events = events;
    }

    @Override
    public boolean citizenMayUse(String contactId, String chatToken) {
        if (chatToken == null || chatToken.isBlank()) {
            return false;
        }
        String hash =
                tokenHash(contactId).or(() -> tokenHashFromEvents(contactId)).orElse(null);
        return ChatTokens.matches(chatToken, hash);
    }

    /** Whether the chat is assigned to this handler now: ending a chat leaves it theirs until they close it. */
    @Override
    public boolean handlerMayUse(String contactId, String handler) {
        return handler != null
                && latestHolding(contactId) instanceof ContactAssigned assigned
                && handler.equals(assigned.handler());
    }

    private Optional<String> tokenHash(String contactId) {
        return jdbc.sql("select token_hash from chat_session where contact_id = :id")
                .param("id", contactId)
                .query(String.class)
                .optional();
    }

    private Optional<String> tokenHashFromEvents(String contactId) {
        return eventStore
                .readEvents(contactId, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(ChatStarted.class::isInstance)
                .map(started -> ((ChatStarted) started).chatTokenHash())
                .findFirst();
    }

    private Object latestHolding(String contactId) {
        return jdbc.sql(LATEST_HOLDING)
                .param("id", contactId)
                .query((row, n) -> events.deserialize(new SimpleSerializedObject<>(
                        row.getBytes("payload"),
                        byte[].class,
                        row.getString("payload_type"),
                        row.getString("payload_revision"))))
                .optional()
                .orElse(null);
    }
}
