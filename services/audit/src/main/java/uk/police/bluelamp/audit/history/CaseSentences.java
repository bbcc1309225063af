package uk.police.bluelamp.audit.history;

import static uk.police.bluelamp.audit.history.EventSentences.blank;
import static uk.police.bluelamp.audit.history.EventSentences.capitalise;
import static uk.police.bluelamp.audit.history.EventSentences.caseRef;
import static uk.police.bluelamp.audit.history.EventSentences.fileFacts;
import static uk.police.bluelamp.audit.history.EventSentences.isPerson;
import static uk.police.bluelamp.audit.history.EventSentences.label;
import static uk.police.bluelamp.audit.history.EventSentences.quote;
import static uk.police.bluelamp.audit.history.EventSentences.reason;
import static uk.police.bluelamp.audit.history.EventSentences.subject;
import static uk.police.bluelamp.audit.history.EventSentences.time;

import java.time.Instant;
import java.util.Locale;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.event.CaseAssigned;
import uk.police.bluelamp.messages.casefile.event.CaseDisposed;
import uk.police.bluelamp.messages.casefile.event.CaseLinked;
import uk.police.bluelamp.messages.casefile.event.CaseMessagePosted;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.CaseTriaged;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.event.CrimeDecisionOverdue;
import uk.police.bluelamp.messages.casefile.event.CrimeNotRecorded;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.EnhancedRightsSet;
import uk.police.bluelamp.messages.casefile.event.EvidenceAttached;
import uk.police.bluelamp.messages.casefile.event.InternalNoteAdded;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionMade;
import uk.police.bluelamp.messages.casefile.event.KeyDecisionUpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.RetentionExtended;
import uk.police.bluelamp.messages.casefile.event.RetentionReviewFellDue;
import uk.police.bluelamp.messages.casefile.event.RetentionReviewScheduled;
import uk.police.bluelamp.messages.casefile.event.TrackingCodeSent;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.UpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;

/** Sentences for everything that can happen to a case (the sealed {@code CaseEvent}). */
final class CaseSentences {

    private CaseSentences() {}

    static void register(EventSentences.Registry on) {
        on.on(CaseOpened.class, CaseSentences::opened);
        on.on(CaseTriaged.class, CaseSentences::triaged);
        on.on(ContactAddedToCase.class, CaseSentences::contactAdded);
        on.on(CaseLinked.class, CaseSentences::linked);
        on.on(CaseAssigned.class, CaseSentences::assigned);
        on.on(InternalNoteAdded.class, CaseSentences::internalNote);
        on.on(PublicUpdatePublished.class, CaseSentences::updatePublished);
        on.on(CaseStatusChanged.class, CaseSentences::statusChanged);
        on.on(CaseReopened.class, CaseSentences::reopened);
        on.on(CrimeRecorded.class, CaseSentences::crimeRecorded);
        on.on(CrimeNotRecorded.class, CaseSentences::crimeNotRecorded);
        on.on(CrimeDecisionOverdue.class, CaseSentences::crimeDecisionOverdue);
        on.on(EnhancedRightsSet.class, CaseSentences::enhancedRights);
        on.on(UpdatePreferenceChanged.class, CaseSentences::preferenceChanged);
        on.on(UpdateOverdue.class, CaseSentences::updateOverdue);
        on.on(KeyDecisionUpdateOverdue.class, CaseSentences::keyDecisionUpdateOverdue);
        on.on(CaseMessagePosted.class, CaseSentences::message);
        on.on(EvidenceAttached.class, CaseSentences::evidence);
        on.on(UpdateDeliveryRecorded.class, CaseSentences::delivery);
        on.on(TrackingCodeSent.class, CaseSentences::codeSent);
        on.on(KeyDecisionMade.class, CaseSentences::keyDecision);
        on.on(RetentionReviewScheduled.class, CaseSentences::retentionScheduled);
        on.on(RetentionReviewFellDue.class, CaseSentences::retentionDue);
        on.on(RetentionExtended.class, CaseSentences::retentionExtended);
        on.on(CaseDisposed.class, CaseSentences::disposed);
    }

    // ---- Opening, triage and who has the case --------------------------------------------

    private static String opened(CaseOpened e, String actor) {
        String category = e.category() == null ? "" : " in the category \"" + label(e.category()) + "\"";
        String from = blank(e.contactId()) ? "" : " from " + ContactSentences.contactOn(e.contactId(), e.channel());
        String updates = e.updatePreference() == null
                ? ""
                : ", with " + ContactSentences.updates(e.updatePreference())
                        + (e.nextUpdateDue() == null ? "" : ", the first due " + time(e.nextUpdateDue()));
        String opened = isPerson(actor)
                ? subject(actor, null, null) + " opened " + caseRef(e.reference())
                : capitalise(caseRef(e.reference())) + " was opened";
        return opened + category + from + updates;
    }

