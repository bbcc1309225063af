package uk.police.bluelamp.messages.reply.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A handler closes an unmatched reply that belongs to no case (a wrong number, nothing to act on). */
public record CloseReply(@TargetAggregateIdentifier String replyId, String note, String by, Instant at) {}
