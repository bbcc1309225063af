package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** Records what a contact was about and the case it belongs to (new or existing). */
public record LinkContactToCase(
        @TargetAggregateIdentifier String contactId,
        String reference,
        ReportCategory category,
        String summary,
        String by,
        Instant at) {}