    private static String triaged(CaseTriaged e, String actor) {
        return subject(actor, e.by(), "A handler") + " made a THRIVE assessment of " + caseRef(e.reference())
                + ContactSentences.grade(e.triage());
    }

    private static String contactAdded(ContactAddedToCase e, String actor) {
        return subject(actor, e.by(), "A handler") + " added " + ContactSentences.contactOn(e.contactId(), e.channel())
                + " to " + caseRef(e.reference());
    }

    private static String linked(CaseLinked e, String actor) {
        return subject(actor, e.by(), "A handler") + " linked " + caseRef(e.reference()) + " to "
                + caseRef(e.linkedReference()) + " as the same matter";
    }

    private static String assigned(CaseAssigned e, String actor) {
        String who = subject(actor, e.by(), "A supervisor");
        String ref = caseRef(e.reference());
        if (blank(e.handler()) && blank(e.team())) {
            return who + " left " + ref + " unassigned";
        }
        if (blank(e.handler())) {
            return who + " assigned " + ref + " to " + team(e.team());
        }
        String team = blank(e.team()) ? "" : " in " + team(e.team());
        String handler =
                e.handler().strip().equals(who) ? "themselves" : e.handler().strip();
        return who + " assigned " + ref + " to " + handler + team;
    }

    private static String enhancedRights(EnhancedRightsSet e, String actor) {
        String who = subject(actor, e.by(), "A handler");
        return e.enhanced()
                ? who + " gave " + caseRef(e.reference()) + " Enhanced Rights under the Victims' Code"
                : who + " removed Enhanced Rights from " + caseRef(e.reference());
    }

    // ---- Status and the crime-recording decision -----------------------------------------

    private static String statusChanged(CaseStatusChanged e, String actor) {
        String from = e.from() == null ? "" : " from \"" + label(e.from()) + "\"";
        String to = e.to() == null ? "" : " to \"" + label(e.to()) + "\"";
        String team = blank(e.team())
                ? ""
                : (e.to() == CaseStatus.REFERRED ? ", referring it to " : ", for ") + team(e.team());
        return subject(actor, e.by(), "A handler") + " changed the status of " + caseRef(e.reference()) + from + to
                + team;
    }

    private static String reopened(CaseReopened e, String actor) {
        return subject(actor, e.by(), "A handler") + " reopened " + caseRef(e.reference()) + reason(e.reason());
    }

    private static String crimeRecorded(CrimeRecorded e, String actor) {
        String number = blank(e.crimeNumber())
                ? ""
                : " with crime number " + e.crimeNumber().strip();
        return subject(actor, e.by(), "A handler") + " recorded " + caseRef(e.reference()) + " as a crime" + number;
    }

    private static String crimeNotRecorded(CrimeNotRecorded e, String actor) {
        return subject(actor, e.by(), "A handler") + " decided not to record " + caseRef(e.reference()) + " as a crime"
                + reason(e.reason());
    }

    private static String crimeDecisionOverdue(CrimeDecisionOverdue e, String actor) {
        return subject(actor, null, "The system") + " flagged that the crime-recording decision on "
                + caseRef(e.reference()) + " was not made" + by(e.dueAt());
    }

    private static String keyDecision(KeyDecisionMade e, String actor) {
        String decision = blank(e.decision()) ? "a key decision" : "the key decision " + quote(e.decision());
        String due = e.updateDueBy() == null ? "" : "; the citizen must be told by " + time(e.updateDueBy());
        return subject(actor, null, "The system") + " recorded " + decision + " on " + caseRef(e.reference()) + due;
    }

    // ---- Notes, messages and updates to the citizen --------------------------------------

    private static String internalNote(InternalNoteAdded e, String actor) {
        return subject(actor, e.by(), "A handler") + " added an internal note to " + caseRef(e.reference());
    }

    private static String message(CaseMessagePosted e, String actor) {
        String ref = caseRef(e.reference());
        if (e.from() == MessageAuthor.CITIZEN) {
            return subject(actor, null, "The citizen") + " sent a message to the police on " + ref;
        }
        if (e.from() == MessageAuthor.HANDLER) {
            return subject(actor, e.author(), "A handler") + " sent a message to the citizen on " + ref;
        }
        return subject(actor, e.author(), "Someone") + " posted a message on " + ref;
    }

    /** The file's name is the citizen's words: the sentence gives what identifies the file instead. */
    private static String evidence(EvidenceAttached e, String actor) {
        String who = e.from() == MessageAuthor.HANDLER
                ? subject(actor, e.author(), "A handler")
                : subject(actor, null, "The citizen");
        return who + " sent a file" + fileFacts(e.mediaType(), e.sizeBytes(), e.sha256()) + " for "
                + caseRef(e.reference());
    }

