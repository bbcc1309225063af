package uk.police.bluelamp.messages.reply.event;

import java.time.Instant;
import uk.police.bluelamp.messages.reply.ReplyMatch;

/** The reply went onto the case as a secure message; by: the handler who put it there, null when matched on arrival. */
public record ReplyMatched(String replyId, String reference, ReplyMatch matchedBy, String by, Instant at)
        implements ReplyEvent {}
