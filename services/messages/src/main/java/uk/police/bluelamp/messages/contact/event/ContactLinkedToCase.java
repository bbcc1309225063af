package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record ContactLinkedToCase(
        String contactId,
        Channel channel,
        String reference,
        ReportCategory category,
        @PersonalData String summary,
        String by,
        Instant at)
        implements ContactEvent {}
