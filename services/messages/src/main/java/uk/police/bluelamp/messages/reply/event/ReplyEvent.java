package uk.police.bluelamp.messages.reply.event;

/**
 * Everything that can happen to a citizen's reply by text or email. A reply is a data subject
 * of its own until it is put on a case (docs/adr/0045-replies-by-text-and-email.md).
 */
public sealed interface ReplyEvent permits ReplyReceived, ReplyMatched, ReplyClosed {

    String replyId();
}
