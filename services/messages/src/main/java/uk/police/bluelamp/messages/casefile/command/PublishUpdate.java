package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishUpdate(
        @TargetAggregateIdentifier String reference,
        String updateId,
        String text,
        boolean keyDecision,
        String by,
        Instant at) {}
