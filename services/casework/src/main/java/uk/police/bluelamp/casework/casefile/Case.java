package uk.police.bluelamp.casework.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.command.AddContactToCase;
import uk.police.bluelamp.messages.casefile.command.AddInternalNote;
import uk.police.bluelamp.messages.casefile.command.AssignCase;
import uk.police.bluelamp.messages.casefile.command.AttachEvidence;
import uk.police.bluelamp.messages.casefile.command.ChangeCaseStatus;
import uk.police.bluelamp.messages.casefile.command.ChangeUpdatePreference;
import uk.police.bluelamp.messages.casefile.command.DeclineVictimSupportReferral;
import uk.police.bluelamp.messages.casefile.command.DisposeOfCase;
import uk.police.bluelamp.messages.casefile.command.ExtendRetention;
import uk.police.bluelamp.messages.casefile.command.GiveSatisfaction;
import uk.police.bluelamp.messages.casefile.command.LinkCase;
import uk.police.bluelamp.messages.casefile.command.OpenCase;
import uk.police.bluelamp.messages.casefile.command.PostCaseMessage;
import uk.police.bluelamp.messages.casefile.command.PublishUpdate;
import uk.police.bluelamp.messages.casefile.command.RecordCrimeDecision;
import uk.police.bluelamp.messages.casefile.command.RecordSatisfactionRequestDelivery;
import uk.police.bluelamp.messages.casefile.command.RecordTrackingCodeSent;
import uk.police.bluelamp.messages.casefile.command.RecordUpdateDelivery;
import uk.police.bluelamp.messages.casefile.command.RecordVictimSupportReferralAttempt;
import uk.police.bluelamp.messages.casefile.command.ReopenCase;
import uk.police.bluelamp.messages.casefile.command.RequestSatisfaction;
import uk.police.bluelamp.messages.casefile.command.RequestVictimSupportReferral;
import uk.police.bluelamp.messages.casefile.command.SetEnhancedRights;
import uk.police.bluelamp.messages.casefile.command.SetUnsafeToContact;
import uk.police.bluelamp.messages.casefile.command.TriageCase;
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
import uk.police.bluelamp.messages.casefile.event.SatisfactionGiven;
import uk.police.bluelamp.messages.casefile.event.SatisfactionRequestDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.SatisfactionRequested;
import uk.police.bluelamp.messages.casefile.event.TrackingCodeSent;
import uk.police.bluelamp.messages.casefile.event.UnsafeToContactSet;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.UpdateOverdue;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralDeclined;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralFailed;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.eventstore.AggregateSnapshots;
import uk.police.bluelamp.platform.retention.RetentionReviews;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * A matter the force works on behalf of a citizen, opened from one or more contacts. It keeps
 * the force's promises as deadlines (Victims' Code Right 6, National Crime Recording Standard):
 * when one passes unmet, the case records that it is overdue, so every queue can show it.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
class Case {

    static final Duration CRIME_DECISION_WITHIN = VictimsCode.CRIME_DECISION_WITHIN;
    static final int KEY_DECISION_WORKING_DAYS = 5;
    static final int KEY_DECISION_WORKING_DAYS_ENHANCED = 1;
    /** Victims' Code Right 4: the referral passed on within 2 working days of the victim's consent. */
    static final int REFERRAL_WORKING_DAYS = 2;

    static final int MAX_TEXT = 5000;
    static final int MAX_MESSAGE = 2000;
    static final String CRIME_DECISION = "crime-decision";
    static final String UPDATE_DUE = "update-due";
    static final String KEY_DECISION_UPDATE = "key-decision-update";
    static final String RETENTION_REVIEW = "retention-review";
    static final int MAX_RETENTION_REASON = RetentionReviews.MAX_REASON;
    private static final Set<CaseStatus> FINISHED = VictimsCode.FINISHED;

    @AggregateIdentifier
    private String reference;

