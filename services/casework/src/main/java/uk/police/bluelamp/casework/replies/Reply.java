package uk.police.bluelamp.casework.replies;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.casework.casefile.CaseRefused;
import uk.police.bluelamp.messages.reply.ReplyMatch;
import uk.police.bluelamp.messages.reply.command.AttachReply;
import uk.police.bluelamp.messages.reply.command.CloseReply;
import uk.police.bluelamp.messages.reply.command.ReceiveReply;
import uk.police.bluelamp.messages.reply.event.ReplyClosed;
import uk.police.bluelamp.messages.reply.event.ReplyMatched;
import uk.police.bluelamp.messages.reply.event.ReplyReceived;

/**
 * A citizen's reply by text or email. Providers deliver a callback again when they are unsure it
 * arrived, so receiving one is idempotent on its id (made from the provider's message id). One that
 * matched no case waits for a handler, who puts it on a case or closes it, once.
 */
@Aggregate
class Reply {

    static final int MAX_NOTE = 500;

    @AggregateIdentifier
    private String replyId;

    private ReplyReceived received;
    private String reference;
    private boolean closed;

    Reply() {
        // for event sourcing, and for a reply received for the first time
    }

    /** True when the reply is new; false when this is a provider's second delivery of it. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ReceiveReply command) {
        if (replyId != null) {
            return false;
        }
        Objects.requireNonNull(command.replyId(), "replyId is required");
        Objects.requireNonNull(command.channel(), "channel is required");
        Objects.requireNonNull(command.receivedAt(), "receivedAt is required");
        if ((command.reference() == null) != (command.matchedBy() == null)) {
            throw new IllegalArgumentException("A matched reply says how it was matched, and only then");
        }
        apply(new ReplyReceived(
                command.replyId(),
                command.channel(),
                command.sender(),
                command.subject(),
                command.text(),
                command.receivedAt()));
        if (command.reference() != null) {
            apply(new ReplyMatched(
                    command.replyId(), command.reference(), command.matchedBy(), null, command.receivedAt()));
        }
        return true;
    }

    /** Answers the reply as it was received, for the message it becomes on the case. */
    @CommandHandler
    ReplyReceived handle(AttachReply command) {
        if (command.reference() == null || command.reference().isBlank()) {
            throw new IllegalArgumentException("reference is required");
        }
        refuseUnlessWaiting();
        apply(new ReplyMatched(replyId, command.reference(), ReplyMatch.HANDLER, command.by(), command.at()));
        return received;
    }

    @CommandHandler
    void handle(CloseReply command) {
        String note = command.note() == null || command.note().isBlank()
                ? null
                : command.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("The note must be " + MAX_NOTE + " characters or fewer");
        }
        refuseUnlessWaiting();
        apply(new ReplyClosed(replyId, note, command.by(), command.at()));
    }

    private void refuseUnlessWaiting() {
        if (reference != null) {
            throw new CaseRefused("This reply is already on case " + reference);
        }
        if (closed) {
            throw new CaseRefused("This reply was closed");
        }
    }

    @EventSourcingHandler
    void on(ReplyReceived event) {
        replyId = event.replyId();
        received = event;
    }

    @EventSourcingHandler
    void on(ReplyMatched event) {
        reference = event.reference();
    }

    @EventSourcingHandler
    void on(ReplyClosed event) {
        closed = true;
    }
}
