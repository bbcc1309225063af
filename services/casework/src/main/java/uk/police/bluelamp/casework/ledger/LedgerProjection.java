package uk.police.bluelamp.casework.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.casework.casefile.VictimsCode;
import uk.police.bluelamp.messages.casefile.VictimsCodeRight;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.CrimeNotRecorded;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionMade;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Keeps the Victims' Code ledger: every obligation a case owes, with the times from its events.
 * Due times are those the case computed and recorded, never worked out again here, so the ledger
 * and the handlers' queues agree. Rows are only ever given a time later than those they hold,
 * which is what lets {@link Ledger} answer for any past moment. A batch's steps are played and
 * written when it commits, in a few statements (LedgerChanges), live and in a rebuild alike
 * ({@link BatchedWrites}). Writes are idempotent: a pooled processor may deliver an event again.
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
@ReadModel(
        tables = {"victims_code_ledger", "victims_code_case"},
        // A batch finds its cases' open obligations by their references.
        indexesForWriting = "victims_code_ledger_reference",
        holdsPersonalData = false)
class LedgerProjection {

    static final String PROCESSING_GROUP = "victims-code-ledger";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<LedgerChanges> writes;

    LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, LedgerProjection.class, LedgerChanges::new);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from victims_code_ledger");
        jdbc.update("delete from victims_code_case");
    }

    @EventHandler
    void on(CaseOpened event, @MessageIdentifier String id) {
        String reference = event.reference();
        String channel = event.updatePreference().channel().name();
        String frequency = event.updatePreference().frequency().name();
        Instant openedAt = Objects.requireNonNull(event.openedAt());
        Instant due = Objects.requireNonNull(event.nextUpdateDue());
        boolean crime = event.category() != ReportCategory.LOST_PROPERTY;
        write(id, changes -> {
            changes.opened(reference, channel, frequency);
            changes.arise(id + ":updates", reference, VictimsCodeRight.UPDATES, openedAt, due);
            if (crime) {
                changes.arise(
                        id + ":crime",
                        reference,
                        VictimsCodeRight.CRIME_RECORDING,
                        openedAt,
                        openedAt.plus(VictimsCode.CRIME_DECISION_WITHIN));
            }
        });
    }

    /**
     * Any update meets the regular update owed (it went by the channel chosen at that moment);
     * one marked as the key decision meets every key decision not yet told, as the case does.
     */
    @EventHandler
    void on(PublicUpdatePublished event, @MessageIdentifier String id) {
        String reference = event.reference();
        Instant at = Objects.requireNonNull(event.at());
        Instant due = Objects.requireNonNull(event.nextUpdateDue());
        write(id, changes -> {
            changes.settle(true, reference, VictimsCodeRight.UPDATES, at, id);
            if (event.keyDecision()) {
                changes.settle(true, reference, VictimsCodeRight.KEY_DECISIONS, at, id);
            }
            changes.ariseUnlessFinished(id, reference, VictimsCodeRight.UPDATES, at, due);
        });
    }

    @EventHandler
    void on(KeyDecisionMade event, @MessageIdentifier String id) {
        arise(id, event.reference(), VictimsCodeRight.KEY_DECISIONS, event.at(), event.updateDueBy());
    }

    @EventHandler
    void on(CrimeRecorded event, @MessageIdentifier String id) {
        met(id, event.reference(), VictimsCodeRight.CRIME_RECORDING, event.at());
    }

    @EventHandler
    void on(CrimeNotRecorded event, @MessageIdentifier String id) {
        met(id, event.reference(), VictimsCodeRight.CRIME_RECORDING, event.at());
    }

    /** Right 4: the referral the victim consented to is owed to the service by the time the case set. */
    @EventHandler
    void on(VictimSupportReferralRequested event, @MessageIdentifier String id) {
        arise(id, event.reference(), VictimsCodeRight.VICTIM_SUPPORT, event.at(), event.dueBy());
    }

    @EventHandler
    void on(VictimSupportReferralSent event, @MessageIdentifier String id) {
        met(id, event.reference(), VictimsCodeRight.VICTIM_SUPPORT, event.at());
    }

    /** The victim's new choice replaces the update owed under the old one: a miss already made stays. */
    @EventHandler
    void on(UpdatePreferenceChanged event, @MessageIdentifier String id) {
        String reference = event.reference();
        String channel = event.preference().channel().name();
        String frequency = event.preference().frequency().name();
        Instant at = Objects.requireNonNull(event.at());
        Instant due = Objects.requireNonNull(event.nextUpdateDue());
        write(id, changes -> {
            changes.preference(reference, channel, frequency);
            changes.settle(false, reference, VictimsCodeRight.UPDATES, at, id);
            changes.ariseUnlessFinished(id, reference, VictimsCodeRight.UPDATES, at, due);
        });
    }

    @EventHandler
    void on(CaseStatusChanged event, @MessageIdentifier String id) {
        if (VictimsCode.FINISHED.contains(event.to())) {
            String reference = event.reference();
            Instant at = Objects.requireNonNull(event.at());
            write(id, changes -> {
                changes.finished(reference, true);
                changes.settle(false, reference, VictimsCodeRight.UPDATES, at, id);
            });
        }
    }

    /** The event does not carry the next due time: it is worked out as the case works it out. */
    @EventHandler
    void on(CaseReopened event, @MessageIdentifier String id) {
        Instant at = Objects.requireNonNull(event.at());
        write(id, changes -> changes.reopened(id, event.reference(), at));
    }

    private void arise(String id, String reference, VictimsCodeRight right, Instant at, Instant due) {
        Objects.requireNonNull(at);
        Objects.requireNonNull(due);
        write(id, changes -> changes.arise(id, reference, right, at, due));
    }

    private void met(String id, String reference, VictimsCodeRight right, Instant at) {
        Objects.requireNonNull(at);
        write(id, changes -> changes.settle(true, reference, right, at, id));
    }

    private void write(String eventId, Consumer<LedgerChanges> change) {
        writes.write(eventId, change);
    }
}
