package uk.police.bluelamp.contact.contactview;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/** Keeps what a handler reads when they open a contact: the report, the call or call-back, triage. */
@Component
@ProcessingGroup(ContactViewProjection.PROCESSING_GROUP)
@ReadModel(tables = {"contact_detail", "contact_channel_detail", "contact_triage", "contact_transfer"})
class ContactViewProjection {

    static final String PROCESSING_GROUP = "contact-view";

    private final JdbcClient jdbc;

    ContactViewProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A replay rebuilds from nothing, so the rebuilt tables hold exactly what the events say. */
    @ResetHandler
    void reset() {
        jdbc.sql("delete from contact_detail").update();
        jdbc.sql("delete from contact_channel_detail").update();
        jdbc.sql("delete from contact_triage").update();
        jdbc.sql("delete from contact_transfer").update();
    }

    @EventHandler
    void on(ContactReceived event) {
        var details = event.details();
        var reporter = event.reporter();
        var updates = event.requestedUpdates();
        jdbc.sql("""
                insert into contact_detail (contact_id, reference, channel, category, description, location,
                                            occurred_on, occurred_time, name, email, phone,
                                            update_channel, update_frequency, received_at)
                values (:contactId, :reference, :channel, :category, :description, :location,
                        :occurredOn, :occurredTime, :name, :email, :phone,
                        :updateChannel, :updateFrequency, :receivedAt)
                on conflict (contact_id) do nothing
                """)
                .param("contactId", event.contactId())
                .param("reference", event.caseReference())
                .param("channel", event.channel().name())
                .param("category", details.category().name())
                .param("description", details.description())
                .param("location", details.location())
                .param("occurredOn", Date.valueOf(details.occurredOn()))
                .param("occurredTime", details.occurredTime())
                .param("name", reporter.name())
                .param("email", reporter.email())
                .param("phone", reporter.phone())
                .param(
                        "updateChannel",
                        updates == null ? null : updates.channel().name())
                .param(
                        "updateFrequency",
                        updates == null ? null : updates.frequency().name())
                .param("receivedAt", Timestamp.from(event.receivedAt()))
                .update();
    }

    @EventHandler
    void on(CallRang event) {
        ensureRow(event.contactId());
        jdbc.sql("update contact_channel_detail set call_id = :callId, to_number = :to where contact_id = :id")
                .param("callId", event.call().callId())
                .param("to", event.call().to())
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(CallEnded event) {
        ensureRow(event.contactId());
        jdbc.sql("update contact_channel_detail set hangup_cause = :cause where contact_id = :id")
                .param("cause", event.cause().name())
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(CallbackRequested event) {
        ensureRow(event.contactId());
        jdbc.sql("""
                update contact_channel_detail set callback_phone = :phone, callback_name = :name,
                       window_start = :start, window_end = :end
                where contact_id = :id
                """)
                .param("phone", event.phone())
                .param("name", event.name())
                .param("start", ts(event.windowStart()))
                .param("end", ts(event.windowEnd()))
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(CallbackAttempted event) {
        ensureRow(event.contactId());
        jdbc.sql(
                        "update contact_channel_detail set last_attempt = :outcome, last_attempt_note = :note where contact_id = :id")
                .param("outcome", event.outcome().name())
                .param("note", event.note())
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(ContactLinkedToCase event) {
        ensureRow(event.contactId());
        jdbc.sql("update contact_channel_detail set linked_reference = :reference where contact_id = :id")
                .param("reference", event.reference())
                .param("id", event.contactId())
                .update();
    }

    @EventHandler
    void on(ContactClosed event) {
        ensureRow(event.contactId());
        jdbc.sql("update contact_channel_detail set outcome = :outcome where contact_id = :id")
                .param("outcome", event.outcome())
                .param("id", event.contactId())
                .update();
    }

    /** The note goes with the contact, so whoever picks it up reads why it came to them. */
    @EventHandler
    void on(ContactTransferred event, @MessageIdentifier String eventId) {
        jdbc.sql("""
                insert into contact_transfer (event_id, contact_id, at, from_handler, to_handler, note)
                values (:eventId, :id, :at, :from, :to, :note)
                on conflict (event_id) do nothing
                """)
                .param("eventId", eventId)
                .param("id", event.contactId())
                .param("at", ts(event.at()))
                .param("from", event.fromHandler())
                .param("to", event.toHandler())
                .param("note", event.note())
                .update();
    }

    @EventHandler
    void on(ContactTriaged event, @MessageIdentifier String eventId) {
        var triage = event.triage();
        jdbc.sql("""
                insert into contact_triage (event_id, contact_id, at, by_handler, grade, threat, harm, risk,
                                            investigation, vulnerability, engagement, rationale)
                values (:eventId, :id, :at, :by, :grade, :threat, :harm, :risk, :investigation, :vulnerability,
                        :engagement, :rationale)
                on conflict (event_id) do nothing
                """)
                .param("eventId", eventId)
                .param("id", event.contactId())
                .param("at", ts(event.at()))
                .param("by", event.by())
                .param("grade", triage.grade().name())
                .param("threat", triage.threat())
                .param("harm", triage.harm())
                .param("risk", triage.risk())
                .param("investigation", triage.investigation())
                .param("vulnerability", triage.vulnerability())
                .param("engagement", triage.engagement())
                .param("rationale", triage.rationale())
                .update();
    }

    private void ensureRow(String contactId) {
        jdbc.sql("insert into contact_channel_detail (contact_id) values (:id) on conflict (contact_id) do nothing")
                .param("id", contactId)
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