    private static String updatePublished(PublicUpdatePublished e, String actor) {
        String about = e.keyDecision() ? " about a key decision" : "";
        String delivery = e.channel() == null ? "" : ", for delivery" + by(e.channel());
        return subject(actor, e.by(), "A handler") + " published an update" + about + " to the citizen on "
                + caseRef(e.reference()) + delivery;
    }

    private static String codeSent(TrackingCodeSent e, String actor) {
        return subject(actor, null, "The citizen") + " had the reference and tracking code of " + caseRef(e.reference())
                + " sent to them" + by(e.channel());
    }

    private static String delivery(UpdateDeliveryRecorded e, String actor) {
        String who = subject(actor, null, "The system");
        String ref = caseRef(e.reference());
        String attempt = e.attempt() > 0 ? " (attempt " + e.attempt() + ")" : "";
        if (e.status() == null) {
            return who + " recorded what became of the update on " + ref + attempt;
        }
        return switch (e.status()) {
            case SENT -> who + " sent the update on " + ref + " to the citizen" + by(e.channel()) + attempt;
            case FAILED ->
                who + " could not send the update on " + ref + " to the citizen" + by(e.channel()) + attempt
                        + (blank(e.error()) ? "" : ", with the error " + quote(e.error()));
            case CALL_TASK -> who + " asked a handler to phone the citizen with the update on " + ref;
            case ONLINE -> who + " made the update on " + ref + " available to the citizen online";
            default ->
                who + " recorded the update on " + ref + " as "
                        + label(e.status()).toLowerCase(Locale.UK) + attempt;
        };
    }

    private static String preferenceChanged(UpdatePreferenceChanged e, String actor) {
        String updates = e.preference() == null ? "" : " to " + ContactSentences.updates(e.preference());
        String due = e.nextUpdateDue() == null ? "" : "; the next update is due " + time(e.nextUpdateDue());
        String changed = isPerson(actor)
                ? subject(actor, null, null) + " changed how the citizen hears about "
                : subject(actor, null, "The citizen") + " changed how they hear about ";
        return changed + caseRef(e.reference()) + updates + due;
    }

    // ---- Deadlines the system watches ---------------------------------------------------

    private static String updateOverdue(UpdateOverdue e, String actor) {
        return subject(actor, null, "The system") + " flagged that the update to the citizen on "
                + caseRef(e.reference()) + " was not sent" + by(e.dueAt());
    }

    private static String keyDecisionUpdateOverdue(KeyDecisionUpdateOverdue e, String actor) {
        return subject(actor, null, "The system") + " flagged that the citizen was not told of a key decision on "
                + caseRef(e.reference()) + by(e.dueAt());
    }

    // ---- Retention, review and disposal (MoPI) -------------------------------------------

    private static String retentionScheduled(RetentionReviewScheduled e, String actor) {
        String period = blank(e.period()) ? "" : " (" + e.period() + " after it was closed)";
        return subject(actor, null, "The system") + " scheduled the retention review of " + caseRef(e.reference())
                + (e.reviewDueAt() == null ? "" : " for " + time(e.reviewDueAt())) + period;
    }

    private static String retentionDue(RetentionReviewFellDue e, String actor) {
        return subject(actor, null, "The system") + " flagged that the retention review of " + caseRef(e.reference())
                + " fell due" + (e.dueAt() == null ? "" : " on " + time(e.dueAt()));
    }

    private static String retentionExtended(RetentionExtended e, String actor) {
        String next = e.nextReviewDueAt() == null ? "" : " until its next review on " + time(e.nextReviewDueAt());
        return subject(actor, e.by(), "A data-protection reviewer") + " kept " + caseRef(e.reference()) + next
                + reason(e.reason());
    }

    private static String disposed(CaseDisposed e, String actor) {
        return subject(actor, e.by(), "A data-protection reviewer") + " disposed of " + caseRef(e.reference())
                + " at its retention review, erasing its personal data" + reason(e.reason());
    }

    // ---- Wording ------------------------------------------------------------------------

    /** " by 26 Nov 2026 10:00", or " in time" when the deadline is not known. */
    private static String by(Instant due) {
        return due == null ? " in time" : " by " + time(due);
    }

    /** " by email", " by text message", " by phone", " online", or nothing. */
    static String by(UpdateChannel channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case EMAIL -> " by email";
            case SMS -> " by text message";
            case PHONE -> " by phone";
            case ONLINE -> " online";
            default -> " by " + label(channel).toLowerCase(Locale.UK);
        };
    }

    /** "the CID team"; a name that already says "team" or "unit" is not given the word twice. */
    private static String team(String team) {
        String name = team.strip();
        String lower = name.toLowerCase(Locale.UK);
        if (lower.startsWith("the ")) {
            return name;
        }
        return lower.endsWith("team") || lower.endsWith("unit") ? "the " + name : "the " + name + " team";
    }
}
