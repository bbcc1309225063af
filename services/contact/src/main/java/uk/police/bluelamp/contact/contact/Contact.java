package uk.police.bluelamp.contact.contact;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.messages.contact.CallbackOutcome;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ChatEndReason;
import uk.police.bluelamp.messages.contact.HangupCause;
import uk.police.bluelamp.messages.contact.command.AnswerCall;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.messages.contact.command.AttachEvidence;
import uk.police.bluelamp.messages.contact.command.CloseContact;
import uk.police.bluelamp.messages.contact.command.DisposeOfContact;
import uk.police.bluelamp.messages.contact.command.EndChat;
import uk.police.bluelamp.messages.contact.command.ExtendContactRetention;
import uk.police.bluelamp.messages.contact.command.HangUpCall;
import uk.police.bluelamp.messages.contact.command.LinkContactToCase;
import uk.police.bluelamp.messages.contact.command.PostChatMessage;
import uk.police.bluelamp.messages.contact.command.ReceiveContact;
import uk.police.bluelamp.messages.contact.command.RecordCallbackAttempt;
import uk.police.bluelamp.messages.contact.command.RecordChatTranscriptSent;
import uk.police.bluelamp.messages.contact.command.RequestCallback;
import uk.police.bluelamp.messages.contact.command.RequestChatTranscript;
import uk.police.bluelamp.messages.contact.command.RingCall;
import uk.police.bluelamp.messages.contact.command.StartChat;
import uk.police.bluelamp.messages.contact.command.TakeNextContact;
import uk.police.bluelamp.messages.contact.command.TransferContact;
import uk.police.bluelamp.messages.contact.command.TriageContact;
import uk.police.bluelamp.messages.contact.command.WarnIdleChat;
import uk.police.bluelamp.messages.contact.event.CallAnswered;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatIdleWarned;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ChatTranscriptRequested;
import uk.police.bluelamp.messages.contact.event.ChatTranscriptSent;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactDisposed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactRetentionExtended;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.messages.contact.event.EvidenceAttached;
import uk.police.bluelamp.platform.eventstore.AggregateSnapshots;
import uk.police.bluelamp.platform.retention.RetentionReviews;

