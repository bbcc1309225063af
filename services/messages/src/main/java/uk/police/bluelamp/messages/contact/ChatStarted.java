package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record ChatStarted(String contactId, String citizenName, String topic, String chatTokenHash, Instant at) implements ContactEvent {
}
