package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReopenCase(@TargetAggregateIdentifier String reference, String reason, String by, Instant at) {}
