package uk.police.bluelamp.contact.chat;

import java.time.Instant;

/** A chat message as both sides see it; seq orders the transcript with no gaps. */
public record ChatMessageView(long seq, String author, String authorName, String text, String clientMessageId,
                              Instant at) {
}