/**
 * One approach by a member of the public, through one channel: it waits in its channel's
 * queue, is worked by one handler at a time, and is closed or abandoned. Chat messages and
 * telephony events are part of it, so their order and uniqueness are kept here.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
class Contact {

    enum State {
        WAITING,
        ASSIGNED,
        ENDED,
        ABANDONED,
        CLOSED
    }

    static final int MAX_CHAT_MESSAGE = 2000;
    /** Copies of one chat sent by email: enough for a typo, too few to flood someone's inbox. */
    static final int MOST_TRANSCRIPTS = 3;
    /** How many of a chat's latest messages a resend is recognised among (ADR 0047). */
    static final int RESENDS_RECOGNISED = 500;

    @AggregateIdentifier
    private String contactId;

    private Channel channel;
    private State state;
    private String handler;
    private long lastSeq;
    // The latest messages' ids, oldest first: a resend comes while its client waits for the
    // answer, and a bounded set keeps the snapshot of a long chat as small as a short one's.
    private final LinkedHashMap<String, Long> seqByClientMessageId = new LinkedHashMap<>();
    private boolean callAnswered;
    private boolean callEnded;
    // Warned that nobody has written for a while, and nobody has written since.
    private boolean idleWarned;
    // The case the contact is part of; retention of a contact in none is its own (a case's schedule covers the rest).
    private String caseReference;
    private Instant finishedAt;
    private Instant keptUntil;
    private boolean disposed;
    private final Set<String> transcriptsAsked = new HashSet<>();
    private final Set<String> transcriptsSent = new HashSet<>();

    Contact() {
        // for event sourcing, and for telephony events that create the call on arrival
    }

    @CommandHandler
    Contact(ReceiveContact command) {
        requirePresent(command.contactId(), "contactId");
        Objects.requireNonNull(command.channel(), "channel is required");
        Objects.requireNonNull(command.details(), "details are required");
        Objects.requireNonNull(command.receivedAt(), "receivedAt is required");
        apply(new ContactReceived(
                command.contactId(),
                command.channel(),
                command.caseReference(),
                command.details(),
                command.reporter(),
                command.requestedUpdates(),
                command.receivedAt(),
                command.language()));
    }

    // ---- chat -------------------------------------------------------------------------------

    @CommandHandler
    Contact(StartChat command) {
        requirePresent(command.contactId(), "contactId");
        requirePresent(command.topic(), "topic");
        requirePresent(command.chatTokenHash(), "chatTokenHash");
        apply(new ChatStarted(
                command.contactId(),
                command.citizenName(),
                command.topic(),
                command.chatTokenHash(),
                command.at(),
                command.language()));
    }

    /** Returns the message's seq; a resend of a stored clientMessageId returns the stored seq. */
    @CommandHandler
    long handle(PostChatMessage command) {
        requireChannel(Channel.CHAT);
        requirePresent(command.clientMessageId(), "clientMessageId");
        Long stored = seqByClientMessageId.get(command.clientMessageId());
        if (stored != null) {
            return stored;
        }
        if (command.author() == ChatAuthor.SYSTEM) {
            throw new ContactRefused("A chat message is written by the citizen or the handler");
        }
        requirePresent(command.text(), "text");
        if (command.text().length() > MAX_CHAT_MESSAGE) {
            throw new ContactRefused("A message must be " + MAX_CHAT_MESSAGE + " characters or fewer");
        }
        if (state == State.ENDED || state == State.ABANDONED || state == State.CLOSED) {
            throw new ContactRefused("This chat has ended");
        }
        if (command.author() == ChatAuthor.HANDLER
                && (isBlank(command.authorName()) || !Objects.equals(handler, command.authorName()))) {
            throw new ContactRefused("Only the handler working this chat can write in it");
        }
        long seq = lastSeq + 1;
        apply(new ChatMessagePosted(
                contactId,
                seq,
                command.author(),
                command.authorName(),
                command.clientMessageId(),
                command.text(),
                command.at()));
        return seq;
    }

    /** A file sent in the chat, numbered with its messages; returns its seq. */
    @CommandHandler
    long handle(AttachEvidence command) {
        requireChannel(Channel.CHAT);
        requirePresent(command.evidenceId(), "evidenceId");
        requirePresent(command.fileName(), "fileName");
        requirePresent(command.sha256(), "sha256");
        if (command.author() == ChatAuthor.SYSTEM) {
            throw new ContactRefused("A file is sent by the citizen or the handler");
        }
        if (state == State.ENDED || state == State.ABANDONED || state == State.CLOSED) {
            throw new ContactRefused("This chat has ended");
        }
        if (command.author() == ChatAuthor.HANDLER
                && (isBlank(command.authorName()) || !Objects.equals(handler, command.authorName()))) {
            throw new ContactRefused("Only the handler working this chat can send files in it");
        }
        long seq = lastSeq + 1;
        apply(new EvidenceAttached(
                contactId,
                command.evidenceId(),
                seq,
                command.author(),
                command.authorName(),
                command.fileName(),
                command.mediaType(),
                command.sizeBytes(),
                command.sha256(),
                command.at()));
        return seq;
    }

    @CommandHandler
    void handle(EndChat command) {
        requireChannel(Channel.CHAT);
        if (state != State.WAITING && state != State.ASSIGNED) {
            return; // ending twice changes nothing
        }
        ChatEndReason reason = command.reason() == null ? ChatEndReason.ASKED : command.reason();
        switch (reason) {
            case ASKED -> {
                if (command.endedBy() == ChatAuthor.SYSTEM) {
                    throw new ContactRefused("Only the citizen or the handler can ask to end a chat");
                }
                if (command.endedBy() == ChatAuthor.HANDLER
                        && (isBlank(command.actor()) || !Objects.equals(handler, command.actor()))) {
                    throw new ContactRefused("Only the handler working this chat can end it");
                }
            }
            case IDLE -> {
                if (state != State.ASSIGNED || !idleWarned) {
                    return; // someone wrote after the warning: the chat goes on
                }
            }
            case CITIZEN_LEFT -> {
                // the citizen's connections are all gone past the grace period (ChatPresence)
            }
        }
        if (state == State.WAITING) {
            apply(new ContactAbandoned(contactId, channel, command.at()));
        }
        apply(new ChatEnded(contactId, command.endedBy(), command.actor(), command.at(), reason));
    }

    @CommandHandler
    void handle(WarnIdleChat command) {
        requireChannel(Channel.CHAT);
        Objects.requireNonNull(command.closesAt(), "closesAt is required");
        if (state != State.ASSIGNED || idleWarned) {
            return;
        }
        apply(new ChatIdleWarned(contactId, command.closesAt(), command.at()));
    }

    @CommandHandler
    void handle(RequestChatTranscript command) {
        requireChannel(Channel.CHAT);
        requirePresent(command.requestId(), "requestId");
        requirePresent(command.email(), "email");
        if (disposed) {
            throw new ContactAlreadyDisposed();
        }
        if (transcriptsAsked.contains(command.requestId())) {
            return;
        }
        if (lastSeq == 0) {
            throw new ContactRefused("Nothing has been said in this chat yet, so there is nothing to send");
        }
        if (transcriptsAsked.size() >= MOST_TRANSCRIPTS) {
            throw new ContactRefused("A copy of this conversation has been sent " + MOST_TRANSCRIPTS
                    + " times already. No more copies can be sent");
        }
        apply(new ChatTranscriptRequested(contactId, command.requestId(), command.email(), lastSeq, command.at()));
    }

    /** Recorded once per request: a second send of the same copy (a retried dead letter) changes nothing. */
    @CommandHandler
    void handle(RecordChatTranscriptSent command) {
        requirePresent(command.notifyId(), "notifyId");
        if (!transcriptsAsked.contains(command.requestId())) {
            throw new IllegalArgumentException("No copy of this chat was asked for as " + command.requestId());
        }
        if (transcriptsSent.contains(command.requestId())) {
            return;
        }
        apply(new ChatTranscriptSent(contactId, command.requestId(), command.notifyId(), command.at()));
    }

    // ---- call-back --------------------------------------------------------------------------

    @CommandHandler
    Contact(RequestCallback command) {
        requirePresent(command.contactId(), "contactId");
        requirePresent(command.phone(), "phone");
        Objects.requireNonNull(command.windowStart(), "windowStart is required");
        Objects.requireNonNull(command.windowEnd(), "windowEnd is required");
        apply(new CallbackRequested(
                command.contactId(),
                command.name(),
                command.phone(),
                command.topic(),
                command.windowStart(),
                command.windowEnd(),
                command.at(),
                command.caseReference(),
                command.language()));
    }

    @CommandHandler
    void handle(RecordCallbackAttempt command) {
        requireChannel(Channel.CALLBACK);
        requireHandler(command.handler());
        Objects.requireNonNull(command.outcome(), "outcome is required");
        if (command.outcome() == CallbackOutcome.NO_ANSWER
                && command.retryAt() != null
                && !command.retryAt().isAfter(command.at())) {
            throw new ContactRefused("The retry time must be in the future");
        }
        apply(new CallbackAttempted(
                contactId,
                command.handler(),
                command.outcome(),
                command.outcome() == CallbackOutcome.NO_ANSWER ? command.retryAt() : null,
                command.note(),
                command.at()));
    }

    // ---- telephony: events may arrive late, twice or out of order ---------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RingCall command) {
        ringIfNew(command.contactId(), command.call(), command.at());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AnswerCall command) {
        ringIfNew(command.contactId(), command.call(), command.at());
        if (callAnswered) {
            return;
        }
        apply(new CallAnswered(
                contactId, command.call(), command.handler(), command.answeringNumber(), callEnded, command.at()));
        // Even when the hangup overtook it, the handler who answered must be able to record
        // what the call was about and close it.
        if (command.handler() != null && (state == State.WAITING || state == State.ENDED)) {
            apply(new ContactAssigned(contactId, channel, command.handler(), Assignment.ANSWERED, command.at()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(HangUpCall command) {
        ringIfNew(command.contactId(), command.call(), command.at());
        if (callEnded) {
            return;
        }
        HangupCause cause = command.cause() == null ? HangupCause.NORMAL_CLEARING : command.cause();
        apply(new CallEnded(contactId, command.call(), cause, callAnswered, command.at()));
        if (!callAnswered && state == State.WAITING) {
            if (cause == HangupCause.FORWARDED) {
                // Forwarded elsewhere by the telephony platform: not abandoned, and no longer ours to answer.
                apply(new ContactClosed(contactId, channel, null, "Forwarded by the telephony platform", command.at()));
            } else {
                apply(new ContactAbandoned(contactId, channel, command.at()));
            }
        }
    }

    private void ringIfNew(String id, CallDetails call, Instant at) {
        if (channel != null) {
            requireChannel(Channel.PHONE);
        } else {
            requirePresent(id, "contactId");
            Objects.requireNonNull(call, "call details are required");
            apply(new CallRang(id, call, at));
        }
    }

    // ---- queue work, any channel ------------------------------------------------------------

    @CommandHandler
    void handle(AssignContact command) {
        requirePresent(command.handler(), "handler");
        if (state == State.ASSIGNED && Objects.equals(handler, command.handler())) {
            return; // already theirs: a double click is not an error
        }
        assignWaiting(command.handler(), command.how(), command.at());
    }

    @CommandHandler
    void handle(TakeNextContact command) {
        requirePresent(command.handler(), "handler");
        assignWaiting(command.handler(), Assignment.TAKEN, command.at());
    }

    private void assignWaiting(String to, Assignment how, Instant at) {
        if (state != State.WAITING) {
            if (state == State.ASSIGNED) {
                throw new ContactAlreadyTaken(contactId);
            }
            throw new ContactRefused("This contact is no longer waiting");
        }
        apply(new ContactAssigned(contactId, channel, to, how, at));
    }

    @CommandHandler
    void handle(TransferContact command) {
        requireHandler(command.byHandler());
        requirePresent(command.note(), "note");
        if (command.toHandler() != null && command.toHandler().isBlank()) {
            throw new IllegalArgumentException("toHandler must name a handler");
        }
        if (Objects.equals(command.toHandler(), command.byHandler())) {
            throw new ContactRefused("Choose another handler to transfer to");
        }
        if (command.toHandler() != null && command.neededSkill() != null) {
            throw new IllegalArgumentException("A skill is asked for only when the contact goes back to the queue");
        }
        if (callEnded) {
            // Nobody is on the line: another handler or the queue would wait on a dead call.
            throw new ContactRefused("The caller has hung up: record what the call was about and close it");
        }
        apply(new ContactTransferred(
                contactId,
                channel,
                command.byHandler(),
                command.toHandler(),
                command.note(),
                command.neededSkill(),
                command.at()));
        if (command.toHandler() != null) {
            apply(new ContactAssigned(contactId, channel, command.toHandler(), Assignment.TRANSFERRED, command.at()));
        }
    }

    @CommandHandler
    void handle(CloseContact command) {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.WAITING || state == State.ABANDONED) {
            throw new ContactRefused("Take the contact before closing it");
        }
        if (!Objects.equals(handler, command.handler())) {
            throw new ContactRefused("Only the handler working this contact can close it");
        }
        apply(new ContactClosed(contactId, channel, command.handler(), command.outcome(), command.at()));
    }

    @CommandHandler
    void handle(TriageContact command) {
        Objects.requireNonNull(command.triage(), "triage is required");
        Objects.requireNonNull(command.triage().grade(), "grade is required");
        requirePresent(command.triage().rationale(), "rationale");
        apply(new ContactTriaged(contactId, channel, command.triage(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(LinkContactToCase command) {
        requirePresent(command.reference(), "reference");
        if (caseReference != null && !caseReference.equals(command.reference())) {
            // One case per matter: a second case for the same contact is a duplicate; link the cases instead.
            throw new ContactRefused("This contact is already part of case " + caseReference
                    + ". Save the summary there, or link the two cases from the case page.");
        }
        apply(new ContactLinkedToCase(
                contactId,
                channel,
                command.reference(),
                command.category(),
                command.summary(),
                command.by(),
                command.at()));
    }

    // ---- retention of a contact that is part of no case --------------------------------------

    static final int MAX_RETENTION_REASON = RetentionReviews.MAX_REASON;

    /** Still needed (a complaint, a linked enquiry): kept until the next review. */
    @CommandHandler
    void handle(ExtendContactRetention command, ContactRetention retention) {
        requireRetentionReason(command.reason());
        Objects.requireNonNull(command.nextReviewDueAt(), "nextReviewDueAt is required");
        if (!command.nextReviewDueAt().isAfter(command.at())) {
            throw new IllegalArgumentException("The next review must be in the future");
        }
        refuseUnlessReviewDue(retention, command.at());
        apply(new ContactRetentionExtended(
                contactId, command.reason().strip(), command.nextReviewDueAt(), command.by(), command.at()));
    }

    /** No purpose remains: the contact's personal data is erased (by the caller). */
    @CommandHandler
    void handle(DisposeOfContact command, ContactRetention retention) {
        requireRetentionReason(command.reason());
        refuseUnlessReviewDue(retention, command.at());
        apply(new ContactDisposed(contactId, command.reason().strip(), command.by(), command.at()));
    }

    private void refuseUnlessReviewDue(ContactRetention retention, Instant now) {
        if (disposed) {
            throw new ContactAlreadyDisposed();
        }
        if (caseReference != null) {
            throw new ContactRefused("This contact is part of a case: it is reviewed with the case");
        }
        if (finishedAt == null) {
            throw new ContactRefused("This contact is still open: it has no retention review yet");
        }
        Instant due = keptUntil != null ? keptUntil : retention.reviewDue(finishedAt);
        if (due.isAfter(now)) {
            throw new ContactRefused("The retention review is not due until " + due);
        }
    }

    private static void requireRetentionReason(String reason) {
        requirePresent(reason, "reason");
        if (reason.strip().length() > MAX_RETENTION_REASON) {
            throw new IllegalArgumentException("The reason must be " + MAX_RETENTION_REASON + " characters or fewer");
        }
    }

    // ---- state ------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ContactReceived event) {
        arrive(event.contactId(), event.channel());
        caseReference = event.caseReference();
    }

    @EventSourcingHandler
    void on(ChatStarted event) {
        arrive(event.contactId(), Channel.CHAT);
    }

    @EventSourcingHandler
    void on(CallbackRequested event) {
        arrive(event.contactId(), Channel.CALLBACK);
        caseReference = event.caseReference();
    }

    @EventSourcingHandler
    void on(ContactLinkedToCase event) {
        caseReference = event.reference();
    }

    @EventSourcingHandler
    void on(ContactRetentionExtended event) {
        keptUntil = event.nextReviewDueAt();
    }

    @EventSourcingHandler
    void on(ContactDisposed event) {
        disposed = true;
    }

    @EventSourcingHandler
    void on(CallRang event) {
        arrive(event.contactId(), Channel.PHONE);
    }

    @EventSourcingHandler
    void on(ChatIdleWarned event) {
        idleWarned = true;
    }

    @EventSourcingHandler
    void on(ChatMessagePosted event) {
        idleWarned = false;
        lastSeq = event.seq();
        seqByClientMessageId.put(event.clientMessageId(), event.seq());
        if (seqByClientMessageId.size() > RESENDS_RECOGNISED) {
            seqByClientMessageId.remove(seqByClientMessageId.keySet().iterator().next());
        }
    }

    @EventSourcingHandler
    void on(EvidenceAttached event) {
        idleWarned = false;
        lastSeq = event.seq();
    }

    @EventSourcingHandler
    void on(ChatTranscriptRequested event) {
        transcriptsAsked.add(event.requestId());
    }

    @EventSourcingHandler
    void on(ChatTranscriptSent event) {
        transcriptsSent.add(event.requestId());
    }

    @EventSourcingHandler
    void on(ChatEnded event) {
        if (state != State.ABANDONED) {
            state = State.ENDED;
        }
    }

    @EventSourcingHandler
    void on(CallAnswered event) {
        callAnswered = true;
        if (event.afterHangup() && state == State.ABANDONED) {
            state = State.ENDED; // the hangup overtook its answer: the call was answered after all
        }
    }

    @EventSourcingHandler
    void on(CallEnded event) {
        callEnded = true;
    }

    @EventSourcingHandler
    void on(CallbackAttempted event) {
        if (event.retryAt() != null) {
            state = State.WAITING;
            handler = null;
            finishedAt = null;
        }
    }

    @EventSourcingHandler
    void on(ContactAssigned event) {
        idleWarned = false;
        state = State.ASSIGNED;
        handler = event.handler();
    }

    @EventSourcingHandler
    void on(ContactTransferred event) {
        state = State.WAITING;
        handler = null;
    }

    @EventSourcingHandler
    void on(ContactAbandoned event) {
        state = State.ABANDONED;
        finishedAt = finishedAt == null ? event.at() : finishedAt;
    }

    @EventSourcingHandler
    void on(ContactClosed event) {
        state = State.CLOSED;
        finishedAt = event.at();
    }

    private void arrive(String id, Channel arrivedThrough) {
        contactId = id;
        channel = arrivedThrough;
        state = State.WAITING;
    }

    private void requireChannel(Channel expected) {
        if (channel != expected) {
            throw new ContactRefused("This is not a " + expected.name().toLowerCase() + " contact");
        }
    }

    private void requireHandler(String who) {
        if (state != State.ASSIGNED || !Objects.equals(handler, who)) {
            throw new ContactRefused("Only the handler working this contact can do that");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void requirePresent(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
