package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordCrimeDecision(
        @TargetAggregateIdentifier String reference,
        boolean recorded,
        String crimeNumber,
        String reason,
        String by,
        Instant at) {}
