package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Two cases about one matter point at each other: sent to each of the two. */
public record LinkCase(@TargetAggregateIdentifier String reference, String linkedReference, String by, Instant at) {}
