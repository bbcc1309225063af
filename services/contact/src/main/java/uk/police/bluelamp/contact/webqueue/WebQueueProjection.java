package uk.police.bluelamp.contact.webqueue;

import java.sql.Date;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ContactReceived;

/** Keeps the web queue and the contact a handler opens from it. Writes are idempotent. */
@Component
@ProcessingGroup(WebQueueProjection.PROCESSING_GROUP)
class WebQueueProjection {

    static final String PROCESSING_GROUP = "web-queue";
    static final int SUMMARY_LENGTH = 120;

    private final JdbcClient jdbc;

    WebQueueProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A replay rebuilds from nothing, so the rebuilt tables hold exactly what the events say. */
    @ResetHandler
    void reset() {
        jdbc.sql("delete from web_queue").update();
        jdbc.sql("delete from contact_detail").update();
    }

    @EventHandler
    void on(ContactReceived event) {
        if (event.channel() != Channel.WEB) {
            return;
        }
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
                .param("updateChannel", updates == null ? null : updates.channel().name())
                .param("updateFrequency", updates == null ? null : updates.frequency().name())
                .param("receivedAt", Timestamp.from(event.receivedAt()))
                .update();
        jdbc.sql("""
                insert into web_queue (contact_id, reference, category, summary, location, received_at, anonymous)
                values (:contactId, :reference, :category, :summary, :location, :receivedAt, :anonymous)
                on conflict (contact_id) do nothing
                """)
                .param("contactId", event.contactId())
                .param("reference", event.caseReference())
                .param("category", details.category().name())
                .param("summary", summary(details.description()))
                .param("location", details.location())
                .param("receivedAt", Timestamp.from(event.receivedAt()))
                .param("anonymous", reporter.isAnonymous())
                .update();
    }

    static String summary(String description) {
        String oneLine = description.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
