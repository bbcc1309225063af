package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.privacy.PersonalData;

/** neededSkill: a skill code the handler asked for when it went back to the queue; null for none (and in older events). */
public record ContactTransferred(
        String contactId,
        Channel channel,
        String fromHandler,
        String toHandler,
        @PersonalData String note,
        String neededSkill,
        Instant at)
        implements ContactEvent {}
