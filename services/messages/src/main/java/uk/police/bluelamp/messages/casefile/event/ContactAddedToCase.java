package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record ContactAddedToCase(
        String reference,
        String contactId,
        Channel channel,
        @PersonalData String summary,
        String by,
        Instant at) implements CaseEvent {}
