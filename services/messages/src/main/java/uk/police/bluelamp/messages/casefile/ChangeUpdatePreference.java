package uk.police.bluelamp.messages.casefile;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeUpdatePreference(
        @TargetAggregateIdentifier String reference, UpdatePreference preference, CitizenDetails citizen, Instant at) {}
