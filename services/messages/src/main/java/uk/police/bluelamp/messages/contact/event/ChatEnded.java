package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.ChatAuthor;

public record ChatEnded(String contactId, ChatAuthor endedBy, String actor, Instant at) implements ContactEvent {}
