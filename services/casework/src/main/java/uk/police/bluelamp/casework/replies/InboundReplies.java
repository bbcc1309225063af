package uk.police.bluelamp.casework.replies;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.command.PostCaseMessage;
import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.messages.reply.command.ReceiveReply;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.personaldata.SubjectKeys;

/**
 * Receives a reply: matched to a case, it is stored under that case's data subject and becomes a
 * secure message on the case, in the one transaction that stores the reply, so a provider's retry
 * after a failure finds either both or neither. Unmatched, it is a data subject of its own and waits
 * in the unmatched replies for a handler.
 */
@Component
class InboundReplies {

    static final String ACTOR = "citizen";

    enum Outcome {
        MATCHED,
        UNMATCHED,
        /** The provider sent it before; nothing was stored again. */
        ALREADY_RECEIVED
    }

    /** A reply as the provider passed it on, checked against the input policy and our limits. */
    record Inbound(
            String replyId,
            ReplyChannel channel,
            String sender,
            /** Null when the sender is not to be believed (an email that failed its sender check). */
            String senderKey,
            String subject,
            String text,
            Instant receivedAt) {}

    private final ReplyMatcher matcher;
    private final Commands commands;
    private final SubjectKeys subjects;
    private final TransactionTemplate transactions;

    InboundReplies(ReplyMatcher matcher, Commands commands, SubjectKeys subjects, TransactionTemplate transactions) {
        this.matcher = matcher;
        this.commands = commands;
        this.subjects = subjects;
        this.transactions = transactions;
    }

    Outcome receive(Inbound reply) {
        return transactions.execute(status -> {
            Optional<ReplyMatcher.Match> match =
                    matcher.match(reply.channel(), reply.senderKey(), reply.subject(), reply.text());
            // Before its first event: a reply on a case is that person's data, erased with the case.
            match.ifPresent(m -> subjects.sameSubject(reply.replyId(), m.reference()));
            Boolean isNew = commands.send(
                    new ReceiveReply(
                            reply.replyId(),
                            reply.channel(),
                            reply.sender(),
                            reply.subject(),
                            reply.text(),
                            reply.receivedAt(),
                            match.map(ReplyMatcher.Match::reference).orElse(null),
                            match.map(ReplyMatcher.Match::how).orElse(null)),
                    ACTOR,
                    reply.channel());
            if (!Boolean.TRUE.equals(isNew)) {
                return Outcome.ALREADY_RECEIVED;
            }
            if (match.isEmpty()) {
                return Outcome.UNMATCHED;
            }
            postOnCase(match.get().reference(), reply.replyId(), reply.channel(), reply.text(), reply.receivedAt());
            return Outcome.MATCHED;
        });
    }

    /** The reply's id is the message's: the case lists it once, however it got there. */
    void postOnCase(String reference, String replyId, ReplyChannel channel, String text, Instant at) {
        commands.send(
                new PostCaseMessage(reference, replyId, MessageAuthor.CITIZEN, author(channel), text, at),
                ACTOR,
                channel);
    }

    /** How the case's messages say the citizen wrote (the tracking page's own messages say "citizen"). */
    static String author(ReplyChannel channel) {
        return channel == ReplyChannel.SMS ? "text message" : "email";
    }
}
