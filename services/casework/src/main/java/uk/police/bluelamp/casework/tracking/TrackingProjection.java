package uk.police.bluelamp.casework.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Keeps the citizen's tracking view. A batch's changes are gathered per case and written when it
 * commits, in a few statements (TrackingChanges), live and in a rebuild alike
 * ({@link BatchedWrites}). Writes are idempotent because a pooled processor may deliver an event
 * again after a failed batch.
 */
@Component
@ProcessingGroup(TrackingProjection.PROCESSING_GROUP)
// The citizen's timeline holds the words of the police's updates; of every other event only
// what is not personal (a case's category, channel and dates; never its account or its people).
@ReadModel(
        tables = {"case_tracking", "case_timeline"},
        uniqueIndexesAfterLoad = "case_timeline_pkey",
        opens = PublicUpdatePublished.class)
class TrackingProjection {

    static final String PROCESSING_GROUP = "case-tracking";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<TrackingChanges> writes;

    TrackingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, TrackingProjection.class, TrackingChanges::new);
    }

    /** A replay rebuilds from nothing, so the rebuilt tables hold exactly what the events say. */
    @ResetHandler
    void reset() {
        jdbc.update("delete from case_timeline");
        jdbc.update("delete from case_tracking");
    }

    @EventHandler
    void on(PublicUpdatePublished event, @MessageIdentifier String eventId) {
        Instant due = Objects.requireNonNull(event.nextUpdateDue());
        write(eventId, event.reference(), event, changes -> changes.nextUpdateDue(event.reference(), due));
    }

    @EventHandler
    void on(CaseStatusChanged event, @MessageIdentifier String eventId) {
        String status = event.to().name();
        write(eventId, event.reference(), event, changes -> changes.status(event.reference(), status));
    }

    @EventHandler
    void on(CaseReopened event, @MessageIdentifier String eventId) {
        String status = CaseStatus.UNDER_REVIEW.name();
        write(eventId, event.reference(), event, changes -> changes.status(event.reference(), status));
    }

    @EventHandler
    void on(CrimeRecorded event, @MessageIdentifier String eventId) {
        write(eventId, event.reference(), event, changes -> {});
    }

    @EventHandler
    void on(UpdatePreferenceChanged event, @MessageIdentifier String eventId) {
        String channel = event.preference().channel().name();
        String frequency = event.preference().frequency().name();
        Instant due = Objects.requireNonNull(event.nextUpdateDue());
        write(
                eventId,
                event.reference(),
                event,
                changes -> changes.preference(event.reference(), channel, frequency, due));
    }

    @EventHandler
    void on(ContactAddedToCase event, @MessageIdentifier String eventId) {
        write(eventId, event.reference(), event, changes -> {});
    }

    @EventHandler
    void on(CaseOpened event, @MessageIdentifier String eventId) {
        String category = event.category().name();
        String channel = event.channel().name();
        Instant openedAt = Objects.requireNonNull(event.openedAt());
        Instant due = Objects.requireNonNull(event.nextUpdateDue());
        String updateChannel = event.updatePreference().channel().name();
        String updateFrequency = event.updatePreference().frequency().name();
        write(
                eventId,
                event.reference(),
                event,
                changes -> changes.opened(
                        event.reference(),
                        category,
                        channel,
                        openedAt,
                        due,
                        updateChannel,
                        updateFrequency,
                        event.trackingCodeHash()));
    }

    /** The event's change to its case, then its entry on the case's timeline. */
    private void write(String eventId, String reference, Object event, Consumer<TrackingChanges> change) {
        PublicTimeline.Entry entry = PublicTimeline.entry(event).orElseThrow();
        Objects.requireNonNull(entry.at());
        writes.write(eventId, changes -> {
            change.accept(changes);
            changes.entry(eventId, reference, entry);
        });
    }
}
