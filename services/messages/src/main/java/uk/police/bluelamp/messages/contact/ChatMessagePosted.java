package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record ChatMessagePosted(String contactId, long seq, ChatAuthor author, String authorName, String clientMessageId, String text, Instant at) implements ContactEvent {
}
