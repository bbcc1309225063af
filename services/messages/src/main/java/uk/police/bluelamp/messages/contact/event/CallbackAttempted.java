package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.CallbackOutcome;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record CallbackAttempted(
        String contactId,
        String handler,
        CallbackOutcome outcome,
        Instant retryAt,
        @PersonalData String note,
        Instant at)
        implements ContactEvent {}
