package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclineVictimSupportReferral(
        @TargetAggregateIdentifier String reference, String service, Instant at) {}
