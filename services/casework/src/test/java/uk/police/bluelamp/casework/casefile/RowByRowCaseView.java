package uk.police.bluelamp.casework.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.event.CaseAssigned;
import uk.police.bluelamp.messages.casefile.event.CaseDisposed;
import uk.police.bluelamp.messages.casefile.event.CaseLinked;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.CaseTriaged;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.event.CrimeDecisionOverdue;
import uk.police.bluelamp.messages.casefile.event.CrimeNotRecorded;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.EnhancedRightsSet;
import uk.police.bluelamp.messages.casefile.event.InternalNoteAdded;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionMade;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionUpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.RetentionExtended;
import uk.police.bluelamp.messages.casefile.event.RetentionReviewFellDue;
import uk.police.bluelamp.messages.casefile.event.RetentionReviewScheduled;
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.casefile.event.UnsafeToContactSet;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.UpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralDeclined;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * The case view's statements as it ran them for each event before it gathered batches, kept
 * as the reference the batched rows must equal (CaseViewBatchTest); not a bean.
 */
class RowByRowCaseView {

    private final JdbcClient jdbc;

    RowByRowCaseView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseOpened event, @MessageIdentifier String id) {
        CitizenDetails citizen = event.citizen() == null ? CitizenDetails.none() : event.citizen();
        jdbc.sql("""
                insert into case_view (reference, status, category, opened_at, update_channel, update_frequency,
                                       next_update_due, crime_decided, crime_due, name, email, phone, postcode)
                values (:reference, 'RECEIVED', :category, :at, :channel, :frequency, :due, :decided, :crimeDue,
                        :name, :email, :phone, :postcode)
                on conflict (reference) do nothing
                """)
                .param("reference", event.reference())
                .param("category", event.category().name())
                .param("at", ts(event.openedAt()))
                .param("channel", event.updatePreference().channel().name())
                .param("frequency", event.updatePreference().frequency().name())
                .param("due", ts(event.nextUpdateDue()))
                .param("decided", event.category() == ReportCategory.LOST_PROPERTY)
                .param("crimeDue", ts(event.openedAt().plus(Case.CRIME_DECISION_WITHIN)))
                .param("name", citizen.name())
                .param("email", citizen.email())
                .param("phone", citizen.phone())
                .param("postcode", event.postcode())
                .update();
        contact(event.reference(), event.contactId(), event.channel().name(), event.openedAt(), "First contact");
        history(
                id,
                event.reference(),
                event.openedAt(),
                "CaseOpened",
                "Case opened",
                "Opened from a contact made " + event.channel().name().toLowerCase(),
                null,
                true);
    }

    @EventHandler
    void on(ContactAddedToCase event, @MessageIdentifier String id) {
        contact(event.reference(), event.contactId(), event.channel().name(), event.at(), event.summary());
        history(
                id,
                event.reference(),
                event.at(),
                "ContactAddedToCase",
                "Another contact added",
                event.summary(),
                event.by(),
                false);
    }

    @EventHandler
    void on(CaseLinked event, @MessageIdentifier String id) {
        jdbc.sql("""
                insert into case_link (reference, linked_reference, by_handler, at)
                values (:reference, :linked, :by, :at) on conflict do nothing
                """)
                .param("reference", event.reference())
                .param("linked", event.linkedReference())
                .param("by", event.by())
                .param("at", ts(event.at()))
                .update();
        history(
                id,
                event.reference(),
                event.at(),
                "CaseLinked",
                "Linked to case " + event.linkedReference(),
                null,
                event.by(),
                false);
    }

    @EventHandler
    void on(CaseTriaged event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                event.at(),
                "CaseTriaged",
                "Triaged: " + Wording.of(event.triage().grade()),
                event.triage().rationale(),
                event.by(),
                false);
    }

    @EventHandler
    void on(CaseAssigned event, @MessageIdentifier String id) {
        set(
                event.reference(),
                "assigned_to = :handler, team = :team",
                "handler",
                event.handler(),
                "team",
                event.team());
        history(
                id,
                event.reference(),
                event.at(),
                "CaseAssigned",
                "Assigned",
                event.handler() != null ? "To " + event.handler() : "To the " + event.team() + " team",
                event.by(),
                false);
    }

    @EventHandler
    void on(InternalNoteAdded event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                event.at(),
                "InternalNoteAdded",
                "Internal note",
                event.text(),
                event.by(),
                false);
    }

    @EventHandler
    void on(PublicUpdatePublished event, @MessageIdentifier String id) {
        set(
                event.reference(),
                "next_update_due = :due, update_overdue = false"
                        + (event.keyDecision() ? ", key_decision_due = null, key_decision_overdue = false" : ""),
                "due",
                ts(event.nextUpdateDue()));
        history(
                id,
                event.reference(),
                event.at(),
                "PublicUpdatePublished",
                event.keyDecision() ? "Update to the citizen (key decision)" : "Update to the citizen",
                event.text(),
                event.by(),
                true);
    }

    @EventHandler
    void on(CaseStatusChanged event, @MessageIdentifier String id) {
        set(
                event.reference(),
                "status = :status, team = coalesce(:team, team)",
                "status",
                event.to().name(),
                "team",
                event.team());
        String detail = event.to() == CaseStatus.REFERRED ? "Referred to " + event.team() : event.note();
        history(
                id,
                event.reference(),
                event.at(),
                "CaseStatusChanged",
                "Status: " + Wording.of(event.to()),
                detail,
                event.by(),
                true);
    }

    @EventHandler
    void on(CaseReopened event, @MessageIdentifier String id) {
        set(event.reference(), "status = 'UNDER_REVIEW', retention_review_due = null, retention_state = null");
        history(id, event.reference(), event.at(), "CaseReopened", "Reopened", event.reason(), event.by(), true);
    }

    @EventHandler
    void on(CrimeRecorded event, @MessageIdentifier String id) {
        set(
                event.reference(),
                "crime_decided = true, crime_recorded = true, crime_number = :number, crime_overdue = false",
                "number",
                event.crimeNumber());
        history(
                id,
                event.reference(),
                event.at(),
                "CrimeRecorded",
                "Recorded as a crime",
                "Crime number " + event.crimeNumber(),
                event.by(),
                true);
    }

    @EventHandler
    void on(CrimeNotRecorded event, @MessageIdentifier String id) {
        set(
                event.reference(),
                "crime_decided = true, crime_recorded = false, crime_reason = :reason, crime_overdue = false",
                "reason",
                event.reason());
        history(
                id,
                event.reference(),
                event.at(),
                "CrimeNotRecorded",
                "Not recorded as a crime",
                event.reason(),
                event.by(),
                false);
    }

    @EventHandler
    void on(CrimeDecisionOverdue event, @MessageIdentifier String id) {
        set(event.reference(), "crime_overdue = not crime_decided");
        history(
                id,
                event.reference(),
                at(event.dueAt()),
                "CrimeDecisionOverdue",
                "Crime-recording decision overdue",
                "Not decided within 24 hours of the report",
                null,
                false);
    }

    @EventHandler
    void on(EnhancedRightsSet event, @MessageIdentifier String id) {
        set(event.reference(), "enhanced_rights = :enhanced", "enhanced", event.enhanced());
        history(
                id,
                event.reference(),
                event.at(),
                "EnhancedRightsSet",
                event.enhanced() ? "Enhanced Rights apply" : "Enhanced Rights removed",
                null,
                event.by(),
                false);
    }

    @EventHandler
    void on(UnsafeToContactSet event, @MessageIdentifier String id) {
        set(event.reference(), "unsafe_to_contact = :unsafe", "unsafe", event.unsafe());
        String title = event.unsafe() ? "Marked unsafe to contact" : "No longer marked unsafe to contact";
        history(id, event.reference(), event.at(), "UnsafeToContactSet", title, null, event.by(), false);
    }

    @EventHandler
    void on(VictimSupportReferralRequested event, @MessageIdentifier String id) {
        String title = "Victim asked to be referred to " + event.service();
        history(id, event.reference(), event.at(), "VictimSupportReferralRequested", title, null, "citizen", false);
    }

    @EventHandler
    void on(VictimSupportReferralDeclined event, @MessageIdentifier String id) {
        String title = "Victim declined a referral to " + event.service();
        history(id, event.reference(), event.at(), "VictimSupportReferralDeclined", title, null, "citizen", false);
    }

    @EventHandler
    void on(VictimSupportReferralSent event, @MessageIdentifier String id) {
        String detail = event.serviceReference() == null ? null : "Their reference: " + event.serviceReference();
        history(
                id,
                event.reference(),
                event.at(),
                "VictimSupportReferralSent",
                "Referral accepted by the victim support service",
                detail,
                "system",
                false);
    }

    @EventHandler
    void on(SatisfactionGiven event, @MessageIdentifier String id) {
        String title = "Citizen's satisfaction: " + Wording.of(event.satisfaction());
        history(id, event.reference(), event.at(), "SatisfactionGiven", title, event.comment(), "citizen", false);
    }

    @EventHandler
    void on(UpdatePreferenceChanged event, @MessageIdentifier String id) {
        CitizenDetails citizen = event.citizen() == null ? CitizenDetails.none() : event.citizen();
        jdbc.sql("""
                update case_view set update_channel = :channel, update_frequency = :frequency, next_update_due = :due,
                       update_overdue = false, email = :email, phone = :phone
                where reference = :reference
                """)
                .param("channel", event.preference().channel().name())
                .param("frequency", event.preference().frequency().name())
                .param("due", ts(event.nextUpdateDue()))
                .param("email", citizen.email())
                .param("phone", citizen.phone())
                .param("reference", event.reference())
                .update();
        history(
                id,
                event.reference(),
                event.at(),
                "UpdatePreferenceChanged",
                "Citizen changed how they get updates",
                event.preference().channel().name() + ", "
                        + event.preference().frequency().name(),
                "citizen",
                true);
    }

    @EventHandler
    void on(UpdateOverdue event, @MessageIdentifier String id) {
        set(event.reference(), "update_overdue = true");
        history(
                id,
                event.reference(),
                at(event.dueAt()),
                "UpdateOverdue",
                "Update to the citizen overdue",
                null,
                null,
                false);
    }

    @EventHandler
    void on(KeyDecisionMade event, @MessageIdentifier String id) {
        set(event.reference(), "key_decision_due = :due, key_decision_overdue = false", "due", ts(event.updateDueBy()));
        history(
                id,
                event.reference(),
                event.at(),
                "KeyDecisionMade",
                "Key decision: " + event.decision(),
                "The citizen must be told by " + event.updateDueBy(),
                null,
                false);
    }

    @EventHandler
    void on(KeyDecisionUpdateOverdue event, @MessageIdentifier String id) {
        set(event.reference(), "key_decision_overdue = true, key_decision_due = :due", "due", ts(event.dueAt()));
        history(
                id,
                event.reference(),
                at(event.dueAt()),
                "KeyDecisionUpdateOverdue",
                "Key decision not yet told to the citizen",
                "Victims' Code: within 5 working days (1 with Enhanced Rights)",
                null,
                false);
    }

    @EventHandler
    void on(UpdateDeliveryRecorded event, @MessageIdentifier String id) {
        jdbc.sql("""
                insert into case_delivery (update_id, reference, channel, status, attempts, notify_id, error, at)
                values (:updateId, :reference, :channel, :status, :attempt, :notifyId, :error, :at)
                on conflict (update_id) do update set status = excluded.status, attempts = excluded.attempts,
                    notify_id = excluded.notify_id, error = excluded.error, at = excluded.at
                """)
                .param("updateId", event.updateId())
                .param("reference", event.reference())
                .param("channel", event.channel().name())
                .param("status", event.status().name())
                .param("attempt", event.attempt())
                .param("notifyId", event.notifyId())
                .param("error", event.error())
                .param("at", ts(event.at()))
                .update();
        if (event.status() == DeliveryStatus.FAILED) {
            history(
                    id,
                    event.reference(),
                    event.at(),
                    "UpdateDeliveryFailed",
                    "Update not delivered (attempt " + event.attempt() + ")",
                    event.error(),
                    null,
                    false);
        }
    }

    @EventHandler
    void on(RetentionReviewScheduled event, @MessageIdentifier String id) {
        set(
                event.reference(),
                "retention_review_due = :due, retention_state = 'SCHEDULED'",
                "due",
                ts(event.reviewDueAt()));
        history(
                id,
                event.reference(),
                event.at(),
                "RetentionReviewScheduled",
                "Retention review scheduled",
                "Due " + event.reviewDueAt() + " (" + event.period() + " after closing)",
                null,
                false);
    }

    @EventHandler
    void on(RetentionReviewFellDue event, @MessageIdentifier String id) {
        set(event.reference(), "retention_review_due = :due, retention_state = 'DUE'", "due", ts(event.dueAt()));
        history(
                id,
                event.reference(),
                at(event.dueAt()),
                "RetentionReviewFellDue",
                "Retention review due",
                null,
                null,
                false);
    }

    @EventHandler
    void on(RetentionExtended event, @MessageIdentifier String id) {
        set(
                event.reference(),
                "retention_review_due = :due, retention_state = 'SCHEDULED'",
                "due",
                ts(event.nextReviewDueAt()));
        history(
                id,
                event.reference(),
                event.at(),
                "RetentionExtended",
                "Kept until the next review on " + event.nextReviewDueAt(),
                event.reason(),
                event.by(),
                false);
    }

    @EventHandler
    void on(CaseDisposed event, @MessageIdentifier String id) {
        set(event.reference(), "retention_state = 'DISPOSED'");
        history(
                id,
                event.reference(),
                event.at(),
                "CaseDisposed",
                "Disposed of at its retention review",
                event.reason(),
                event.by(),
                false);
    }

    private void contact(String reference, String contactId, String channel, Instant at, String summary) {
        jdbc.sql("""
                insert into case_contact (reference, contact_id, channel, at, summary) values (:reference, :contactId,
                :channel, :at, :summary) on conflict (reference, contact_id) do nothing
                """)
                .param("reference", reference)
                .param("contactId", contactId)
                .param("channel", channel)
                .param("at", ts(at))
                .param("summary", summary)
                .update();
    }

    private void history(
            String eventId,
            String reference,
            Instant at,
            String type,
            String title,
            String detail,
            String actor,
            boolean isPublic) {
        jdbc.sql("""
                insert into case_history (event_id, reference, at, type, title, detail, actor, visibility)
                values (:id, :reference, :at, :type, :title, :detail, :actor, :visibility)
                on conflict (event_id) do nothing
                """)
                .param("id", eventId)
                .param("reference", reference)
                .param("at", ts(at))
                .param("type", type)
                .param("title", title)
                .param("detail", detail)
                .param("actor", actor)
                .param("visibility", isPublic ? "PUBLIC" : "INTERNAL")
                .update();
    }

    /** Updates one case's row; namesAndValues pairs each :name in the assignments with its value. */
    private void set(String reference, String assignments, Object... namesAndValues) {
        var statement = jdbc.sql("update case_view set " + assignments + " where reference = :reference")
                .param("reference", reference);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            statement = statement.param((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        statement.update();
    }

    private static Instant at(Instant instant) {
        return instant == null ? Instant.now() : instant;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
