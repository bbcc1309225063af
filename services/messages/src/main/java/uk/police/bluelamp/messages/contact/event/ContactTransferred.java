package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record ContactTransferred(
        String contactId,
        Channel channel,
        String fromHandler,
        String toHandler,
        @PersonalData String note,
        Instant at) implements ContactEvent {}
