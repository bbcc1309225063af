package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.Channel;

/** A repeat contact about the same matter joins the case already open for it. */
public record AddContactToCase(
        @TargetAggregateIdentifier String reference,
        String contactId,
        Channel channel,
        String summary,
        String by,
        Instant at) {}
