package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetEnhancedRights(@TargetAggregateIdentifier String reference, boolean enhanced, String by, Instant at) {}
