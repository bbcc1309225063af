package uk.police.bluelamp.contact.chat;

import java.time.Instant;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatIdleWarned;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.EvidenceAttached;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Keeps who may use each chat and its state. Transcripts are read from the chat's own events
 * (ChatService), and both sides hear of state changes from QueueAnnouncer. A batch's changes are
 * gathered per chat and written at commit in a few statements (ChatChanges, {@link BatchedWrites}).
 */
@Component
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
@ReadModel(tables = "chat_session")
class ChatProjection {

    static final String PROCESSING_GROUP = "chat";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<ChatChanges> writes;

    ChatProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, ChatProjection.class, ChatChanges::new);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from chat_session");
    }

    @EventHandler
    void on(ChatStarted event, @MessageIdentifier String id) {
        Instant at = Objects.requireNonNull(event.at());
        writes.write(
                id,
                chats -> chats.started(
                        event.contactId(), event.chatTokenHash(), event.citizenName(), event.topic(), at));
    }

    @EventHandler
    void on(ContactAssigned event, @MessageIdentifier String id) {
        if (event.channel() == Channel.CHAT) {
            Instant at = Objects.requireNonNull(event.at());
            writes.write(id, chats -> chats.assigned(event.contactId(), event.handler(), at));
        }
    }

    @EventHandler
    void on(ChatMessagePosted event, @MessageIdentifier String id) {
        active(id, event.contactId(), event.at());
    }

    @EventHandler
    void on(EvidenceAttached event, @MessageIdentifier String id) {
        active(id, event.contactId(), event.at());
    }

    @EventHandler
    void on(ChatIdleWarned event, @MessageIdentifier String id) {
        Instant at = Objects.requireNonNull(event.at());
        writes.write(id, chats -> chats.idleWarned(event.contactId(), at));
    }

    @EventHandler
    void on(ContactTransferred event, @MessageIdentifier String id) {
        if (event.channel() == Channel.CHAT && event.toHandler() == null) {
            writes.write(id, chats -> chats.backToQueue(event.contactId()));
        }
    }

    @EventHandler
    void on(ContactAbandoned event, @MessageIdentifier String id) {
        if (event.channel() == Channel.CHAT) {
            writes.write(id, chats -> chats.abandoned(event.contactId()));
        }
    }

    @EventHandler
    void on(ChatEnded event, @MessageIdentifier String id) {
        String reason = event.why().name();
        writes.write(id, chats -> chats.ended(event.contactId(), reason));
    }

    private void active(String id, String contactId, Instant at) {
        Instant activeAt = Objects.requireNonNull(at);
        writes.write(id, chats -> chats.active(contactId, activeAt));
    }
}
