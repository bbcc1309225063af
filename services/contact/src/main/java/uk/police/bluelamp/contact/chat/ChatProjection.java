package uk.police.bluelamp.contact.chat;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Keeps who may use each chat and its state. Transcripts are read from the chat's own events
 * (ChatService), and both sides hear of state changes from QueueAnnouncer.
 */
@Component
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
@ReadModel(tables = "chat_session")
class ChatProjection {

    static final String PROCESSING_GROUP = "chat";

    private final JdbcClient jdbc;

    ChatProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from chat_session").update();
    }

    @EventHandler
    void on(ChatStarted event) {
        jdbc.sql("""
                insert into chat_session (contact_id, token_hash, citizen_name, topic, state, started_at)
                values (:id, :hash, :name, :topic, 'WAITING', :at)
                on conflict (contact_id) do nothing
                """)
                .param("id", event.contactId())
                .param("hash", event.chatTokenHash())
                .param("name", event.citizenName())
                .param("topic", event.topic())
                .param("at", Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(ContactAssigned event) {
        if (event.channel() != Channel.CHAT) {
            return;
        }
        jdbc.sql("""
                        update chat_session set state = 'ACTIVE', handler = :handler, last_activity_at = :at
                        where contact_id = :id""")
                .param("handler", event.handler())
                .param("at", Timestamp.from(event.at()))
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(ChatMessagePosted event) {
        jdbc.sql("update chat_session set last_activity_at = greatest(last_activity_at, :at) where contact_id = :id")
                .param("at", Timestamp.from(event.at()))
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(EvidenceAttached event) {
        jdbc.sql("update chat_session set last_activity_at = greatest(last_activity_at, :at) where contact_id = :id")
                .param("at", Timestamp.from(event.at()))
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(ChatIdleWarned event) {
        jdbc.sql("update chat_session set idle_warned_at = :at where contact_id = :id")
                .param("at", Timestamp.from(event.at()))
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(ContactTransferred event) {
        if (event.channel() == Channel.CHAT && event.toHandler() == null) {
            jdbc.sql("update chat_session set state = 'WAITING', handler = null where contact_id = :id")
                    .param("id", event.contactId())
                    .update();
        }
    }

    @EventHandler
    void on(ContactAbandoned event) {
        if (event.channel() == Channel.CHAT) {
            jdbc.sql("update chat_session set state = 'ABANDONED' where contact_id = :id")
                    .param("id", event.contactId())
                    .update();
        }
    }

    @EventHandler
    void on(ChatEnded event) {
        jdbc.sql("""
                        update chat_session set end_reason = :reason,
                            state = case when state = 'ABANDONED' then state else 'ENDED' end
                        where contact_id = :id""")
                .param("reason", event.why().name())
                .param("id", event.contactId())
                .update();
    }
}
