package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record ContactClosed(
        String contactId,
        Channel channel,
        String handler,
        @PersonalData String outcome,
        Instant at) implements ContactEvent {}
