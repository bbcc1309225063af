package uk.police.bluelamp.casework.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.casework.casefile.VictimsCode;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
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
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Keeps the Victims' Code ledger: every obligation a case owes, with the times from its events.
 * Due times are those the case computed and recorded, never worked out again here, so the ledger
 * and the handlers' queues agree. Rows are only ever given a time later than those they hold,
 * which is what lets {@link Ledger} answer for any past moment. Writes are idempotent: a pooled
 * processor may deliver an event again.
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
@ReadModel(
        tables = {"victims_code_ledger", "victims_code_case"},
        // Settling an obligation looks up the case's open ones.
        indexesForWriting = "victims_code_ledger_reference",
        holdsPersonalData = false)
class LedgerProjection {

    static final String PROCESSING_GROUP = "victims-code-ledger";

    private final JdbcClient jdbc;

    LedgerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from victims_code_ledger").update();
        jdbc.sql("delete from victims_code_case").update();
    }

    @EventHandler
    void on(CaseOpened event, @MessageIdentifier String id) {
        jdbc.sql("""
                insert into victims_code_case (reference, update_channel, update_frequency)
                values (:reference, :channel, :frequency) on conflict (reference) do nothing
                """)
                .param("reference", event.reference())
                .param("channel", event.updatePreference().channel().name())
                .param("frequency", event.updatePreference().frequency().name())
                .update();
        arise(id + ":updates", event.reference(), VictimsCodeRight.UPDATES, event.openedAt(), event.nextUpdateDue());
        if (event.category() != ReportCategory.LOST_PROPERTY) {
            arise(
                    id + ":crime",
                    event.reference(),
                    VictimsCodeRight.CRIME_RECORDING,
                    event.openedAt(),
                    event.openedAt().plus(VictimsCode.CRIME_DECISION_WITHIN));
        }
    }

    /**
     * Any update meets the regular update owed (it went by the channel chosen at that moment);
     * one marked as the key decision meets every key decision not yet told, as the case does.
     */
    @EventHandler
    void on(PublicUpdatePublished event, @MessageIdentifier String id) {
        settle("met_at", event.reference(), VictimsCodeRight.UPDATES, event.at(), id);
        if (event.keyDecision()) {
            settle("met_at", event.reference(), VictimsCodeRight.KEY_DECISIONS, event.at(), id);
        }
        if (!finished(event.reference())) {
            arise(id, event.reference(), VictimsCodeRight.UPDATES, event.at(), event.nextUpdateDue());
        }
    }

    @EventHandler
    void on(KeyDecisionMade event, @MessageIdentifier String id) {
        arise(id, event.reference(), VictimsCodeRight.KEY_DECISIONS, event.at(), event.updateDueBy());
    }

    @EventHandler
    void on(CrimeRecorded event, @MessageIdentifier String id) {
        settle("met_at", event.reference(), VictimsCodeRight.CRIME_RECORDING, event.at(), id);
    }

    @EventHandler
    void on(CrimeNotRecorded event, @MessageIdentifier String id) {
        settle("met_at", event.reference(), VictimsCodeRight.CRIME_RECORDING, event.at(), id);
    }

    /** Right 4: the referral the victim consented to is owed to the service by the time the case set. */
    @EventHandler
    void on(VictimSupportReferralRequested event, @MessageIdentifier String id) {
        arise(id, event.reference(), VictimsCodeRight.VICTIM_SUPPORT, event.at(), event.dueBy());
    }

    @EventHandler
    void on(VictimSupportReferralSent event, @MessageIdentifier String id) {
        settle("met_at", event.reference(), VictimsCodeRight.VICTIM_SUPPORT, event.at(), id);
    }

    /** The victim's new choice replaces the update owed under the old one: a miss already made stays. */
    @EventHandler
    void on(UpdatePreferenceChanged event, @MessageIdentifier String id) {
        jdbc.sql("""
                update victims_code_case set update_channel = :channel, update_frequency = :frequency
                where reference = :reference
                """)
                .param("channel", event.preference().channel().name())
                .param("frequency", event.preference().frequency().name())
                .param("reference", event.reference())
                .update();
        settle("ended_at", event.reference(), VictimsCodeRight.UPDATES, event.at(), id);
        if (!finished(event.reference())) {
            arise(id, event.reference(), VictimsCodeRight.UPDATES, event.at(), event.nextUpdateDue());
        }
    }

    @EventHandler
    void on(CaseStatusChanged event, @MessageIdentifier String id) {
        if (VictimsCode.FINISHED.contains(event.to())) {
            finished(event.reference(), true);
            settle("ended_at", event.reference(), VictimsCodeRight.UPDATES, event.at(), id);
        }
    }

    /** The event does not carry the next due time: it is worked out as the case works it out. */
    @EventHandler
    void on(CaseReopened event, @MessageIdentifier String id) {
        finished(event.reference(), false);
        List<UpdatePreference> preference = jdbc.sql(
                        "select update_channel, update_frequency from victims_code_case where reference = :reference")
                .param("reference", event.reference())
                .query((rs, n) -> new UpdatePreference(
                        UpdateChannel.valueOf(rs.getString(1)), UpdateFrequency.valueOf(rs.getString(2))))
                .list();
        preference.forEach(chosen ->
                arise(id, event.reference(), VictimsCodeRight.UPDATES, event.at(), chosen.nextUpdateDue(event.at())));
    }

    private void arise(String id, String reference, VictimsCodeRight right, Instant at, Instant due) {
        jdbc.sql("""
                insert into victims_code_ledger (obligation_id, reference, code_right, arose_at, due_at)
                values (:id, :reference, :right, :at, :due) on conflict (obligation_id) do nothing
                """)
                .param("id", id)
                .param("reference", reference)
                .param("right", right.name())
                .param("at", Timestamp.from(at))
                .param("due", Timestamp.from(due))
                .update();
    }

    /**
     * Meets or ends what is still open; the row this same event made is left alone, so a
     * redelivered event changes nothing.
     */
    private void settle(String column, String reference, VictimsCodeRight right, Instant at, String eventId) {
        jdbc.sql("update victims_code_ledger set " + column + " = :at "
                        + "where reference = :reference and code_right = :right and met_at is null "
                        + "and ended_at is null and arose_at <= :at and obligation_id <> :id")
                .param("at", Timestamp.from(at))
                .param("reference", reference)
                .param("right", right.name())
                .param("id", eventId)
                .update();
    }

    private boolean finished(String reference) {
        return jdbc.sql("select finished from victims_code_case where reference = :reference")
                .param("reference", reference)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private void finished(String reference, boolean finished) {
        jdbc.sql("update victims_code_case set finished = :finished where reference = :reference")
                .param("finished", finished)
                .param("reference", reference)
                .update();
    }
}
