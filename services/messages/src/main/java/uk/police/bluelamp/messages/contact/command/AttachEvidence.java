package uk.police.bluelamp.messages.contact.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.contact.ChatAuthor;

/**
 * A file sent in a live chat, by either side, once it is stored and scanned: the chat numbers it
 * with its messages so a reconnecting client fetches it like one.
 */
public record AttachEvidence(
        @TargetAggregateIdentifier String contactId,
        String evidenceId,
        ChatAuthor author,
        String authorName,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        Instant at) {}
