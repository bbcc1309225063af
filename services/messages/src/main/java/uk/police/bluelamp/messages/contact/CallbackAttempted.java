package uk.police.bluelamp.messages.contact;

import java.time.Instant;

public record CallbackAttempted(String contactId, String handler, CallbackOutcome outcome, Instant retryAt, String note, Instant at) implements ContactEvent {
}
