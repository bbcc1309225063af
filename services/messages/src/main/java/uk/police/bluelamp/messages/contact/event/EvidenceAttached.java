package uk.police.bluelamp.messages.contact.event;

import java.time.Instant;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * A file sent in a chat, stored encrypted under the contact's subject key; its SHA-256 (hex) sealed
 * into the event chain shows later that the file handed over is the one received.
 */
public record EvidenceAttached(
        String contactId,
        String evidenceId,
        long seq,
        ChatAuthor author,
        @PersonalData String authorName,
        @PersonalData String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        Instant at)
        implements ContactEvent {}
