package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/**
 * Opens a case from a contact. Commands are never stored: the case keeps only a keyed hash
 * of the tracking code in its events, so the event store cannot leak the code itself.
 */
public record OpenCase(
        @TargetAggregateIdentifier String reference,
        String contactId,
        Channel channel,
        ReportCategory category,
        String trackingCode,
        UpdatePreference updatePreference,
        CitizenDetails citizen,
        String postcode,
        Instant openedAt) {

    /** Keeps the tracking code out of any log line that prints the command. */
    @Override
    public String toString() {
        return "OpenCase[reference=" + reference + ", contactId=" + contactId + ", channel=" + channel
                + ", category=" + category + ", trackingCode=[hidden], updatePreference=" + updatePreference
                + ", citizen=[hidden], postcode=" + postcode
                + ", openedAt=" + openedAt + "]";
    }
}
