package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record ContactAbandoned(String contactId, Channel channel, Instant at) implements ContactEvent {}
