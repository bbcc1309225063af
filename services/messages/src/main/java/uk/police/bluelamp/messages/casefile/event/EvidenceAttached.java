package uk.police.bluelamp.messages.casefile.event;

import java.time.Instant;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.privacy.PersonalData;

/**
 * A file added to the case, stored encrypted under the case's subject key; its SHA-256 (hex) sealed
 * into the event chain shows later that the file handed over is the one received.
 */
public record EvidenceAttached(
        String reference,
        String evidenceId,
        MessageAuthor from,
        String author,
        @PersonalData String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        Instant at)
        implements CaseEvent {}
