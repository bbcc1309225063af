package uk.police.bluelamp.messages.handler.event;

import java.time.Instant;
import uk.police.bluelamp.messages.handler.Availability;

public record HandlerAvailabilityChanged(String handler, Availability status, Availability previous, Instant at)
        implements HandlerEvent {}
