package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;

public record ChatIdleWarned(String contactId, Instant closesAt, Instant at) implements ContactEvent {}
