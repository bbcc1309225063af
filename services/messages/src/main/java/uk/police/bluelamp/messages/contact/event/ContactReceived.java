package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;

public record ContactReceived(
        String contactId,
        Channel channel,
        String caseReference,
        ReportDetails details,
        Reporter reporter,
        UpdatePreference requestedUpdates,
        Instant receivedAt,
        Language language)
        implements ContactEvent {

    public ContactReceived {
        language = Language.orEnglish(language);
    }

    public ContactReceived(
            String contactId,
            Channel channel,
            String caseReference,
            ReportDetails details,
            Reporter reporter,
            UpdatePreference requestedUpdates,
            Instant receivedAt) {
        this(contactId, channel, caseReference, details, reporter, requestedUpdates, receivedAt, Language.ENGLISH);
    }
}
