package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record ContactTransferred(String contactId, Channel channel, String fromHandler, String toHandler, String note, Instant at) implements ContactEvent {
}
