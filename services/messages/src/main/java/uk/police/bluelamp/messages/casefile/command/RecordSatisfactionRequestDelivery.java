package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;

public record RecordSatisfactionRequestDelivery(
        @TargetAggregateIdentifier String reference,
        String requestId,
        DeliveryStatus status,
        String notifyId,
        String error,
        Instant at) {}
