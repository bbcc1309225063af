package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.ChatAuthor;

/**
 * One chat message. The client's own id makes a resend after a dropped connection harmless:
 * the chat stores each clientMessageId once and answers a resend with the stored message.
 */
public record PostChatMessage(
        @TargetAggregateIdentifier String contactId,
        ChatAuthor author,
        String authorName,
        String clientMessageId,
        String text,
        Instant at) {}
