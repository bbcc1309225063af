package uk.police.bluelamp.casework.casefile;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
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
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * Keeps the handler's view of every case: its state, its full history, contacts and deliveries.
 * <p>
 * A rebuild is some 120,000 case events, so each event's writes are gathered with the rest of
 * its batch and written when the batch commits, in a few statements (CaseViewChanges), live and
 * in a rebuild alike ({@link BatchedWrites}). An event's writes go in as one change, so a row
 * PostgreSQL refuses parks the whole event and leaves none of it.
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
@ReadModel(
        tables = {"case_view", "case_history", "case_contact", "case_delivery", "case_link"},
        uniqueIndexesAfterLoad = "case_history_pkey")
class CaseViewProjection {

    static final String PROCESSING_GROUP = "case-view";
    /** Every table this projection keeps. */
    static final List<String> TABLES =
            List.of("case_view", "case_history", "case_contact", "case_delivery", "case_link");

    private final JdbcTemplate jdbc;
    private final BatchedWrites<CaseViewChanges> writes;

    CaseViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, CaseViewProjection.class, CaseViewChanges::new);
    }

    @ResetHandler
    void reset() {
        for (String table : TABLES) {
            jdbc.update("delete from " + table);
        }
    }

    @EventHandler
    void on(CaseOpened event, @MessageIdentifier String id) {
        CitizenDetails citizen = event.citizen() == null ? CitizenDetails.none() : event.citizen();
        CaseRow row = CaseRow.opened()
                .set("reference", event.reference())
                .set("status", "RECEIVED")
                .set("category", event.category().name())
                .set("opened_at", event.openedAt())
                .set("update_channel", event.updatePreference().channel().name())
                .set("update_frequency", event.updatePreference().frequency().name())
                .set("next_update_due", event.nextUpdateDue())
                .set("crime_decided", event.category() == ReportCategory.LOST_PROPERTY)
                .set("crime_due", event.openedAt().plus(Case.CRIME_DECISION_WITHIN))
                .set("name", citizen.name())
                .set("email", citizen.email())
                .set("phone", citizen.phone())
                .set("postcode", event.postcode());
        String channel = event.channel().name();
        write(id, changes -> {
            changes.opened(row);
            changes.contact(event.reference(), event.contactId(), channel, event.openedAt(), "First contact");
            changes.history(
                    id,
                    event.reference(),
                    event.openedAt(),
                    "CaseOpened",
                    "Case opened",
                    "Opened from a contact made " + channel.toLowerCase(),
                    null,
                    true);
        });
    }

    @EventHandler
    void on(ContactAddedToCase event, @MessageIdentifier String id) {
        String channel = event.channel().name();
        write(id, changes -> {
            changes.contact(event.reference(), event.contactId(), channel, event.at(), event.summary());
            changes.history(
                    id,
                    event.reference(),
                    event.at(),
                    "ContactAddedToCase",
                    "Another contact added",
                    event.summary(),
                    event.by(),
                    false);
        });
    }

    @EventHandler
    void on(CaseLinked event, @MessageIdentifier String id) {
        write(id, changes -> {
            changes.link(event.reference(), event.linkedReference(), event.by(), event.at());
            changes.history(
                    id,
                    event.reference(),
                    event.at(),
                    "CaseLinked",
                    "Linked to case " + event.linkedReference(),
                    null,
                    event.by(),
                    false);
        });
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
        String detail = event.handler() != null ? "To " + event.handler() : "To the " + event.team() + " team";
        history(
                id,
                event.reference(),
                row -> row.set("assigned_to", event.handler()).set("team", event.team()),
                event.at(),
                "CaseAssigned",
                "Assigned",
                detail,
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
        history(
                id,
                event.reference(),
                row -> {
                    row.set("next_update_due", event.nextUpdateDue()).set("update_overdue", false);
                    if (event.keyDecision()) {
                        row.set("key_decision_due", null).set("key_decision_overdue", false);
                    }
                },
                event.at(),
                "PublicUpdatePublished",
                event.keyDecision() ? "Update to the citizen (key decision)" : "Update to the citizen",
                event.text(),
                event.by(),
                true);
    }

    @EventHandler
    void on(CaseStatusChanged event, @MessageIdentifier String id) {
        String detail = event.to() == CaseStatus.REFERRED ? "Referred to " + event.team() : event.note();
        history(
                id,
                event.reference(),
                row -> {
                    row.set("status", event.to().name());
                    if (event.team() != null) {
                        row.set("team", event.team());
                    }
                },
                event.at(),
                "CaseStatusChanged",
                "Status: " + Wording.of(event.to()),
                detail,
                event.by(),
                true);
    }

    @EventHandler
    void on(CaseReopened event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("status", "UNDER_REVIEW")
                        .set("retention_review_due", null)
                        .set("retention_state", null),
                event.at(),
                "CaseReopened",
                "Reopened",
                event.reason(),
                event.by(),
                true);
    }

    @EventHandler
    void on(CrimeRecorded event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("crime_decided", true)
                        .set("crime_recorded", true)
                        .set("crime_number", event.crimeNumber())
                        .set("crime_overdue", false),
                event.at(),
                "CrimeRecorded",
                "Recorded as a crime",
                "Crime number " + event.crimeNumber(),
                event.by(),
                true);
    }

    @EventHandler
    void on(CrimeNotRecorded event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("crime_decided", true)
                        .set("crime_recorded", false)
                        .set("crime_reason", event.reason())
                        .set("crime_overdue", false),
                event.at(),
                "CrimeNotRecorded",
                "Not recorded as a crime",
                event.reason(),
                event.by(),
                false);
    }

    @EventHandler
    void on(CrimeDecisionOverdue event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("crime_overdue", !(Boolean) row.get("crime_decided")),
                at(event.dueAt()),
                "CrimeDecisionOverdue",
                "Crime-recording decision overdue",
                "Not decided within 24 hours of the report",
                null,
                false);
    }

    @EventHandler
    void on(EnhancedRightsSet event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("enhanced_rights", event.enhanced()),
                event.at(),
                "EnhancedRightsSet",
                event.enhanced() ? "Enhanced Rights apply" : "Enhanced Rights removed",
                null,
                event.by(),
                false);
    }

    @EventHandler
    void on(UnsafeToContactSet event, @MessageIdentifier String id) {
        String title = event.unsafe() ? "Marked unsafe to contact" : "No longer marked unsafe to contact";
        history(
                id,
                event.reference(),
                row -> row.set("unsafe_to_contact", event.unsafe()),
                event.at(),
                "UnsafeToContactSet",
                title,
                null,
                event.by(),
                false);
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
        history(
                id,
                event.reference(),
                row -> row.set("update_channel", event.preference().channel().name())
                        .set("update_frequency", event.preference().frequency().name())
                        .set("next_update_due", event.nextUpdateDue())
                        .set("update_overdue", false)
                        .set("email", citizen.email())
                        .set("phone", citizen.phone()),
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
        history(
                id,
                event.reference(),
                row -> row.set("update_overdue", true),
                at(event.dueAt()),
                "UpdateOverdue",
                "Update to the citizen overdue",
                null,
                null,
                false);
    }

    @EventHandler
    void on(KeyDecisionMade event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("key_decision_due", event.updateDueBy()).set("key_decision_overdue", false),
                event.at(),
                "KeyDecisionMade",
                "Key decision: " + event.decision(),
                "The citizen must be told by " + event.updateDueBy(),
                null,
                false);
    }

    @EventHandler
    void on(KeyDecisionUpdateOverdue event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("key_decision_overdue", true).set("key_decision_due", event.dueAt()),
                at(event.dueAt()),
                "KeyDecisionUpdateOverdue",
                "Key decision not yet told to the citizen",
                "Victims' Code: within 5 working days (1 with Enhanced Rights)",
                null,
                false);
    }

    @EventHandler
    void on(UpdateDeliveryRecorded event, @MessageIdentifier String id) {
        write(id, changes -> {
            changes.delivery(
                    event.updateId(),
                    event.reference(),
                    event.channel().name(),
                    event.status().name(),
                    event.attempt(),
                    event.notifyId(),
                    event.error(),
                    event.at());
            if (event.status() == DeliveryStatus.FAILED) {
                changes.history(
                        id,
                        event.reference(),
                        event.at(),
                        "UpdateDeliveryFailed",
                        "Update not delivered (attempt " + event.attempt() + ")",
                        event.error(),
                        null,
                        false);
            }
        });
    }

    @EventHandler
    void on(RetentionReviewScheduled event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("retention_review_due", event.reviewDueAt()).set("retention_state", "SCHEDULED"),
                event.at(),
                "RetentionReviewScheduled",
                "Retention review scheduled",
                "Due " + event.reviewDueAt() + " (" + event.period() + " after closing)",
                null,
                false);
    }

    @EventHandler
    void on(RetentionReviewFellDue event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("retention_review_due", event.dueAt()).set("retention_state", "DUE"),
                at(event.dueAt()),
                "RetentionReviewFellDue",
                "Retention review due",
                null,
                null,
                false);
    }

    @EventHandler
    void on(RetentionExtended event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("retention_review_due", event.nextReviewDueAt()).set("retention_state", "SCHEDULED"),
                event.at(),
                "RetentionExtended",
                "Kept until the next review on " + event.nextReviewDueAt(),
                event.reason(),
                event.by(),
                false);
    }

    @EventHandler
    void on(CaseDisposed event, @MessageIdentifier String id) {
        history(
                id,
                event.reference(),
                row -> row.set("retention_state", "DISPOSED"),
                event.at(),
                "CaseDisposed",
                "Disposed of at its retention review",
                event.reason(),
                event.by(),
                false);
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
        history(eventId, reference, null, at, type, title, detail, actor, isPublic);
    }

    /** A change to the case's row, if any, and its line of history, as one event's change. */
    private void history(
            String eventId,
            String reference,
            Consumer<CaseRow> change,
            Instant at,
            String type,
            String title,
            String detail,
            String actor,
            boolean isPublic) {
        write(eventId, changes -> {
            if (change != null) {
                changes.set(reference, change);
            }
            changes.history(eventId, reference, at, type, title, detail, actor, isPublic);
        });
    }

    /** All of one event's writes in one change, so that a row refused parks the whole event. */
    private void write(String eventId, Consumer<CaseViewChanges> change) {
        writes.write(eventId, change);
    }

    private static Instant at(Instant instant) {
        return instant == null ? Instant.now() : instant;
    }
}
