package uk.police.bluelamp.contact.chat;

import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.ChatStarted;
import uk.police.bluelamp.messages.contact.ContactAssigned;
import uk.police.bluelamp.messages.contact.ContactClosed;
import uk.police.bluelamp.messages.contact.ContactTransferred;

/**
 * Who may read and write a chat: the citizen holding its token, and the one handler it is
 * assigned to. No one else, not even another handler. The read model answers at once; when it
 * says no, the chat's own events decide, because a citizen who has just started a chat or a
 * handler who has just taken one may arrive before the read model has caught up.
 */
@Component
public class ChatAccess {

    private final JdbcClient jdbc;
    private final EventStore eventStore;

    ChatAccess(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    public boolean citizenMayUse(String contactId, String chatToken) {
        if (chatToken == null || chatToken.isBlank()) {
            return false;
        }
        String hash = tokenHash(contactId).or(() -> tokenHashFromEvents(contactId)).orElse(null);
        return ChatTokens.matches(chatToken, hash);
    }

    public boolean handlerMayUse(String contactId, String handler) {
        if (handler == null) {
            return false;
        }
        return handler.equals(assignedHandler(contactId).orElse(null))
                || handler.equals(assignedHandlerFromEvents(contactId));
    }

    private Optional<String> tokenHash(String contactId) {
        return jdbc.sql("select token_hash from chat_session where contact_id = :id")
                .param("id", contactId).query(String.class).optional();
    }

    private Optional<String> assignedHandler(String contactId) {
        return jdbc.sql("select handler from chat_session where contact_id = :id and state = 'ACTIVE'")
                .param("id", contactId).query(String.class).optional().filter(Objects::nonNull);
    }

    private Optional<String> tokenHashFromEvents(String contactId) {
        return eventStore.readEvents(contactId).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(ChatStarted.class::isInstance)
                .map(started -> ((ChatStarted) started).chatTokenHash())
                .findFirst();
    }

    private String assignedHandlerFromEvents(String contactId) {
        String assigned = null;
        for (Object event : eventStore.readEvents(contactId).asStream().map(DomainEventMessage::getPayload).toList()) {
            if (event instanceof ContactAssigned a) {
                assigned = a.handler();
            } else if (event instanceof ContactTransferred || event instanceof ContactClosed) {
                assigned = null;
            }
        }
        return assigned;
    }
}
