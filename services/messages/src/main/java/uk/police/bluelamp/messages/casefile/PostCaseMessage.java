package uk.police.bluelamp.messages.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PostCaseMessage(
        @TargetAggregateIdentifier String reference,
        String messageId,
        MessageAuthor from,
        String author,
        String text,
        Instant at) {}
