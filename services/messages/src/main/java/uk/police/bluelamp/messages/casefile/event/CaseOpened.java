package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.privacy.PersonalData;

public record CaseOpened(
        String reference,
        String contactId,
        Channel channel,
        ReportCategory category,
        String trackingCodeHash,
        UpdatePreference updatePreference,
        CitizenDetails citizen,
        @PersonalData String postcode,
        Instant openedAt,
        Instant nextUpdateDue)
        implements CaseEvent {}
