package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DisposeOfCase(@TargetAggregateIdentifier String reference, String reason, String by, Instant at) {}
