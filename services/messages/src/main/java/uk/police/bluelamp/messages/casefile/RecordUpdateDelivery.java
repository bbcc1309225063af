package uk.police.bluelamp.messages.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordUpdateDelivery(
        @TargetAggregateIdentifier String reference,
        String updateId,
        UpdateChannel channel,
        DeliveryStatus status,
        int attempt,
        String notifyId,
        String error,
        Instant at) {}
