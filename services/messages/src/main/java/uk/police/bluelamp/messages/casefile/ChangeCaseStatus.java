package uk.police.bluelamp.messages.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeCaseStatus(
        @TargetAggregateIdentifier String reference,
        CaseStatus status,
        String team,
        String note,
        String by,
        Instant at) {}
