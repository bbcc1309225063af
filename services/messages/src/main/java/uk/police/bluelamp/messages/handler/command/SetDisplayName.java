package uk.police.bluelamp.messages.handler.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The name citizens see for this handler; null or blank clears it (they then see a neutral title). */
public record SetDisplayName(@TargetAggregateIdentifier String handler, String displayName, Instant at) {}
