package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record ContactAssigned(String contactId, Channel channel, String handler, Assignment how, Instant at)
        implements ContactEvent {}
