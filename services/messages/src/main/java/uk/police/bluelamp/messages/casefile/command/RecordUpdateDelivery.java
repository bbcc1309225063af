package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;

public record RecordUpdateDelivery(
        @TargetAggregateIdentifier String reference,
        String updateId,
        UpdateChannel channel,
        DeliveryStatus status,
        int attempt,
        String notifyId,
        String error,
        Instant at) {}
