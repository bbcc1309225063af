package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record ChatEnded(String contactId, ChatAuthor endedBy, String actor, Instant at) implements ContactEvent {}
