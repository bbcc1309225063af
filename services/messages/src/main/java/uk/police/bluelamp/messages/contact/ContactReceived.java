package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.UpdatePreference;

public record ContactReceived(
        String contactId,
        Channel channel,
        String caseReference,
        ReportDetails details,
        Reporter reporter,
        UpdatePreference requestedUpdates,
        Instant receivedAt)
        implements ContactEvent {}
