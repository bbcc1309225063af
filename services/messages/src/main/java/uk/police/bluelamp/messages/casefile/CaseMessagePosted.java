package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record CaseMessagePosted(String reference, String messageId, MessageAuthor from, String author, String text, Instant at) implements CaseEvent {
}
