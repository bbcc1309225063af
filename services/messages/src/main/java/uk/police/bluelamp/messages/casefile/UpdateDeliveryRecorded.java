package uk.police.bluelamp.messages.casefile;

import java.time.Instant;

public record UpdateDeliveryRecorded(String reference, String updateId, UpdateChannel channel, DeliveryStatus status, int attempt, String notifyId, String error, Instant at) implements CaseEvent {
}
