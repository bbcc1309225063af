package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** What became of the satisfaction question on its way to the citizen (GOV.UK Notify's id when sent). */
public record SatisfactionRequestDeliveryRecorded(
        String reference,
        String requestId,
        DeliveryStatus status,
        String notifyId,
        @PersonalData String error,
        Instant at)
        implements CaseEvent {}
