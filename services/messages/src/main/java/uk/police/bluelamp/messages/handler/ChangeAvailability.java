package uk.police.bluelamp.messages.handler;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeAvailability(@TargetAggregateIdentifier String handler, Availability status, Instant at) {}
