package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;

/** Records a contact from the public as it arrived through its channel. */
public record ReceiveContact(
        @TargetAggregateIdentifier String contactId,
        Channel channel,
        String caseReference,
        ReportDetails details,
        Reporter reporter,
        UpdatePreference requestedUpdates,
        Instant receivedAt,
        Language language) {

    public ReceiveContact(
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
