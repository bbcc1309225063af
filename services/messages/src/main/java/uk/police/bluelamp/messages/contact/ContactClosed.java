package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record ContactClosed(String contactId, Channel channel, String handler, String outcome, Instant at) implements ContactEvent {
}
