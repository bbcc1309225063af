package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record CallbackRequested(String contactId, String name, String phone, String topic, Instant windowStart, Instant windowEnd, Instant at) implements ContactEvent {
}