    private CaseStatus status;
    private UpdatePreference preference;
    private CitizenDetails citizen;
    private boolean enhancedRights;
    private boolean crimeDecided;
    private Instant nextUpdateDue;
    private Instant keyDecisionDue;
    private Instant crimeDecisionDue;
    private boolean lostProperty;
    private ReportCategory category;
    private Instant retentionReviewDue;
    private boolean retentionReviewOpen;
    private boolean disposed;
    private final Set<String> contacts = new HashSet<>();
    private final Set<String> linkedCases = new HashSet<>();
    private Channel firstChannel;
    /** Where the victim support offer and the satisfaction question stand (CitizenOffers). */
    private final CitizenOffers offers = new CitizenOffers();

    Case() {
        // for event sourcing
    }

    @CommandHandler
    Case(OpenCase command, TrackingCodeHasher hasher, DeadlineManager deadlines, VictimsCode code) {
        requirePresent(command.reference(), "reference");
        requirePresent(command.contactId(), "contactId");
        requirePresent(command.trackingCode(), "trackingCode");
        Objects.requireNonNull(command.channel(), "channel is required");
        Objects.requireNonNull(command.category(), "category is required");
        Objects.requireNonNull(command.updatePreference(), "updatePreference is required");
        Objects.requireNonNull(command.openedAt(), "openedAt is required");
        Instant due = command.updatePreference().nextUpdateDue(command.openedAt(), code.workingDays());
        apply(new CaseOpened(
                command.reference(),
                command.contactId(),
                command.channel(),
                command.category(),
                hasher.hash(command.reference(), command.trackingCode()),
                command.updatePreference(),
                command.citizen() == null ? CitizenDetails.none() : command.citizen(),
                command.postcode(),
                command.openedAt(),
                due));
        if (command.category() != ReportCategory.LOST_PROPERTY) {
            deadlines.schedule(command.openedAt().plus(CRIME_DECISION_WITHIN), CRIME_DECISION);
        }
        deadlines.schedule(due, UPDATE_DUE);
    }

