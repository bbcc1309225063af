package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddInternalNote(@TargetAggregateIdentifier String reference, String text, String by, Instant at) {}
