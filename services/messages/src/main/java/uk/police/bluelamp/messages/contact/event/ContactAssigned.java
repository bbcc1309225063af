package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;

public record ContactAssigned(String contactId, Channel channel, String handler, Assignment how, Instant at)
        implements ContactEvent {}
