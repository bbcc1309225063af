package uk.police.bluelamp.messages.handler.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.police.bluelamp.messages.handler.Availability;

public record ChangeAvailability(@TargetAggregateIdentifier String handler, Availability status, Instant at) {}
