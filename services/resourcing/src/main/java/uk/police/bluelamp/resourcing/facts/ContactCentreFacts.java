package uk.police.bluelamp.resourcing.facts;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.CallAnswered;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * What every contact-centre figure is made of, kept from the contact and handler events: when
 * each contact was offered, answered, abandoned, ended and closed, and each handler's
 * availability as spans of time. The moments are the events' own (a call-back is offered from
 * the start of its window, as the queue has it), so a rebuild over the whole log gives the same
 * rows, and figures over any past period come from here.
 */
@Component
@ProcessingGroup(ContactCentreFacts.PROCESSING_GROUP)
@ReadModel(
        tables = {"contact_fact", "handler_span"},
        holdsPersonalData = false)
class ContactCentreFacts {

    static final String PROCESSING_GROUP = "resourcing";

    private final JdbcClient jdbc;

    ContactCentreFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from contact_fact").update();
        jdbc.sql("delete from handler_span").update();
    }

    @EventHandler
    void on(ContactReceived event) {
        offered(event.contactId(), event.channel(), event.receivedAt());
    }

    @EventHandler
    void on(ChatStarted event) {
        offered(event.contactId(), Channel.CHAT, event.at());
    }

    @EventHandler
    void on(CallRang event) {
        offered(event.contactId(), Channel.PHONE, event.at());
    }

    @EventHandler
    void on(CallbackRequested event) {
        offered(event.contactId(), Channel.CALLBACK, event.windowStart());
    }

    @EventHandler
    void on(ContactAssigned event) {
        change(event.contactId(), """
                update contact_fact set answered_at = coalesce(answered_at, :at), answered_by = coalesce(answered_by, :by)
                where contact_id = :id
                """, Map.of("at", ts(event.at()), "by", event.handler()));
    }

    /** A hangup that overtook its answer: the call was answered after all, not abandoned. */
    @EventHandler
    void on(CallAnswered event) {
        if (event.afterHangup()) {
            jdbc.sql("""
                            update contact_fact set answered_at = coalesce(answered_at, :at),
                                   answered_by = coalesce(answered_by, :by), abandoned_at = null
                            where contact_id = :id
                            """)
                    .param("id", event.contactId())
                    .param("at", ts(event.at()))
                    .param("by", event.handler(), Types.VARCHAR)
                    .update();
        }
    }

    @EventHandler
    void on(ContactAbandoned event) {
        change(event.contactId(), """
                update contact_fact set abandoned_at = coalesce(abandoned_at, :at), ended_at = coalesce(ended_at, :at)
                where contact_id = :id
                """, Map.of("at", ts(event.at())));
    }

    @EventHandler
    void on(CallEnded event) {
        ended(event.contactId(), event.at());
    }

    @EventHandler
    void on(ChatEnded event) {
        ended(event.contactId(), event.at());
    }

    @EventHandler
    void on(ContactClosed event) {
        change(
                event.contactId(),
                "update contact_fact set closed_at = coalesce(closed_at, :at) where contact_id = :id",
                Map.of("at", ts(event.at())));
    }

    @EventHandler
    void on(HandlerAvailabilityChanged event) {
        jdbc.sql("""
                        update handler_span set to_at = :at
                        where handler = :handler and to_at is null and from_at <= :at
                        """)
                .param("handler", event.handler())
                .param("at", ts(event.at()))
                .update();
        jdbc.sql("""
                        insert into handler_span (handler, status, from_at) values (:handler, :status, :at)
                        on conflict (handler, from_at) do update set status = excluded.status
                        """)
                .param("handler", event.handler())
                .param("status", event.status().name())
                .param("at", ts(event.at()))
                .update();
    }

    private void offered(String contactId, Channel channel, Instant at) {
        jdbc.sql("""
                        insert into contact_fact (contact_id, channel, offered_at) values (:id, :channel, :at)
                        on conflict (contact_id) do nothing
                        """)
                .param("id", contactId)
                .param("channel", channel.name())
                .param("at", ts(at))
                .update();
    }

    private void ended(String contactId, Instant at) {
        change(
                contactId,
                "update contact_fact set ended_at = coalesce(ended_at, :at) where contact_id = :id",
                Map.of("at", ts(at)));
    }

    private void change(String contactId, String sql, Map<String, ?> params) {
        var statement = jdbc.sql(sql).param("id", contactId);
        for (Map.Entry<String, ?> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        statement.update();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
