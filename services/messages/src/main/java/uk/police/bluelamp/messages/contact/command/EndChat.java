package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ChatEndReason;

public record EndChat(
        @TargetAggregateIdentifier String contactId,
        ChatAuthor endedBy,
        String actor,
        Instant at,
        ChatEndReason reason) {

    /** Ended by someone in the chat asking to. */
    public EndChat(String contactId, ChatAuthor endedBy, String actor, Instant at) {
        this(contactId, endedBy, actor, at, ChatEndReason.ASKED);
    }
}
