package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignCase(
        @TargetAggregateIdentifier String reference, String handler, String team, String by, Instant at) {}
