package uk.police.bluelamp.messages.reply.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.messages.reply.ReplyMatch;

/**
 * A reply as the provider passed it on. The id is made from the provider's own message id, so a
 * callback delivered twice is one reply. reference and matchedBy are both null when it matched
 * no case. Answers true when the reply is new, false when it was received before.
 */
public record ReceiveReply(
        @TargetAggregateIdentifier String replyId,
        ReplyChannel channel,
        String sender,
        String subject,
        String text,
        Instant receivedAt,
        String reference,
        ReplyMatch matchedBy) {}
