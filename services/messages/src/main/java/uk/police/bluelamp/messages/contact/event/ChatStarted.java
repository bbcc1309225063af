package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record ChatStarted(
        String contactId,
        @PersonalData String citizenName,
        @PersonalData String topic,
        String chatTokenHash,
        Instant at)
        implements ContactEvent {}
