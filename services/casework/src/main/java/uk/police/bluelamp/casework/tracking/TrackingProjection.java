package uk.police.bluelamp.casework.tracking;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Keeps the citizen's tracking view. Writes are idempotent because a pooled processor may
 * deliver an event again after a failed batch.
 */
@Component
@ProcessingGroup(TrackingProjection.PROCESSING_GROUP)
@ReadModel(tables = {"case_tracking", "case_timeline"})
class TrackingProjection {

    static final String PROCESSING_GROUP = "case-tracking";

    private final JdbcClient jdbc;

    TrackingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A replay rebuilds from nothing, so the rebuilt tables hold exactly what the events say. */
    @ResetHandler
    void reset() {
        jdbc.sql("delete from case_timeline").update();
        jdbc.sql("delete from case_tracking").update();
    }

    @EventHandler
    void on(PublicUpdatePublished event, @MessageIdentifier String eventId) {
        jdbc.sql("update case_tracking set next_update_due = :due where reference = :reference")
                .param("due", Timestamp.from(event.nextUpdateDue()))
                .param("reference", event.reference())
                .update();
        PublicTimeline.record(jdbc, eventId, event.reference(), event);
    }

    @EventHandler
    void on(CaseStatusChanged event, @MessageIdentifier String eventId) {
        status(event.reference(), event.to());
        PublicTimeline.record(jdbc, eventId, event.reference(), event);
    }

    @EventHandler
    void on(CaseReopened event, @MessageIdentifier String eventId) {
        status(event.reference(), CaseStatus.UNDER_REVIEW);
        PublicTimeline.record(jdbc, eventId, event.reference(), event);
    }

    @EventHandler
    void on(CrimeRecorded event, @MessageIdentifier String eventId) {
        PublicTimeline.record(jdbc, eventId, event.reference(), event);
    }

    @EventHandler
    void on(UpdatePreferenceChanged event, @MessageIdentifier String eventId) {
        jdbc.sql("update case_tracking set update_channel = :channel, update_frequency = :frequency, "
                        + "next_update_due = :due where reference = :reference")
                .param("channel", event.preference().channel().name())
                .param("frequency", event.preference().frequency().name())
                .param("due", Timestamp.from(event.nextUpdateDue()))
                .param("reference", event.reference())
                .update();
        PublicTimeline.record(jdbc, eventId, event.reference(), event);
    }

    private void status(String reference, CaseStatus status) {
        jdbc.sql("update case_tracking set status = :status where reference = :reference")
                .param("status", status.name())
                .param("reference", reference)
                .update();
    }

    @EventHandler
    void on(ContactAddedToCase event, @MessageIdentifier String eventId) {
        PublicTimeline.record(jdbc, eventId, event.reference(), event);
    }

    @EventHandler
    void on(CaseOpened event, @MessageIdentifier String eventId) {
        jdbc.sql("""
                insert into case_tracking (reference, status, category, channel, reported_at, next_update_due,
                                           update_channel, update_frequency, tracking_code_hash)
                values (:reference, 'RECEIVED', :category, :channel, :reportedAt, :nextUpdateDue,
                        :updateChannel, :updateFrequency, :hash)
                on conflict (reference) do nothing
                """)
                .param("reference", event.reference())
                .param("category", event.category().name())
                .param("channel", event.channel().name())
                .param("reportedAt", Timestamp.from(event.openedAt()))
                .param("nextUpdateDue", Timestamp.from(event.nextUpdateDue()))
                .param("updateChannel", event.updatePreference().channel().name())
                .param("updateFrequency", event.updatePreference().frequency().name())
                .param("hash", event.trackingCodeHash())
                .update();
        PublicTimeline.record(jdbc, eventId, event.reference(), event);
    }
}
