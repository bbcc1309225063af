package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;

public record ContactAbandoned(String contactId, Channel channel, Instant at) implements ContactEvent {}
