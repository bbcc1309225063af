package uk.police.bluelamp.messages.casefile.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdatePreference;

public record ChangeUpdatePreference(
        @TargetAggregateIdentifier String reference, UpdatePreference preference, CitizenDetails citizen, Instant at) {}
