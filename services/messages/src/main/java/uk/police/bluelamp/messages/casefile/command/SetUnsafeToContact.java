package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetUnsafeToContact(@TargetAggregateIdentifier String reference, boolean unsafe, String by, Instant at) {}
