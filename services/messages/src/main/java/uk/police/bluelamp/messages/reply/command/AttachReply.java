package uk.police.bluelamp.messages.reply.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A handler puts an unmatched reply on a case. Answers the reply as it was received. */
public record AttachReply(@TargetAggregateIdentifier String replyId, String reference, String by, Instant at) {}
