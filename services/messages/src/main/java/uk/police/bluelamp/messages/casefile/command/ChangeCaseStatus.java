package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.CaseStatus;

public record ChangeCaseStatus(
        @TargetAggregateIdentifier String reference,
        CaseStatus status,
        String team,
        String note,
        String by,
        Instant at) {}