    @CommandHandler
    void handle(TriageCase command) {
        Objects.requireNonNull(command.triage(), "triage is required");
        Objects.requireNonNull(command.triage().grade(), "grade is required");
        requirePresent(command.triage().rationale(), "rationale");
        apply(new CaseTriaged(reference, command.triage(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(AddContactToCase command) {
        requirePresent(command.contactId(), "contactId");
        refuseIfDisposed();
        if (contacts.contains(command.contactId())) {
            return; // the contact is part of the case already: its summary is kept on the contact
        }
        apply(new ContactAddedToCase(
                reference, command.contactId(), command.channel(), command.summary(), command.by(), command.at()));
    }

    /** Idempotent: linking two cases already linked records nothing. */
    @CommandHandler
    void handle(LinkCase command) {
        requirePresent(command.linkedReference(), "linkedReference");
        refuseIfDisposed();
        if (command.linkedReference().equals(reference)) {
            throw new CaseRefused("A case cannot be linked to itself");
        }
        if (!linkedCases.contains(command.linkedReference())) {
            apply(new CaseLinked(reference, command.linkedReference(), command.by(), command.at()));
        }
    }

    @CommandHandler
    void handle(AssignCase command) {
        if (isBlank(command.handler()) && isBlank(command.team())) {
            throw new IllegalArgumentException("Assign the case to a handler or a team");
        }
        apply(new CaseAssigned(
                reference, blankToNull(command.handler()), blankToNull(command.team()), command.by(), command.at()));
    }

    @CommandHandler
    void handle(AddInternalNote command) {
        requireText(command.text(), "note");
        apply(new InternalNoteAdded(reference, command.text().strip(), command.by(), command.at()));
    }

    /** A public update resets the clock for the next one and, if it is the key decision, meets that promise. */
    @CommandHandler
    void handle(PublishUpdate command, DeadlineManager deadlines, VictimsCode code) {
        requirePresent(command.updateId(), "updateId");
        requireText(command.text(), "update");
        Instant due = preference.nextUpdateDue(command.at(), code.workingDays());
        apply(new PublicUpdatePublished(
                reference,
                command.updateId(),
                command.text().strip(),
                command.keyDecision(),
                preference.channel(),
                command.by(),
                command.at(),
                due));
        deadlines.cancelAllWithinScope(UPDATE_DUE);
        if (!FINISHED.contains(status)) {
            deadlines.schedule(due, UPDATE_DUE);
        }
        if (command.keyDecision()) {
            deadlines.cancelAllWithinScope(KEY_DECISION_UPDATE);
        }
    }

    @CommandHandler
    void handle(ChangeCaseStatus command, DeadlineManager deadlines, RetentionSchedule retention, VictimsCode code) {
        Objects.requireNonNull(command.status(), "status is required");
        refuseIfDisposed();
        if (command.status() == CaseStatus.RECEIVED) {
            throw new IllegalArgumentException("A case cannot go back to received");
        }
        if (FINISHED.contains(status) && command.status() != CaseStatus.CLOSED) {
            throw new CaseRefused("The case is " + Wording.of(status).toLowerCase() + ": reopen it first");
        }
        if (command.status() == status) {
            throw new CaseRefused("The case is already " + Wording.of(status).toLowerCase());
        }
        if (command.status() == CaseStatus.REFERRED && isBlank(command.team())) {
            throw new IllegalArgumentException("Name the team the case is referred to");
        }
        apply(new CaseStatusChanged(
                reference,
                status,
                command.status(),
                blankToNull(command.team()),
                blankToNull(command.note()),
                command.by(),
                command.at()));
        if (FINISHED.contains(command.status())) {
            deadlines.cancelAllWithinScope(UPDATE_DUE);
        }
        if (EnumSet.of(CaseStatus.REFERRED, CaseStatus.RESOLVED, CaseStatus.CLOSED)
                .contains(command.status())) {
            keyDecisionMade("Status: " + Wording.of(command.status()), command.at(), deadlines, code);
        }
        if (command.status() == CaseStatus.CLOSED) {
            Instant due = retention.reviewDue(category, command.at());
            apply(new RetentionReviewScheduled(
                    reference, retention.periodFor(category).toString(), due, command.at()));
            deadlines.cancelAllWithinScope(RETENTION_REVIEW);
            deadlines.schedule(due, RETENTION_REVIEW);
        }
    }

    @CommandHandler
    void handle(ReopenCase command, DeadlineManager deadlines) {
        refuseIfDisposed();
        if (!FINISHED.contains(status)) {
            throw new CaseRefused("Only a resolved or closed case can be reopened");
        }
        requireText(command.reason(), "reason");
        apply(new CaseReopened(reference, command.reason().strip(), command.by(), command.at()));
        deadlines.cancelAllWithinScope(RETENTION_REVIEW);
        deadlines.cancelAllWithinScope(UPDATE_DUE);
        deadlines.schedule(preference.nextUpdateDue(command.at()), UPDATE_DUE);
    }

    /** National Crime Recording Standard: recorded, with a crime number, or the reason it was not. */
    @CommandHandler
    void handle(RecordCrimeDecision command, DeadlineManager deadlines, VictimsCode code) {
        if (lostProperty) {
            throw new CaseRefused("Lost property needs no crime-recording decision");
        }
        if (crimeDecided) {
            throw new CaseRefused("The crime-recording decision has already been made");
        }
        if (command.recorded()) {
            requirePresent(command.crimeNumber(), "crimeNumber");
            apply(new CrimeRecorded(reference, command.crimeNumber().strip(), command.by(), command.at()));
        } else {
            requireText(command.reason(), "reason");
            apply(new CrimeNotRecorded(reference, command.reason().strip(), command.by(), command.at()));
        }
        deadlines.cancelAllWithinScope(CRIME_DECISION);
        keyDecisionMade(
                command.recorded() ? "Recorded as a crime" : "Not recorded as a crime", command.at(), deadlines, code);
    }

    @CommandHandler
    void handle(SetEnhancedRights command) {
        if (command.enhanced() != enhancedRights) {
            apply(new EnhancedRightsSet(reference, command.enhanced(), command.by(), command.at()));
        }
    }

    /** The citizen may change how and how often they hear from us at any time (Right 6). */
    @CommandHandler
    void handle(ChangeUpdatePreference command, DeadlineManager deadlines, VictimsCode code) {
        Objects.requireNonNull(command.preference(), "preference is required");
        CitizenDetails details = command.citizen() == null ? citizen : command.citizen();
        Instant due = command.preference().nextUpdateDue(command.at(), code.workingDays());
        apply(new UpdatePreferenceChanged(reference, command.preference(), details, due, command.at()));
        deadlines.cancelAllWithinScope(UPDATE_DUE);
        if (!FINISHED.contains(status)) {
            deadlines.schedule(due, UPDATE_DUE);
        }
    }

    /** A file for the case, stored and scanned already; a disposed case takes nothing more. */
    @CommandHandler
    void handle(AttachEvidence command) {
        refuseIfDisposed();
        requirePresent(command.evidenceId(), "evidenceId");
        requirePresent(command.fileName(), "fileName");
        requirePresent(command.sha256(), "sha256");
        Objects.requireNonNull(command.from(), "from is required");
        apply(new EvidenceAttached(
                reference,
                command.evidenceId(),
                command.from(),
                command.author(),
                command.fileName(),
                command.mediaType(),
                command.sizeBytes(),
                command.sha256(),
                command.at()));
    }

    @CommandHandler
    void handle(PostCaseMessage command) {
        requirePresent(command.messageId(), "messageId");
        Objects.requireNonNull(command.from(), "from is required");
        requireText(command.text(), "message");
        if (command.text().strip().length() > 2000) {
            throw new IllegalArgumentException("A message must be " + MAX_MESSAGE + " characters or fewer");
        }
        apply(new CaseMessagePosted(
                reference,
                command.messageId(),
                command.from(),
                command.author(),
                command.text().strip(),
                command.at()));
    }

    @CommandHandler
    void handle(RecordUpdateDelivery command) {
        apply(new UpdateDeliveryRecorded(
                reference,
                command.updateId(),
                command.channel(),
                command.status(),
                command.attempt(),
                command.notifyId(),
                command.error(),
                command.at()));
    }

    @CommandHandler
    void handle(RecordTrackingCodeSent command) {
        refuseIfDisposed();
        Objects.requireNonNull(command.channel(), "channel is required");
        apply(new TrackingCodeSent(reference, command.channel(), command.notifyId(), command.at()));
    }

    /** MoPI review: the case is still needed for a policing purpose, so it is kept until the next review. */
    @CommandHandler
    void handle(ExtendRetention command, DeadlineManager deadlines) {
        requireRetentionReason(command.reason());
        Objects.requireNonNull(command.nextReviewDueAt(), "nextReviewDueAt is required");
        if (!command.nextReviewDueAt().isAfter(command.at())) {
            throw new IllegalArgumentException("The next review must be in the future");
        }
        refuseUnlessReviewDue();
        apply(new RetentionExtended(
                reference, command.reason().strip(), command.nextReviewDueAt(), command.by(), command.at()));
        deadlines.cancelAllWithinScope(RETENTION_REVIEW);
        deadlines.schedule(command.nextReviewDueAt(), RETENTION_REVIEW);
    }

    /** MoPI review: no policing purpose remains, so the case's personal data is erased (by the caller). */
    @CommandHandler
    void handle(DisposeOfCase command, DeadlineManager deadlines) {
        requireRetentionReason(command.reason());
        refuseUnlessReviewDue();
        apply(new CaseDisposed(reference, command.reason().strip(), command.by(), command.at()));
        deadlines.cancelAllWithinScope(RETENTION_REVIEW);
    }

    @CommandHandler
    void handle(SetUnsafeToContact command) {
        if (command.unsafe() != offers.unsafeToContact) {
            apply(new UnsafeToContactSet(reference, command.unsafe(), command.by(), command.at()));
        }
    }

    /** Victims' Code Right 4: with the victim's consent, their details go to the victim support service. */
    @CommandHandler
    void handle(RequestVictimSupportReferral command, VictimsCode code) {
        refuseIfDisposed();
        requirePresent(command.referralId(), "referralId");
        requirePresent(command.service(), "service");
        offers.refuseReferralUnlessOpen(lostProperty);
        if (isBlank(command.email()) && isBlank(command.phone())) {
            throw new IllegalArgumentException("Give a phone number or an email address for the service to use");
        }
        apply(new VictimSupportReferralRequested(
                reference,
                command.referralId(),
                command.service().strip(),
                category,
                blankToNull(command.name()),
                blankToNull(command.email()),
                blankToNull(command.phone()),
                command.at(),
                code.workingDays().plus(command.at(), REFERRAL_WORKING_DAYS)));
    }

    /** Idempotent; a victim who said no may still say yes later, but not no after yes. */
    @CommandHandler
    void handle(DeclineVictimSupportReferral command) {
        refuseIfDisposed();
        offers.refuseReferralUnlessOpen(lostProperty);
        if (!offers.referralDeclined) {
            apply(new VictimSupportReferralDeclined(reference, command.service(), command.at()));
        }
    }

    /** Once accepted a referral stays sent: an answer to a retry that crossed it records nothing. */
    @CommandHandler
    void handle(RecordVictimSupportReferralAttempt command) {
        if (!Objects.equals(command.referralId(), offers.referralId)) {
            throw new CaseRefused("No such referral on this case");
        }
        if (offers.referralSent) {
            return;
        }
        if (command.accepted()) {
            apply(new VictimSupportReferralSent(
                    reference, command.referralId(), command.serviceReference(), command.attempt(), command.at()));
        } else {
            apply(new VictimSupportReferralFailed(
                    reference, command.referralId(), command.attempt(), command.error(), command.at()));
        }
    }

    /**
     * Once per case, when it is finished, and never when contacting the citizen is unsafe. Answers
     * the channel the question goes by, or null when it is not asked.
     */
    @CommandHandler
    UpdateChannel handle(RequestSatisfaction command) {
        if (disposed || offers.unsafeToContact || offers.satisfactionRequestId != null || !FINISHED.contains(status)) {
            return null;
        }
        requirePresent(command.requestId(), "requestId");
        requirePresent(command.tokenHash(), "tokenHash");
        apply(new SatisfactionRequested(
                reference, command.requestId(), command.tokenHash(), preference.channel(), command.at()));
        return preference.channel();
    }

    @CommandHandler
    void handle(RecordSatisfactionRequestDelivery command) {
        Objects.requireNonNull(command.status(), "status is required");
        apply(new SatisfactionRequestDeliveryRecorded(
                reference, command.requestId(), command.status(), command.notifyId(), command.error(), command.at()));
    }

    @CommandHandler
    void handle(GiveSatisfaction command) {
        refuseIfDisposed();
        Objects.requireNonNull(command.satisfaction(), "satisfaction is required");
        offers.refuseAnswerUnlessAsked(command.requestId());
        String comment = blankToNull(command.comment());
        if (comment != null && comment.length() > CitizenOffers.MAX_COMMENT) {
            throw new IllegalArgumentException(
                    "Keep what could be better to " + CitizenOffers.MAX_COMMENT + " characters or fewer");
        }
        apply(new SatisfactionGiven(
                reference,
                command.requestId(),
                command.satisfaction(),
                comment,
                firstChannel,
                offers.satisfactionAskedBy,
                command.at()));
    }

    @DeadlineHandler(deadlineName = RETENTION_REVIEW)
    void retentionReviewDue() {
        if (status == CaseStatus.CLOSED && !disposed && !retentionReviewOpen) {
            apply(new RetentionReviewFellDue(reference, retentionReviewDue));
        }
    }

    @DeadlineHandler(deadlineName = CRIME_DECISION)
    void crimeDecisionDue() {
        if (!crimeDecided) {
            apply(new CrimeDecisionOverdue(reference, crimeDecisionDue));
        }
    }

    @DeadlineHandler(deadlineName = UPDATE_DUE)
    void updateDue() {
        if (!FINISHED.contains(status)) {
            apply(new UpdateOverdue(reference, nextUpdateDue));
        }
    }

    @DeadlineHandler(deadlineName = KEY_DECISION_UPDATE)
    void keyDecisionUpdateDue() {
        apply(new KeyDecisionUpdateOverdue(reference, keyDecisionDue));
    }

    private void keyDecisionMade(String decision, Instant at, DeadlineManager deadlines, VictimsCode code) {
        int days = enhancedRights ? KEY_DECISION_WORKING_DAYS_ENHANCED : KEY_DECISION_WORKING_DAYS;
        Instant due = code.workingDays().plus(at, days);
        apply(new KeyDecisionMade(reference, decision, at, due));
        deadlines.cancelAllWithinScope(KEY_DECISION_UPDATE);
        deadlines.schedule(due, KEY_DECISION_UPDATE);
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        reference = event.reference();
        status = CaseStatus.RECEIVED;
        preference = event.updatePreference();
        citizen = event.citizen();
        nextUpdateDue = event.nextUpdateDue();
        lostProperty = event.category() == ReportCategory.LOST_PROPERTY;
        crimeDecided = lostProperty;
        crimeDecisionDue = event.openedAt().plus(CRIME_DECISION_WITHIN);
        category = event.category();
        firstChannel = event.channel();
        contacts.add(event.contactId());
    }

    @EventSourcingHandler
    void on(ContactAddedToCase event) {
        contacts.add(event.contactId());
    }

    @EventSourcingHandler
    void on(CaseLinked event) {
        linkedCases.add(event.linkedReference());
    }

    @EventSourcingHandler
    void on(RetentionReviewScheduled event) {
        retentionReviewDue = event.reviewDueAt();
        retentionReviewOpen = false;
    }

    @EventSourcingHandler
    void on(RetentionReviewFellDue event) {
        retentionReviewOpen = true;
    }

    @EventSourcingHandler
    void on(RetentionExtended event) {
        retentionReviewDue = event.nextReviewDueAt();
        retentionReviewOpen = false;
    }

    @EventSourcingHandler
    void on(CaseDisposed event) {
        disposed = true;
        retentionReviewOpen = false;
    }

    @EventSourcingHandler
    void on(KeyDecisionMade event) {
        keyDecisionDue = event.updateDueBy();
    }

    @EventSourcingHandler
    void on(PublicUpdatePublished event) {
        nextUpdateDue = event.nextUpdateDue();
    }

    @EventSourcingHandler
    void on(CaseStatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        status = CaseStatus.UNDER_REVIEW;
        retentionReviewDue = null;
        retentionReviewOpen = false;
        nextUpdateDue = preference.nextUpdateDue(event.at());
    }

    @EventSourcingHandler
    void on(CrimeRecorded event) {
        crimeDecided = true;
    }

    @EventSourcingHandler
    void on(CrimeNotRecorded event) {
        crimeDecided = true;
    }

    @EventSourcingHandler
    void on(EnhancedRightsSet event) {
        enhancedRights = event.enhanced();
    }

    @EventSourcingHandler
    void on(UpdatePreferenceChanged event) {
        preference = event.preference();
        citizen = event.citizen();
        nextUpdateDue = event.nextUpdateDue();
    }

    @EventSourcingHandler
    void on(UnsafeToContactSet event) {
        offers.on(event);
    }

    @EventSourcingHandler
    void on(VictimSupportReferralRequested event) {
        offers.on(event);
    }

    @EventSourcingHandler
    void on(VictimSupportReferralDeclined event) {
        offers.on(event);
    }

    @EventSourcingHandler
    void on(VictimSupportReferralSent event) {
        offers.on(event);
    }

    @EventSourcingHandler
    void on(SatisfactionRequested event) {
        offers.on(event);
    }

    @EventSourcingHandler
    void on(SatisfactionGiven event) {
        offers.on(event);
    }

    private void refuseIfDisposed() {
        if (disposed) {
            throw new CaseAlreadyDisposed();
        }
    }

    private void refuseUnlessReviewDue() {
        refuseIfDisposed();
        if (!retentionReviewOpen) {
            throw new CaseRefused(
                    retentionReviewDue == null
                            ? "The case has no retention review: it is not closed"
                            : "The retention review is not due until " + retentionReviewDue);
        }
    }

    private static void requireRetentionReason(String reason) {
        requirePresent(reason, "reason");
        if (reason.strip().length() > MAX_RETENTION_REASON) {
            throw new IllegalArgumentException("The reason must be " + MAX_RETENTION_REASON + " characters or fewer");
        }
    }

    private static void requireText(String value, String name) {
        requirePresent(value, name);
        if (value.strip().length() > MAX_TEXT) {
            throw new IllegalArgumentException("The " + name + " must be " + MAX_TEXT + " characters or fewer");
        }
    }

    private static void requirePresent(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}
