package uk.police.bluelamp.messages.contact;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what a contact was about and the case it belongs to (new or existing). */
public record LinkContactToCase(
        @TargetAggregateIdentifier String contactId,
        String reference,
        ReportCategory category,
        String summary,
        String by,
        Instant at) {}
