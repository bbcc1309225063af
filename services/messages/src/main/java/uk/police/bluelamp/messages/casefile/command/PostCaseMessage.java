package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.MessageAuthor;

public record PostCaseMessage(
        @TargetAggregateIdentifier String reference,
        String messageId,
        MessageAuthor from,
        String author,
        String text,
        Instant at) {}
