package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To another handler, or (toHandler null) back to the contact's queue, always with a note; going
 * back to the queue it may ask for a skill (a configured code) that whoever answers next needs.
 */
public record TransferContact(
        @TargetAggregateIdentifier String contactId,
        String byHandler,
        String toHandler,
        String note,
        String neededSkill,
        Instant at) {}
