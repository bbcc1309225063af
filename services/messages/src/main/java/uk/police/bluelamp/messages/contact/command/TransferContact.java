package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** To another handler, or (toHandler null) back to the contact's queue, always with a note. */
public record TransferContact(
        @TargetAggregateIdentifier String contactId, String byHandler, String toHandler, String note, Instant at) {}
