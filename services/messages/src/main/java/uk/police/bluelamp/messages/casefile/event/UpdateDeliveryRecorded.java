package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record UpdateDeliveryRecorded(
        String reference,
        String updateId,
        UpdateChannel channel,
        DeliveryStatus status,
        int attempt,
        String notifyId,
        @PersonalData String error,
        Instant at)
        implements CaseEvent {}
