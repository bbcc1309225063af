package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.Satisfaction;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * The citizen's answer: how satisfied, and what could be better in their words. {@code channel}
 * is how they first contacted us and {@code askedBy} how the question reached them, so reports
 * can compare channels without reading the case.
 */
public record SatisfactionGiven(
        String reference,
        String requestId,
        Satisfaction satisfaction,
        @PersonalData String comment,
        Channel channel,
        UpdateChannel askedBy,
        Instant at)
        implements CaseEvent {}
