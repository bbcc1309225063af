package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.MessageAuthor;

/** A file the citizen sent with their report or from the tracking page, once stored and scanned. */
public record AttachEvidence(
        @TargetAggregateIdentifier String reference,
        String evidenceId,
        MessageAuthor from,
        String author,
        String fileName,
        String mediaType,
        long sizeBytes,
        String sha256,
        Instant at) {}
