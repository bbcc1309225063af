package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask the citizen how satisfied they were, once per case and never when it is unsafe to contact them. */
public record RequestSatisfaction(
        @TargetAggregateIdentifier String reference, String requestId, String tokenHash, Instant at) {}
